package org.outcome.cli.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.instruments.io.CsvRecord;
import org.outcome.instruments.io.CsvRecords;

/**
 * Reads named columns of a CSV file into arrays, streaming, and reports every bad cell (not a
 * number, not finite, empty where a value is required, not 0 or 1) with its row and column, in
 * one {@link InvalidInputException}.
 *
 * <pre>{@code
 * Table t = TableReader.of(path).numeric("before").numeric("after", Empty.AS_MISSING).read();
 * }</pre>
 */
public final class TableReader {
  /** What an empty cell means in a column. */
  public enum Empty {
    /** An empty cell is a violation. */
    REJECT,
    /** An empty cell is a missing value: {@code NaN} in a numeric column, {@code ""} in text. */
    AS_MISSING
  }

  private enum Kind { NUMERIC, TEXT, BINARY }

  private record Column(String name, Kind kind, Empty empty) {}

  /** At most this many violations are kept; the rest are counted. */
  private static final int KEPT = 200;

  private final Path file;
  private final List<Column> columns = new ArrayList<>();

  private TableReader(Path file) {
    this.file = file;
  }

  /** A reader of a UTF-8 CSV file with a header row. */
  public static TableReader of(Path file) {
    return new TableReader(file);
  }

  /** Requests a numeric column whose every cell must hold a finite number. */
  public TableReader numeric(String column) {
    return numeric(column, Empty.REJECT);
  }

  /** Requests a numeric column. */
  public TableReader numeric(String column, Empty empty) {
    columns.add(new Column(column, Kind.NUMERIC, empty));
    return this;
  }

  /** Requests a text column whose every cell must be non-empty. */
  public TableReader text(String column) {
    return text(column, Empty.REJECT);
  }

  /** Requests a text column. */
  public TableReader text(String column, Empty empty) {
    columns.add(new Column(column, Kind.TEXT, empty));
    return this;
  }

  /** Requests a column whose every cell is 0 or 1 (an event indicator). */
  public TableReader binary(String column) {
    columns.add(new Column(column, Kind.BINARY, Empty.REJECT));
    return this;
  }

  /**
   * Reads the requested columns.
   *
   * @throws InvalidInputException naming each missing column, or each bad cell by row and column
   */
  public Table read() {
    int n = columns.size();
    double[][] numbers = new double[n][];
    String[][] texts = new String[n][];
    boolean[][] flags = new boolean[n][];
    for (int c = 0; c < n; c++) {
      switch (columns.get(c).kind()) {
        case NUMERIC -> numbers[c] = new double[1024];
        case TEXT -> texts[c] = new String[1024];
        case BINARY -> flags[c] = new boolean[1024];
      }
    }
    List<Violation> violations = new ArrayList<>();
    long dropped = 0;
    int rows = 0;
    try (CsvRecords csv = CsvRecords.open(file)) {
      csv.requireColumns(columns.stream().map(Column::name).distinct().toArray(String[]::new));
      for (CsvRecord record : csv) {
        if (rows == Integer.MAX_VALUE - 8) {
          throw InvalidInputException.of("input too large", Violation.atRow(record.row(), "more rows than an array holds"));
        }
        for (int c = 0; c < n; c++) {
          Column column = columns.get(c);
          String cell = record.get(column.name());
          String problem = null;
          switch (column.kind()) {
            case NUMERIC -> {
              numbers[c] = grow(numbers[c], rows);
              if (cell.isEmpty()) {
                numbers[c][rows] = Double.NaN;
                problem = column.empty() == Empty.REJECT ? "empty cell; a number is required" : null;
              } else {
                double v = parse(cell);
                numbers[c][rows] = v;
                problem = Double.isFinite(v) ? null : "'" + cell + "' is not a finite number";
              }
            }
            case TEXT -> {
              texts[c] = grow(texts[c], rows);
              texts[c][rows] = cell;
              problem = cell.isEmpty() && column.empty() == Empty.REJECT ? "empty cell; a value is required" : null;
            }
            case BINARY -> {
              flags[c] = grow(flags[c], rows);
              flags[c][rows] = "1".equals(cell);
              problem = "1".equals(cell) || "0".equals(cell) ? null : "'" + cell + "' is not 0 or 1";
            }
          }
          if (problem != null) {
            if (violations.size() < KEPT) {
              violations.add(Violation.atCell(record.row(), column.name(), problem));
            } else {
              dropped++;
            }
          }
        }
        rows++;
      }
    }
    if (!violations.isEmpty()) {
      if (dropped > 0) {
        violations.add(Violation.at("file", dropped + " more bad cells not listed"));
      }
      throw new InvalidInputException("invalid values in " + file.getFileName(), violations);
    }
    Map<String, double[]> numeric = new LinkedHashMap<>();
    Map<String, String[]> text = new LinkedHashMap<>();
    Map<String, boolean[]> binary = new LinkedHashMap<>();
    for (int c = 0; c < n; c++) {
      String name = columns.get(c).name();
      switch (columns.get(c).kind()) {
        case NUMERIC -> numeric.put(name, Arrays.copyOf(numbers[c], rows));
        case TEXT -> text.put(name, Arrays.copyOf(texts[c], rows));
        case BINARY -> binary.put(name, Arrays.copyOf(flags[c], rows));
      }
    }
    return new Table(rows, numeric, text, binary);
  }

  private static double parse(String cell) {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double[] grow(double[] a, int index) {
    return index < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  private static String[] grow(String[] a, int index) {
    return index < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  private static boolean[] grow(boolean[] a, int index) {
    return index < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }
}
