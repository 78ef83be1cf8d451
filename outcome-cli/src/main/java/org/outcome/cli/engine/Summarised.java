package org.outcome.cli.engine;

import java.util.List;
import java.util.Objects;

/**
 * A table's rows summarised where they were read, with the rows read and those left out.
 *
 * @param summary what the analyses need of the rows used
 * @param rowsRead every data row
 * @param rowsMissing the rows left out for a missing value (complete cases)
 * @param omittedRows those rows' numbers (data rows from 1), as the survival commands list them
 * @param <S> the kind of summary
 */
public record Summarised<S>(S summary, long rowsRead, long rowsMissing, List<Long> omittedRows) {
  /** Validates and copies. */
  public Summarised {
    Objects.requireNonNull(summary, "summary");
    if (rowsMissing < 0 || rowsMissing > rowsRead) {
      throw new IllegalArgumentException("rows missing (" + rowsMissing + ") outside 0 .. " + rowsRead);
    }
    omittedRows = List.copyOf(omittedRows);
    if (omittedRows.size() != rowsMissing) {
      throw new IllegalArgumentException(omittedRows.size() + " rows listed for " + rowsMissing + " missing");
    }
  }
}
