package org.outcome.cli.engine;

import java.util.Objects;

/**
 * A table's rows summarised where they were read, with the rows read and those left out.
 *
 * @param summary what the analyses need of the rows used
 * @param rowsRead every data row
 * @param rowsMissing the rows left out for a missing value (complete cases)
 * @param <S> the kind of summary
 */
public record Summarised<S>(S summary, long rowsRead, long rowsMissing) {
  /** Validates. */
  public Summarised {
    Objects.requireNonNull(summary, "summary");
    if (rowsMissing < 0 || rowsMissing > rowsRead) {
      throw new IllegalArgumentException("rows missing (" + rowsMissing + ") outside 0 .. " + rowsRead);
    }
  }
}
