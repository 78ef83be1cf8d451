package org.outcome.api.instrument;

/** How a subscale combines its (recoded) item values before any transform. */
public enum Aggregation {
  /** The sum of the items; when prorated, the mean of the answered items times the item count. */
  SUM,
  /** The mean of the answered items (prorated whenever an item is missing). */
  MEAN
}
