package org.outcome.spark.cli;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StringType;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.io.MissingValues;
import org.outcome.spark.SparkCells;

/** Reads the command's input as the tool reads it: a CSV file with a header row, or Parquet. */
final class Tables {
  private Tables() {}

  /**
   * The table at {@code input}, a local path or a URI that Spark reads ({@code hdfs://},
   * {@code s3a://}, {@code abfss://}, {@code file://}): Parquet when the name ends in
   * {@code .parquet} (or {@code .parquet/}) or it is a local folder holding Parquet files, else CSV (UTF-8, a header row,
   * every column text, an empty cell missing). In every text column (CSV or Parquet), a cell holding
   * one of the {@code missing} markers (after trimming) is made null, as the tool reads it. The
   * columns named numeric are made numbers here: a CSV cell that is not empty and not a number is
   * an error naming the column and the number of such rows, as the tool refuses it.
   *
   * @throws InvalidInputException for an input that does not exist, and for cells that are not
   *     numbers where numbers are needed
   */
  static Dataset<Row> read(SparkSession session, String input, MissingValues missing, List<String> numeric) {
    if (!input.contains(":/") && !Files.exists(Path.of(input))) {
      // a local path (no URI scheme): the tool's own message, not Spark's, which logs the path at length
      throw InvalidInputException.of("cannot read input", Violation.at(input, "no such file"));
    }
    Dataset<Row> table;
    try {
      table = isParquet(input) ? session.read().parquet(input)
          : session.read().option("header", "true").option("encoding", "UTF-8").option("inferSchema", "false")
              .csv(input);
    } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes, though Scala throws it undeclared
      if (e instanceof AnalysisException a && "PATH_NOT_FOUND".equals(a.getCondition())) {
        throw InvalidInputException.of("cannot read input", Violation.at(input, "no such file"));
      }
      throw e;
    }
    table = withoutMarkers(table, missing);
    List<String> text = new ArrayList<>();
    for (String c : numeric) {
      if (List.of(table.columns()).contains(c) && table.schema().apply(c).dataType() instanceof StringType) {
        text.add(c);
      }
    }
    if (text.isEmpty()) {
      return table;
    }
    List<Column> counts = new ArrayList<>();
    for (String c : text) {
      // the CSV reader's rule for a number; a failing cast would stop the job with an error (and
      // log line) quoting the cell
      counts.add(sum(when(isnan(SparkCells.number(SparkCells.column(c))), 1L).otherwise(0L)));
    }
    Row bad = table.agg(counts.get(0), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
    List<Violation> violations = new ArrayList<>();
    for (int j = 0; j < text.size(); j++) {
      long n = bad.isNullAt(j) ? 0 : bad.getLong(j);
      if (n > 0) {
        violations.add(Violation.at("column " + text.get(j), (n == 1 ? "1 row has" : n + " rows have")
            + " a value that is not a number"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid values in " + Path.of(input).getFileName(), violations);
    }
    for (String c : text) {
      table = table.withColumn(c, SparkCells.number(SparkCells.column(c)));
    }
    return table;
  }

  /** The table with each text cell that holds a missing-value marker made null. */
  private static Dataset<Row> withoutMarkers(Dataset<Row> table, MissingValues missing) {
    if (missing.markers().isEmpty()) {
      return table;
    }
    Object[] markers = missing.markers().toArray();
    Column[] columns = new Column[table.columns().length];
    for (int i = 0; i < columns.length; i++) {
      String name = table.columns()[i];
      Column c = SparkCells.column(name);
      columns[i] = table.schema().apply(name).dataType() instanceof StringType
          ? when(trim(c, " \t").isin(markers), lit(null).cast("string")).otherwise(c).as(name) : c;
    }
    return table.select(columns);
  }

  private static boolean isParquet(String input) {
    if (input.replaceAll("/+$", "").toLowerCase(Locale.ROOT).endsWith(".parquet")) { // a folder may end in '/'
      return true;
    }
    Path path = Path.of(input);
    if (input.contains(":/") || !Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> files = Files.list(path)) {
      return files.anyMatch(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
