package org.outcome.cli.stats;

import java.util.Arrays;

/**
 * The rows of a table where every given numeric column has a value (complete cases, as R's
 * {@code complete.cases}), and the columns cut down to them.
 */
final class CompleteCases {
  private final int[] rows;
  private final int total;

  private CompleteCases(int[] rows, int total) {
    this.rows = rows;
    this.total = total;
  }

  /** The rows (from 0) where no column is {@code NaN}; the columns have one length. */
  static CompleteCases of(double[]... columns) {
    int n = columns[0].length;
    int[] keep = new int[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean complete = true;
      for (double[] column : columns) {
        complete &= !Double.isNaN(column[i]);
      }
      if (complete) {
        keep[kept++] = i;
      }
    }
    return new CompleteCases(Arrays.copyOf(keep, kept), n);
  }

  /** The number of rows left out. */
  int excluded() {
    return total - rows.length;
  }

  /** The number of rows in all. */
  int total() {
    return total;
  }

  /** A column's values on the complete rows. */
  double[] keep(double[] column) {
    double[] out = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = column[rows[k]];
    }
    return out;
  }

  /** A column's values on the complete rows. */
  String[] keep(String[] column) {
    String[] out = new String[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = column[rows[k]];
    }
    return out;
  }
}
