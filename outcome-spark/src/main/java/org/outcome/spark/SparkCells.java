package org.outcome.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.outcome.io.Numbers;

/**
 * A cell of a Spark row read as the tool's CSV reader reads a cell, so that a table gives on Spark
 * what its CSV file gives on one machine: null is the empty cell, and spaces and tabs at either end
 * are trimmed (Spark's CSV reader keeps them; so may a Parquet column).
 */
public final class SparkCells {
  /** A text cell read as a number, as the CSV reader reads one: null when empty, NaN when not a plain decimal number. */
  private static final UserDefinedFunction NUMBER = functions.udf((UDF1<String, Double>) cell -> {
    String t = cell == null ? "" : trim(cell);
    return t.isEmpty() ? null : Numbers.parse(t);
  }, DataTypes.DoubleType);

  private SparkCells() {}

  /**
   * A text column read as numbers with the CSV reader's one rule ({@link Numbers#parse}): null
   * where the cell is empty after trimming spaces and tabs, NaN where it is not a plain decimal
   * number (so {@code NaN}, {@code Infinity}, {@code 0x10}, {@code +3} and {@code 1e400} are not
   * numbers, as on one machine), the value otherwise.
   */
  public static Column number(Column text) {
    return NUMBER.apply(text);
  }

  /**
   * The column of a table with this name, taken literally: a name such as {@code ph.ecog} (as R
   * names columns) is one column, not a field of a struct.
   */
  public static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /** Cell {@code i} of a row of text columns, trimmed; empty for null. */
  static String text(Row r, int i) {
    if (r.isNullAt(i)) {
      return "";
    }
    return trim(r.getString(i));
  }

  private static String trim(String s) {
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
