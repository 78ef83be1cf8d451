package org.outcome.testkit.instruments;

/** The ways {@link ResponseSets#invalid} breaks an otherwise valid response set. */
public enum Invalidity {
  /** One answer one step outside its item's scale. */
  OUT_OF_SCALE,
  /** An answer to an item number the instrument does not have. */
  UNKNOWN_ITEM,
  /** The same item answered twice. */
  DUPLICATE_ITEM,
  /** An answer halfway between two allowed values. */
  NON_INTEGER,
  /** Answers labelled with another instrument's id. */
  WRONG_INSTRUMENT,
  /** Answers labelled with another version of the instrument. */
  WRONG_VERSION
}
