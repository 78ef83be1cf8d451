package org.outcome.tenure;

import java.util.List;
import java.util.Objects;
import org.outcome.api.RejectedRow;
import org.outcome.api.Violation;

/**
 * An input row that community tenure could not use, with every reason. Rows count data records
 * from 1 after the header; when the input was given as lists, row {@code i} is the list element
 * at position {@code i − 1}. No reason ever contains a subject identifier.
 *
 * @param file the people or the episodes
 * @param row the row number, from 1
 * @param reasons every problem found in the row; not empty
 */
public record Rejection(InputFile file, long row, List<Violation> reasons) {
  public Rejection {
    Objects.requireNonNull(file, "file");
    reasons = new RejectedRow(row, reasons).reasons();
  }

  /** The same rejection as the API's {@link RejectedRow}. */
  public RejectedRow toRejectedRow() {
    return new RejectedRow(row, reasons);
  }

  @Override
  public String toString() {
    return "row " + row + " of the " + file.label() + " file: " + reasons;
  }
}
