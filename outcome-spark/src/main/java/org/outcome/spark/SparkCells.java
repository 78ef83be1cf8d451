package org.outcome.spark;

import org.apache.spark.sql.Row;

/**
 * A cell of a Spark row read as the tool's CSV reader reads a cell, so that a table gives on Spark
 * what its CSV file gives on one machine: null is the empty cell, and spaces and tabs at either end
 * are trimmed (Spark's CSV reader keeps them; so may a Parquet column).
 */
final class SparkCells {
  private SparkCells() {}

  /** Cell {@code i} of a row of text columns, trimmed; empty for null. */
  static String text(Row r, int i) {
    if (r.isNullAt(i)) {
      return "";
    }
    String s = r.getString(i);
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }
}
