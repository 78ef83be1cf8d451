package org.outcome.cli.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a table where every given column has a value (complete cases, as R's
 * {@code complete.cases} and {@code na.omit}: no numeric cell {@code NaN}, no text cell empty), and
 * the columns cut down to them. A column is handed back as it was given when every row is kept,
 * so pass a column of one's own (the {@link org.outcome.io.Table} hands out copies).
 */
public final class CompleteCases {
  private final int[] rows;
  private final int total;

  private CompleteCases(int[] rows, int total) {
    this.rows = rows;
    this.total = total;
  }

  /** The rows (from 0) where no column is {@code NaN}; the columns have one length. */
  public static CompleteCases of(double[]... columns) {
    return of(Arrays.asList(columns), List.of());
  }

  /**
   * The rows (from 0) where no numeric column is {@code NaN} and no text column empty; the columns
   * have one length.
   */
  public static CompleteCases of(List<double[]> numeric, List<String[]> text) {
    double[][] numbers = numeric.toArray(double[][]::new);
    String[][] texts = text.toArray(String[][]::new);
    int n = numbers.length == 0 ? texts[0].length : numbers[0].length;
    int[] keep = new int[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      boolean complete = true;
      for (double[] column : numbers) {
        complete &= !Double.isNaN(column[i]);
      }
      for (String[] column : texts) {
        complete &= !column[i].isEmpty();
      }
      if (complete) {
        keep[kept++] = i;
      }
    }
    return new CompleteCases(kept == n ? keep : Arrays.copyOf(keep, kept), n);
  }

  /** The number of rows left out. */
  public int excluded() {
    return total - rows.length;
  }

  /** The number of rows kept. */
  public int kept() {
    return rows.length;
  }

  /** The rows left out, from 1 as data rows are numbered in messages. */
  public List<Long> omittedRows() {
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
  public long row(int k) {
    return rows[k] + 1L;
  }

  /** The data rows (from 1) of the complete rows, in order. */
  public long[] rowNumbers() {
    long[] out = new long[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = rows[k] + 1L;
    }
    return out;
  }

  /** The number of rows in all. */
  public int total() {
    return total;
  }

  /** A column of flags on the complete rows (the column itself when every row is kept). */
  public boolean[] keep(boolean[] column) {
    if (rows.length == total) {
      return column;
    }
    boolean[] out = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = column[rows[k]];
    }
    return out;
  }

  /** A column's values on the complete rows (the column itself when every row is kept). */
  public double[] keep(double[] column) {
    if (rows.length == total) {
      return column;
    }
    double[] out = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = column[rows[k]];
    }
    return out;
  }

  /** A column's values on the complete rows (the column itself when every row is kept). */
  public String[] keep(String[] column) {
    if (rows.length == total) {
      return column;
    }
    String[] out = new String[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = column[rows[k]];
    }
    return out;
  }
}
