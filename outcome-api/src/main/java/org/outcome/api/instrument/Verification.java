package org.outcome.api.instrument;

/** How far a scoring fact in a definition has been checked. */
public enum Verification {
  /** Checked against the primary source (the instrument's own publication or scoring manual). */
  PRIMARY_SOURCE,
  /** Taken from a secondary source (a paper that used the instrument, a review); not yet checked. */
  SECONDARY_SOURCE,
  /** No source could be checked; the fact is provisional and says so. */
  NOT_VERIFIED
}
