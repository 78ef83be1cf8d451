package org.outcome.testkit.instruments;

/** Where a generated response set sits relative to a subscale's missing-item rule. */
public enum MissingBoundary {
  /** One more item answered than the rule's minimum (when the subscale has that many items). */
  ABOVE,
  /** Exactly the rule's minimum answered: the subscale must be scored. */
  AT,
  /** One fewer than the minimum answered: the subscale must not be scored. */
  BELOW;

  /** The number of answered items this boundary means for a rule's minimum. */
  int answered(int minAnswered) {
    return switch (this) {
      case ABOVE -> minAnswered + 1;
      case AT -> minAnswered;
      case BELOW -> minAnswered - 1;
    };
  }
}
