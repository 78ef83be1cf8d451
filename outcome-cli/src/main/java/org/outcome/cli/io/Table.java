package org.outcome.cli.io;

import java.util.Map;

/**
 * Columns read by a {@link TableReader}, each an array with one entry per data row (row
 * {@code i + 1} of the file is index {@code i}).
 */
public final class Table {
  private final int rows;
  private final Map<String, double[]> numeric;
  private final Map<String, String[]> text;
  private final Map<String, boolean[]> binary;

  Table(int rows, Map<String, double[]> numeric, Map<String, String[]> text, Map<String, boolean[]> binary) {
    this.rows = rows;
    this.numeric = numeric;
    this.text = text;
    this.binary = binary;
  }

  /** The number of data rows. */
  public int rows() {
    return rows;
  }

  /** A numeric column; {@code NaN} marks an empty cell where empty cells were allowed. */
  public double[] numeric(String column) {
    return require(numeric.get(column), column);
  }

  /** A text column; the empty string marks an empty cell where empty cells were allowed. */
  public String[] text(String column) {
    return require(text.get(column), column);
  }

  /** A 0/1 column as booleans ({@code 1} is {@code true}). */
  public boolean[] binary(String column) {
    return require(binary.get(column), column);
  }

  private static <T> T require(T values, String column) {
    if (values == null) {
      throw new IllegalArgumentException("column '" + column + "' was not requested from the reader");
    }
    return values;
  }
}
