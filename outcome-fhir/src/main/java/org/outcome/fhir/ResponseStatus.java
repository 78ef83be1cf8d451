package org.outcome.fhir;

/** What became of one {@code QuestionnaireResponse}. */
public enum ResponseStatus {
  /** Valid, and its primary score has a value: every score's Observation was written. */
  SCORED,
  /**
   * Valid, but the missing-item rule leaves the primary score without a value: every score's
   * Observation was written, the unscorable ones with {@code dataAbsentReason} and no value.
   */
  NOT_SCORABLE,
  /** Not valid for the instrument: no Observation; the violations say why. */
  REJECTED
}
