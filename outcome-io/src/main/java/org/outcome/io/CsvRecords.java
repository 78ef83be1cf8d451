package org.outcome.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * A CSV file with a header row, read one record at a time (RFC 4180 quoting, UTF-8, an optional
 * byte-order mark, blank lines skipped, cells trimmed), in bounded memory. Iterate once; close when
 * done. The same tokenizer reads {@link TableReader}'s files, so both see the same cells.
 *
 * <pre>{@code
 * try (CsvRecords csv = CsvRecords.open(path)) {
 *   csv.requireColumns("subject", "timepoint");
 *   for (CsvRecord record : csv) { ... record.get("subject") ... }
 * }
 * }</pre>
 *
 * <p>A record with more cells than the header, or malformed quoting, throws
 * {@link InvalidInputException} naming the row; a record with fewer cells reads the missing
 * cells as empty. Batch readers that must account for every row call {@link #acceptWideRecords()}
 * and check {@link CsvRecord#width()} themselves.
 *
 * <p>No message quotes a cell or the header found: a file without a header row has a data row
 * (subject identifiers, dates) there. Messages name the expected columns, rows and positions.
 */
public final class CsvRecords implements Iterable<CsvRecord>, Closeable {
  private final String source;
  private final InputStream in;
  private final ByteRecords records;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private boolean iterated;
  private boolean acceptWide;

  private CsvRecords(String source, InputStream in) {
    this.source = source;
    this.in = in;
    try {
      this.records = new ByteRecords(in);
      records.skipByteOrderMark();
      if (!records.next(Long.MAX_VALUE)) {
        String problem = records.problem == ByteRecords.Problem.NONE ? "the file is empty" : records.problem.message;
        throw InvalidInputException.of("invalid " + source, Violation.at("header", problem));
      }
      String[] names = cells(records);
      this.header = List.of(names);
      this.columns = Header.index(names, source);
    } catch (UncheckedIOException e) {
      closeQuietly(in);
      throw new UncheckedIOException("could not read " + source, e.getCause());
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  /**
   * Opens a UTF-8 CSV file.
   *
   * @throws InvalidInputException if the file does not exist, is empty or has a bad header
   */
  public static CsvRecords open(Path file) {
    String name = "file " + file.getFileName();
    try {
      return new CsvRecords(name, Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw InvalidInputException.of("cannot read input", Violation.at(file.toString(), "no such file"));
    } catch (IOException e) {
      throw InvalidInputException.of("cannot read input", Violation.at(file.toString(), e.getMessage()));
    }
  }

  /**
   * Reads CSV text from a reader, which this object closes.
   *
   * @param source names the input in messages, for example {@code "file answers.csv"}
   */
  public static CsvRecords of(Reader reader, String source) {
    return new CsvRecords(source, new Utf8Bytes(reader));
  }

  /** The cells of the record just parsed, decoded, each {@code ""} in a quoted cell made one quote. */
  private static String[] cells(ByteRecords r) {
    String[] cells = new String[r.cells];
    byte[] bytes = r.bytes();
    for (int c = 0; c < cells.length; c++) {
      String text = new String(bytes, r.start[c], r.end[c] - r.start[c], StandardCharsets.UTF_8);
      cells[c] = r.escaped[c] ? text.replace("\"\"", "\"") : text;
    }
    return cells;
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** Whether the header has this column. */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * Checks that the header has every named column.
   *
   * @throws InvalidInputException listing each missing column and the expected columns; never the
   *     columns found, since a file without a header row has its first data row there
   */
  public CsvRecords requireColumns(String... names) {
    Header.requireColumns(columns, source, names);
    return this;
  }

  /**
   * Makes the iterator return a record with more cells than the header instead of throwing, so
   * that a batch reader can reject that one row and go on. Call before iterating.
   */
  public CsvRecords acceptWideRecords() {
    this.acceptWide = true;
    return this;
  }

  /** The position of a column in the header, from 0, or -1 if the header has no such column. */
  public int columnIndex(String name) {
    Integer index = columns.get(name);
    return index == null ? -1 : index;
  }

  /** The records, in file order. May be called once. */
  @Override
  public Iterator<CsvRecord> iterator() {
    if (iterated) {
      throw new IllegalStateException("a CsvRecords can be iterated only once");
    }
    iterated = true;
    return new Iterator<>() {
      private long row;
      private CsvRecord pending;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (pending == null && !done) {
          advance();
        }
        return pending != null;
      }

      private void advance() {
        boolean found;
        try {
          found = records.next(Long.MAX_VALUE);
        } catch (UncheckedIOException e) {
          throw new UncheckedIOException("could not read " + source, e.getCause());
        }
        if (!found) {
          done = true;
          if (records.problem != ByteRecords.Problem.NONE) {
            throw InvalidInputException.of("invalid " + source, Violation.atRow(row + 1, records.problem.message));
          }
          return;
        }
        row++;
        if (records.cells > header.size() && !acceptWide) {
          done = true;
          throw InvalidInputException.of("invalid " + source, Violation.atRow(row,
              "has " + records.cells + " cells but the header has " + header.size() + " columns"));
        }
        pending = new CsvRecord(row, cells(records), columns);
      }

      @Override
      public CsvRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CsvRecord record = pending;
        pending = null;
        return record;
      }
    };
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the original failure is more useful than a failure to close
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close " + source, e);
    }
  }

  /** The characters of a reader as UTF-8 bytes, for the byte tokenizer. */
  private static final class Utf8Bytes extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 8).flip();
    private boolean endOfInput;

    Utf8Bytes(Reader reader) {
      this.reader = reader;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (!bytes.hasRemaining()) {
        if (endOfInput && !chars.hasRemaining()) {
          return -1;
        }
        chars.compact();
        int n = endOfInput ? -1 : reader.read(chars);
        chars.flip();
        if (n < 0) {
          endOfInput = true;
        }
        bytes.clear();
        encoder.encode(chars, bytes, endOfInput);
        if (endOfInput && !chars.hasRemaining()) {
          encoder.flush(bytes);
        }
        bytes.flip();
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
