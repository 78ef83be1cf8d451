package org.outcome.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;

/**
 * Reads named columns of a CSV file into arrays, streaming, and reports every bad cell (not a
 * number, not finite, empty where a value is required, not 0 or 1, a repeated subject) with its
 * row and column, in one {@link InvalidInputException}. Immutable: each request returns a new
 * reader, so a reader can be shared and extended.
 *
 * <pre>{@code
 * Table t = TableReader.of(path).numeric("before").numeric("after", Empty.AS_MISSING).read();
 * double[] before = t.numeric("before");
 *
 * Table people = TableReader.of(peopleCsv).text("group").keyedBy("subject").read();
 * List<SubjectId> peer = people.subjectsWhere("group", "peer-support");
 * }</pre>
 *
 * <p>Rules: the file is read with {@link CsvRecords} (UTF-8, header row, cells trimmed); a
 * missing column fails at once naming every missing column; a numeric cell must be a plain decimal
 * number ({@link Numbers}) that fits a finite {@code double}; a binary cell must be {@code 0} or
 * {@code 1}; an empty cell is a violation
 * unless the column was requested with {@link Empty#AS_MISSING}. With {@link #keyedBy} every row
 * must name a subject and no subject may have two rows; the second row's violation names the
 * first row, never the subject. No message quotes a cell: each says row, column and what is
 * wrong. At most 200 violations are listed; the rest are counted.
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
  private final List<Column> columns;
  private final Optional<String> key;

  private TableReader(Path file, List<Column> columns, Optional<String> key) {
    this.file = file;
    this.columns = columns;
    this.key = key;
  }

  /** A reader of a UTF-8 CSV file with a header row, with no column requested yet. */
  public static TableReader of(Path file) {
    return new TableReader(Objects.requireNonNull(file, "file"), List.of(), Optional.empty());
  }

  /** This reader also reading a numeric column whose every cell must hold a finite number. */
  public TableReader numeric(String column) {
    return numeric(column, Empty.REJECT);
  }

  /** This reader also reading a numeric column. */
  public TableReader numeric(String column, Empty empty) {
    return with(new Column(column, Kind.NUMERIC, empty));
  }

  /** This reader also reading a text column whose every cell must be non-empty. */
  public TableReader text(String column) {
    return text(column, Empty.REJECT);
  }

  /** This reader also reading a text column. */
  public TableReader text(String column, Empty empty) {
    return with(new Column(column, Kind.TEXT, empty));
  }

  /** This reader also reading a column whose every cell is 0 or 1 (an event indicator). */
  public TableReader binary(String column) {
    return with(new Column(column, Kind.BINARY, Empty.REJECT));
  }

  /**
   * This reader keying the rows by the subject named in {@code column}: every row must name a
   * subject, and no subject may have two rows. The table then answers by subject
   * ({@link Table#subjects()}, {@link Table#numeric(String, List)}, {@link Table#subjectsWhere}).
   */
  public TableReader keyedBy(String column) {
    Objects.requireNonNull(column, "column");
    return new TableReader(file, columns, Optional.of(column));
  }

  private TableReader with(Column column) {
    Objects.requireNonNull(column.name(), "column");
    Objects.requireNonNull(column.empty(), "empty");
    List<Column> more = new ArrayList<>(columns);
    more.add(column);
    return new TableReader(file, List.copyOf(more), key);
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
    Map<SubjectId, Integer> rowOf = new HashMap<>();
    List<SubjectId> subjects = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    long dropped = 0;
    int rows = 0;
    try (CsvRecords csv = CsvRecords.open(file)) {
      List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
      key.ifPresent(names::add);
      csv.requireColumns(names.stream().distinct().toArray(String[]::new));
      for (CsvRecord record : csv) {
        if (rows == Integer.MAX_VALUE - 8) {
          throw InvalidInputException.of("input too large", Violation.atRow(record.row(), "more rows than an array holds"));
        }
        List<Violation> found = new ArrayList<>();
        if (key.isPresent()) {
          keyCell(record, key.get(), rows, rowOf, subjects, found);
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
                double v = Numbers.parse(cell);
                numbers[c][rows] = v;
                problem = Double.isFinite(v) ? null : notANumber(cell);
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
              problem = "1".equals(cell) || "0".equals(cell) ? null : "not 0 or 1";
            }
          }
          if (problem != null) {
            found.add(Violation.atCell(record.row(), column.name(), problem));
          }
        }
        for (Violation v : found) {
          if (violations.size() < KEPT) {
            violations.add(v);
          } else {
            dropped++;
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
    return new Table(rows, numeric, text, binary, key.map(k -> List.copyOf(subjects)), rowOf);
  }

  /** Reads a row's subject; an empty cell or a subject seen on an earlier row is a violation. */
  private static void keyCell(CsvRecord record, String column, int index, Map<SubjectId, Integer> rowOf,
      List<SubjectId> subjects, List<Violation> found) {
    String cell = record.get(column);
    if (cell.isEmpty()) {
      found.add(Violation.atCell(record.row(), column, "empty cell; a subject is required"));
      return;
    }
    SubjectId subject = SubjectId.of(cell);
    Integer earlier = rowOf.putIfAbsent(subject, index);
    if (earlier != null) {
      found.add(Violation.atCell(record.row(), column, "the same subject as row " + (earlier + 1)));
    } else {
      subjects.add(subject);
    }
  }

  /** What is wrong with a cell that is not a number, without its content. */
  static String notANumber(String cell) {
    return Numbers.isPlainDecimal(cell) ? "too large a number" : "not a number";
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
