package org.outcome.io;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * A CSV file with a header row, read one record at a time (RFC 4180 quoting, UTF-8, an optional
 * byte-order mark, blank lines skipped, cells trimmed). Iterate once; close when done.
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
  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  private final String source;
  private final Reader reader;
  private final MappingIterator<String[]> rows;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private boolean iterated;
  private boolean acceptWide;

  private CsvRecords(String source, Reader reader) {
    this.source = source;
    this.reader = reader;
    try {
      this.rows = MAPPER.readerForArrayOf(String.class).readValues(reader);
      if (!rows.hasNextValue()) {
        throw InvalidInputException.of("invalid " + source, Violation.at("header", "the file is empty"));
      }
      String[] names = rows.nextValue();
      if (names.length > 0 && names[0].startsWith("\uFEFF")) {
        names[0] = names[0].substring(1);
      }
      this.header = List.of(names);
      this.columns = Header.index(names, source);
    } catch (IOException e) {
      closeQuietly(reader);
      throw readFailure(source, 0, e);
    } catch (RuntimeException e) {
      closeQuietly(reader);
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
      // not Files.newBufferedReader: it fails on a bad byte a buffer ahead of the row that holds it
      return new CsvRecords(name, new Utf8Reader(Files.newInputStream(file)));
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
    return new CsvRecords(source, reader);
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

      @Override
      public boolean hasNext() {
        try {
          return rows.hasNextValue();
        } catch (IOException e) {
          throw readFailure(source, row + 1, e);
        }
      }

      @Override
      public CsvRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String[] cells;
        try {
          cells = rows.nextValue();
        } catch (IOException e) {
          throw readFailure(source, row + 1, e);
        }
        row++;
        if (cells.length > header.size() && !acceptWide) {
          throw InvalidInputException.of("invalid " + source, Violation.atRow(row,
              "has " + cells.length + " cells but the header has " + header.size() + " columns"));
        }
        return new CsvRecord(row, cells, columns);
      }
    };
  }

  private static RuntimeException readFailure(String source, long row, IOException e) {
    if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
      return InvalidInputException.of("invalid " + source,
          Violation.at(row == 0 ? "header" : "row " + row, "the file is not valid UTF-8 text"));
    }
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException parse) {
      return InvalidInputException.of("invalid " + source,
          Violation.at(row == 0 ? "header" : "row " + row, "malformed CSV (" + shape(parse) + ")"));
    }
    return new UncheckedIOException("could not read " + source, e);
  }

  /**
   * What kind of CSV error this is, without the parser's message, which quotes the characters it
   * met (cell content).
   */
  private static String shape(com.fasterxml.jackson.core.JsonProcessingException parse) {
    String m = String.valueOf(parse.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
    if (m.contains("quote")) {
      return "a quoted cell is not closed, or text follows its closing quote";
    }
    if (m.contains("too many") || m.contains("column")) {
      return "more cells than columns";
    }
    return "quoting or separators are not valid CSV";
  }

  private static void closeQuietly(Reader reader) {
    try {
      reader.close();
    } catch (IOException ignored) {
      // the original failure is more useful than a failure to close
    }
  }

  @Override
  public void close() {
    try {
      rows.close();
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close " + source, e);
    }
  }
}
