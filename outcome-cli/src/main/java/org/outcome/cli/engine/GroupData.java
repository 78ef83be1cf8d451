package org.outcome.cli.engine;

import java.util.Objects;
import org.outcome.stats.groups.TwoGroupSummary;

/**
 * Two groups summarised, with the rows read and left out.
 *
 * @param summary the two groups' summary
 * @param rowsRead every data row
 * @param rowsMissing the rows left out for a missing value (complete cases)
 */
public record GroupData(TwoGroupSummary summary, long rowsRead, long rowsMissing) {
  /** Validates. */
  public GroupData {
    Objects.requireNonNull(summary, "summary");
    if (rowsMissing < 0 || rowsMissing > rowsRead) {
      throw new IllegalArgumentException("rows missing (" + rowsMissing + ") outside 0 .. " + rowsRead);
    }
  }
}
