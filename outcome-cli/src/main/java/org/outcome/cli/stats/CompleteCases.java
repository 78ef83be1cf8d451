package org.outcome.cli.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    return of(Arrays.asList(columns), List.of());
  }

  /**
   * The rows (from 0) where no numeric column is {@code NaN} and no text column empty; the columns
   * have one length.
   */
  static CompleteCases of(List<double[]> numeric, List<String[]> text) {
    int n = numeric.isEmpty() ? text.get(0).length : numeric.get(0).length;
    int[] keep = new int[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean complete = true;
      for (double[] column : numeric) {
        complete &= !Double.isNaN(column[i]);
      }
      for (String[] column : text) {
        complete &= !column[i].isEmpty();
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

  /** The rows left out, from 1 as data rows are numbered in messages. */
  List<Long> omittedRows() {
    List<Long> out = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < total; i++) {
      if (k < rows.length && rows[k] == i) {
        k++;
      } else {
        out.add(i + 1L);
      }
    }
    return out;
  }

  /** The data row (from 1, as rows are numbered in messages) of the {@code k}-th complete row (from 0). */
  long row(int k) {
    return rows[k] + 1L;
  }

  /** The number of rows in all. */
  int total() {
    return total;
  }

  /** A column of flags on the complete rows. */
  boolean[] keep(boolean[] column) {
    boolean[] out = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = column[rows[k]];
    }
    return out;
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
