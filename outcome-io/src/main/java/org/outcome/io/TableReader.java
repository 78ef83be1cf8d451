package org.outcome.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
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
 * {@code 1}; a cell holding a missing-value marker ({@code NA} unless {@link #missing} says
 * otherwise) reads as an empty cell; an empty cell is a violation unless the column was
 * requested with {@link Empty#AS_MISSING}. With {@link #keyedBy} every row
 * must name a subject and no subject may have two rows; the second row's violation names the
 * first row, never the subject. No message quotes a cell: each says row, column and what is
 * wrong. At most 200 violations are listed; the rest are counted.
 */
public final class TableReader {
  /** What an empty cell means in a column. */
  public enum Empty {
    /** An empty cell, or one holding a missing-value marker, is a violation. */
    REJECT,
    /**
   * An empty cell, or one holding a {@linkplain #missing missing-value marker}, is a missing
   * value: {@code NaN} in a numeric column, {@code ""} in text.
   */
    AS_MISSING
  }

  private record Column(String name, ColumnChunk.Kind kind, Empty empty) {}

  /** At most this many violations are kept; the rest are counted. */
  private static final int KEPT = 200;

  /** The bytes of a file read as one piece of work, in parallel with the others. */
  private static final int CHUNK = 8 << 20;

  private final Path file;
  private final List<Column> columns;
  private final Optional<String> key;
  private final MissingValues missing;

  private TableReader(Path file, List<Column> columns, Optional<String> key, MissingValues missing) {
    this.file = file;
    this.columns = columns;
    this.key = key;
    this.missing = missing;
  }

  /**
   * A reader of a UTF-8 CSV file with a header row, with no column requested yet, reading the
   * empty cell and {@code NA} as missing ({@link MissingValues#R_DEFAULT}).
   */
  public static TableReader of(Path file) {
    return new TableReader(Objects.requireNonNull(file, "file"), List.of(), Optional.empty(),
        MissingValues.R_DEFAULT);
  }

  /**
   * This reader with other missing-value markers: a cell holding one reads as an empty cell (a
   * missing value where the column allows one, a violation where it does not).
   */
  public TableReader missing(MissingValues markers) {
    return new TableReader(file, columns, key, Objects.requireNonNull(markers, "markers"));
  }

  /** This reader also reading a numeric column whose every cell must hold a finite number. */
  public TableReader numeric(String column) {
    return numeric(column, Empty.REJECT);
  }

  /** This reader also reading a numeric column. */
  public TableReader numeric(String column, Empty empty) {
    return with(new Column(column, ColumnChunk.Kind.NUMERIC, empty));
  }

  /** This reader also reading a text column whose every cell must be non-empty. */
  public TableReader text(String column) {
    return text(column, Empty.REJECT);
  }

  /** This reader also reading a text column. */
  public TableReader text(String column, Empty empty) {
    return with(new Column(column, ColumnChunk.Kind.TEXT, empty));
  }

  /** This reader also reading a column whose every cell is 0 or 1 (an event indicator). */
  public TableReader binary(String column) {
    return with(new Column(column, ColumnChunk.Kind.BINARY, Empty.REJECT));
  }

  /**
   * This reader keying the rows by the subject named in {@code column}: every row must name a
   * subject, and no subject may have two rows. The table then answers by subject
   * ({@link Table#subjects()}, {@link Table#numeric(String, List)}, {@link Table#subjectsWhere}).
   */
  public TableReader keyedBy(String column) {
    Objects.requireNonNull(column, "column");
    return new TableReader(file, columns, Optional.of(column), missing);
  }

  private TableReader with(Column column) {
    Objects.requireNonNull(column.name(), "column");
    Objects.requireNonNull(column.empty(), "empty");
    List<Column> more = new ArrayList<>(columns);
    more.add(column);
    return new TableReader(file, List.copyOf(more), key, missing);
  }

  /**
   * Reads the requested columns.
   *
   * @throws InvalidInputException naming each missing column, or each bad cell by row and column
   */
  public Table read() {
    String source = "file " + file.getFileName();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteRecords header = new ByteRecords(channel, size, 0);
      header.skipByteOrderMark();
      if (!header.next(Long.MAX_VALUE)) {
        String problem = header.problem == ByteRecords.Problem.NONE ? "the file is empty" : header.problem.message;
        throw InvalidInputException.of("invalid " + source, Violation.at("header", problem));
      }
      String[] names = new String[header.cells];
      for (int c = 0; c < names.length; c++) {
        names[c] = cell(header, c);
      }
      Map<String, Integer> index = Header.index(names, source);
      List<String> required = new ArrayList<>(columns.stream().map(Column::name).toList());
      key.ifPresent(required::add);
      Header.requireColumns(index, source, required.stream().distinct().toArray(String[]::new));
      ColumnChunk.Plan plan = plan(index, names.length);
      return table(chunks(channel, size, header.position(), plan), plan, source);
    } catch (NoSuchFileException e) {
      throw InvalidInputException.of("cannot read input", Violation.at(file.toString(), "no such file"));
    } catch (IOException e) {
      throw InvalidInputException.of("cannot read input", Violation.at(file.toString(), e.getMessage()));
    } catch (UncheckedIOException e) {
      throw InvalidInputException.of("cannot read input", Violation.at(file.toString(), e.getCause().getMessage()));
    }
  }

  /** A header cell, decoded. */
  private static String cell(ByteRecords r, int c) {
    String text = new String(r.bytes(), r.start[c], r.end[c] - r.start[c], StandardCharsets.UTF_8);
    return r.escaped[c] ? text.replace("\"\"", "\"") : text;
  }

  /** The requested columns as slots; the key column, when there is one, is the last slot. */
  private ColumnChunk.Plan plan(Map<String, Integer> index, int width) {
    int n = columns.size() + (key.isPresent() ? 1 : 0);
    int[] field = new int[n];
    ColumnChunk.Kind[] kind = new ColumnChunk.Kind[n];
    boolean[] rejectEmpty = new boolean[n];
    String[] requirement = new String[n];
    String[] name = new String[n];
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      field[c] = index.get(column.name());
      name[c] = column.name();
      rejectEmpty[c] = column.empty() == Empty.REJECT;
      kind[c] = column.kind();
      requirement[c] = switch (column.kind()) {
        case NUMERIC -> "a number is required";
        case TEXT -> "a value is required";
        case BINARY -> "0 or 1 is required";
      };
    }
    if (key.isPresent()) {
      int k = n - 1;
      field[k] = index.get(key.get());
      name[k] = key.get();
      kind[k] = ColumnChunk.Kind.TEXT;
      rejectEmpty[k] = true;
      requirement[k] = "a subject is required";
    }
    return new ColumnChunk.Plan(width, field, kind, rejectEmpty, requirement, name, missing.bytes());
  }

  /**
   * Reads the data records in chunks of about {@value #CHUNK} bytes, in parallel. Each chunk but
   * the first starts after a line break, which is a record's start unless a quoted cell holds the
   * line break; the chunk before it then ends elsewhere, and the chunk is read again from where
   * that one ended. So the records are exactly those of one reading from start to end.
   */
  private static List<ColumnChunk> chunks(FileChannel channel, long size, long dataStart, ColumnChunk.Plan plan)
      throws IOException {
    List<Long> starts = new ArrayList<>();
    starts.add(dataStart);
    for (long at = dataStart + CHUNK; at < size; at += CHUNK) {
      long start = lineStartAfter(channel, size, at);
      if (start < size && start > starts.get(starts.size() - 1)) {
        starts.add(start);
      }
    }
    int n = starts.size();
    ColumnChunk[] read = IntStream.range(0, n).parallel()
        .mapToObj(k -> ColumnChunk.read(channel, size, starts.get(k), k + 1 < n ? starts.get(k + 1) : size, plan, KEPT))
        .toArray(ColumnChunk[]::new);
    List<ColumnChunk> chunks = new ArrayList<>(n);
    long expected = dataStart;
    for (int k = 0; k < n; k++) {
      ColumnChunk chunk = read[k];
      if (chunk.from != expected) {
        chunk = ColumnChunk.read(channel, size, expected, k + 1 < n ? starts.get(k + 1) : size, plan, KEPT);
      }
      chunks.add(chunk);
      if (chunk.structural != null) {
        break;
      }
      expected = chunk.end;
    }
    return chunks;
  }

  /** The position after the first line feed at or after {@code at}, or {@code size}. */
  private static long lineStartAfter(FileChannel channel, long size, long at) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    for (long p = at; p < size; ) {
      buffer.clear();
      int n = channel.read(buffer, p);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buffer.get(i) == '\n') {
          return p + i + 1;
        }
      }
      p += n;
    }
    return size;
  }

  /** A bad cell found while lining the chunks up, by row of the file. */
  private record Found(long row, String column, String problem) {
    Violation violation() {
      return Violation.atCell(row, column, problem);
    }
  }

  /** Lines the chunks up into the table, numbering rows and reporting every bad cell in row order. */
  private Table table(List<ColumnChunk> chunks, ColumnChunk.Plan plan, String source) {
    long rowsBefore = 0;
    List<Found> found = new ArrayList<>();
    long badCells = 0;
    for (ColumnChunk chunk : chunks) {
      for (ColumnChunk.Bad bad : chunk.bad) {
        if (found.size() < KEPT) {
          found.add(new Found(rowsBefore + bad.row(), plan.name()[bad.slot()], bad.problem()));
        }
      }
      badCells += chunk.badCount;
      if (chunk.structural != null) {
        throw InvalidInputException.of("invalid " + source,
            Violation.atRow(rowsBefore + chunk.structuralRow, chunk.structural));
      }
      rowsBefore += chunk.rows;
    }
    if (rowsBefore > Integer.MAX_VALUE - 8) {
      throw InvalidInputException.of("input too large",
          Violation.atRow(Integer.MAX_VALUE - 7L, "more rows than an array holds"));
    }
    int rows = (int) rowsBefore;
    Map<SubjectId, Integer> rowOf = new HashMap<>();
    List<SubjectId> subjects = new ArrayList<>();
    if (key.isPresent()) {
      List<Found> repeated = keyed(texts(chunks, plan.slots() - 1, rows), rowOf, subjects);
      badCells += repeated.size();
      found = merged(repeated, found);
    }
    if (badCells > 0) {
      List<Violation> violations = new ArrayList<>(found.stream().limit(KEPT).map(Found::violation).toList());
      if (badCells > violations.size()) {
        violations.add(Violation.at("file", (badCells - violations.size()) + " more bad cells not listed"));
      }
      throw new InvalidInputException("invalid values in " + file.getFileName(), violations);
    }
    Map<String, double[]> numeric = new LinkedHashMap<>();
    Map<String, String[]> text = new LinkedHashMap<>();
    Map<String, boolean[]> binary = new LinkedHashMap<>();
    for (int s = 0; s < columns.size(); s++) {
      String name = columns.get(s).name();
      switch (plan.kind()[s]) {
        case NUMERIC -> numeric.put(name, numbers(chunks, s, rows));
        case TEXT -> text.put(name, texts(chunks, s, rows));
        case BINARY -> binary.put(name, flags(chunks, s, rows));
      }
    }
    return new Table(rows, numeric, text, binary, key.map(k -> List.copyOf(subjects)), rowOf);
  }

  /** The subject of each row; a subject seen on an earlier row is a bad cell (an empty one already is). */
  private List<Found> keyed(String[] cells, Map<SubjectId, Integer> rowOf, List<SubjectId> subjects) {
    List<Found> repeated = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].isEmpty()) {
        continue;
      }
      SubjectId subject = SubjectId.of(cells[i]);
      Integer earlier = rowOf.putIfAbsent(subject, i);
      if (earlier != null) {
        repeated.add(new Found(i + 1L, key.orElseThrow(), "the same subject as row " + (earlier + 1)));
      } else {
        subjects.add(subject);
      }
    }
    return repeated;
  }

  /**
   * Two lists of bad cells in row order merged in row order, the key's first on a row, as they
   * were when each row was read whole.
   */
  private static List<Found> merged(List<Found> keys, List<Found> cells) {
    List<Found> out = new ArrayList<>(keys.size() + cells.size());
    int i = 0;
    int j = 0;
    while (i < keys.size() || j < cells.size()) {
      if (j == cells.size() || (i < keys.size() && keys.get(i).row() <= cells.get(j).row())) {
        out.add(keys.get(i++));
      } else {
        out.add(cells.get(j++));
      }
    }
    return out;
  }

  private static double[] numbers(List<ColumnChunk> chunks, int slot, int rows) {
    double[] out = new double[rows];
    int at = 0;
    for (ColumnChunk c : chunks) {
      System.arraycopy(c.numbers[slot], 0, out, at, c.rows);
      at += c.rows;
    }
    return out;
  }

  private static boolean[] flags(List<ColumnChunk> chunks, int slot, int rows) {
    boolean[] out = new boolean[rows];
    int at = 0;
    for (ColumnChunk c : chunks) {
      System.arraycopy(c.flags[slot], 0, out, at, c.rows);
      at += c.rows;
    }
    return out;
  }

  /** A text column, each distinct value one string however many rows hold it. */
  private static String[] texts(List<ColumnChunk> chunks, int slot, int rows) {
    String[] out = new String[rows];
    Map<String, String> shared = new HashMap<>();
    int at = 0;
    for (ColumnChunk c : chunks) {
      String[] levels = c.levels[slot].levels();
      for (int l = 0; l < levels.length; l++) {
        levels[l] = shared.computeIfAbsent(levels[l], v -> v);
      }
      int[] codes = c.codes[slot];
      for (int i = 0; i < c.rows; i++) {
        out[at++] = levels[codes[i]];
      }
    }
    return out;
  }

  /** What is wrong with a cell that is not a number, without its content. */
  static String notANumber(String cell) {
    return Numbers.isPlainDecimal(cell) ? "too large a number" : "not a number";
  }
}
