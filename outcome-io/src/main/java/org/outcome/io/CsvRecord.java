package org.outcome.io;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One data record of a CSV file: its row number and its cells, looked up by column name. Cells
 * are trimmed; an empty cell is the empty string.
 */
public final class CsvRecord {
  private final long row;
  private final String[] cells;
  private final Map<String, Integer> columns;

  CsvRecord(long row, String[] cells, Map<String, Integer> columns) {
    this.row = row;
    this.cells = cells;
    this.columns = columns;
  }

  /** The data record's number, from 1 after the header row. */
  public long row() {
    return row;
  }

  /**
   * The cell in a column, trimmed; empty if the cell is empty or the row is short.
   *
   * @throws IllegalArgumentException if the header has no such column (a programming error:
   *     check columns first with {@link CsvRecords#requireColumns})
   */
  public String get(String column) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new IllegalArgumentException("no column '" + column + "' in the header");
    }
    return index < cells.length ? cells[index] : "";
  }

  /**
   * The cell at a header position (see {@link CsvRecords#columnIndex}), trimmed; empty if the row
   * is short. The fast path for readers that look the column up once.
   *
   * @throws IndexOutOfBoundsException if {@code index} is negative
   */
  public String get(int index) {
    if (index < 0) {
      throw new IndexOutOfBoundsException("column index " + index);
    }
    return index < cells.length ? cells[index] : "";
  }

  /** The cell in a column when the header has the column and the cell is not empty. */
  public Optional<String> optional(String column) {
    Integer index = columns.get(column);
    if (index == null || index >= cells.length || cells[index].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(cells[index]);
  }

  /** Whether the header has this column. */
  public boolean hasColumn(String column) {
    return columns.containsKey(column);
  }

  /** The number of cells in this record. */
  public int width() {
    return cells.length;
  }

  /** The cells, in header order. */
  public List<String> cells() {
    return List.copyOf(Arrays.asList(cells));
  }

  @Override
  public String toString() {
    return "CsvRecord[row " + row + ", " + cells.length + " cells]";
  }
}
