package org.outcome.api.instrument;

/** Whether an item's answer is used as given or recoded before aggregation. */
public enum Keying {
  /** The answer is used as given. */
  POSITIVE,
  /** The answer {@code x} on scale {@code [min, max]} is recoded as {@code min + max - x}. */
  REVERSE
}
