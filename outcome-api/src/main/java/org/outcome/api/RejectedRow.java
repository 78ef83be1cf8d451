package org.outcome.api;

import java.util.List;

/**
 * A data row that a batch job could not use, with every reason. Batch jobs account for every row
 * they read: accepted plus rejected equals read.
 *
 * @param row the data record's number, counting from 1 after the header row
 * @param reasons every violation found in the row; not empty
 */
public record RejectedRow(long row, List<Violation> reasons) {
  public RejectedRow {
    if (row < 1) {
      throw new IllegalArgumentException("row numbers start at 1, got " + row);
    }
    reasons = List.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a rejected row needs at least one reason");
    }
  }
}
