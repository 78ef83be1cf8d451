package org.outcome.api.instrument;

/** Which direction of a score is the better outcome; reliable change uses it to name improvement. */
public enum Polarity {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER
}
