package org.outcome.io;

import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The requested columns of the records of one byte range of a file, as primitive arrays (a
 * {@code double} per number, a {@code boolean} per 0/1 cell, an {@code int} code per text cell),
 * with the bad cells found there. Rows are counted from 1 within the range; {@link TableReader}
 * lines the chunks up and numbers the rows of the file.
 */
final class ColumnChunk {
  /** What is read from a column. */
  enum Kind { NUMERIC, TEXT, BINARY }

  /**
   * What to read: for each requested column (a slot), its position in the header, its kind,
   * whether an empty cell is a violation, what the column requires (for the message), and its
   * name for messages; and the missing-value markers, as UTF-8 bytes.
   */
  record Plan(int width, int[] field, Kind[] kind, boolean[] rejectEmpty, String[] requirement, String[] name,
      byte[][] markers) {
    int slots() {
      return field.length;
    }
  }

  /** A bad cell: its row within the chunk, its slot and what is wrong. */
  record Bad(long row, int slot, String problem) {}

  final long from;
  long end;
  int rows;
  /** The first record that could not be read at all: its row and why; null when none. */
  String structural;
  long structuralRow;
  final List<Bad> bad = new ArrayList<>();
  long badCount;

  final double[][] numbers;
  final int[][] codes;
  final boolean[][] flags;
  final LevelDictionary[] levels;
  private final Plan plan;
  private byte[] scratch = new byte[64];

  private ColumnChunk(Plan plan, long from) {
    this.plan = plan;
    this.from = from;
    int n = plan.slots();
    numbers = new double[n][];
    codes = new int[n][];
    flags = new boolean[n][];
    levels = new LevelDictionary[n];
    for (int s = 0; s < n; s++) {
      switch (plan.kind()[s]) {
        case NUMERIC -> numbers[s] = new double[1024];
        case TEXT -> {
          codes[s] = new int[1024];
          levels[s] = new LevelDictionary();
        }
        case BINARY -> flags[s] = new boolean[1024];
      }
    }
  }

  /**
   * Reads the records that start at or after {@code from} and before {@code limit}.
   *
   * @param from the first byte of a record
   * @param kept how many bad cells to keep (the rest are counted)
   */
  static ColumnChunk read(FileChannel channel, long size, long from, long limit, Plan plan, int kept) {
    ColumnChunk chunk = new ColumnChunk(plan, from);
    ByteRecords records = new ByteRecords(channel, size, from);
    while (records.next(limit)) {
      if (records.cells > plan.width()) {
        chunk.structural = "has " + records.cells + " cells but the header has " + plan.width() + " columns";
        chunk.structuralRow = chunk.rows + 1L;
        return chunk;
      }
      chunk.row(records, kept);
    }
    if (records.problem != ByteRecords.Problem.NONE) {
      chunk.structural = records.problem.message;
      chunk.structuralRow = chunk.rows + 1L;
    }
    chunk.end = records.position();
    return chunk;
  }

  private void row(ByteRecords r, int kept) {
    int i = rows;
    if (i == numbersLength()) {
      grow();
    }
    rows++;
    byte[] bytes = r.bytes();
    for (int s = 0; s < plan.slots(); s++) {
      int f = plan.field()[s];
      int from = 0;
      int to = 0;
      if (f < r.cells) {
        from = r.start[f];
        to = r.end[f];
        if (r.escaped[f]) {
          to = unescape(bytes, from, to);
          from = 0;
          bytes = scratch;
        }
      }
      boolean marker = to > from && MissingValues.isMarker(plan.markers(), bytes, from, to);
      if (marker) {
        to = from;
      }
      String problem = null;
      switch (plan.kind()[s]) {
        case NUMERIC -> {
          if (from == to) {
            numbers[s][i] = Double.NaN;
          } else {
            double v = Numbers.parse(bytes, from, to);
            numbers[s][i] = v;
            if (!Double.isFinite(v)) {
              String cell = new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
              problem = TableReader.notANumber(cell);
            }
          }
        }
        case TEXT -> codes[s][i] = levels[s].code(bytes, from, to);
        case BINARY -> {
          if (from == to) {
            problem = "not 0 or 1";
          }
          boolean one = to - from == 1 && bytes[from] == '1';
          flags[s][i] = one;
          if (problem == null && !one && !(to - from == 1 && bytes[from] == '0')) {
            problem = "not 0 or 1";
          }
        }
      }
      if (problem == null && from == to && plan.rejectEmpty()[s]) {
        problem = (marker ? "missing value" : "empty cell") + "; " + plan.requirement()[s];
      }
      if (problem != null) {
        if (bad.size() < kept) {
          bad.add(new Bad(rows, s, problem));
        }
        badCount++;
      }
      bytes = r.bytes();
    }
  }

  /** Copies a quoted cell into {@link #scratch} with each {@code ""} made one quote; returns its length. */
  private int unescape(byte[] bytes, int from, int to) {
    if (scratch.length < to - from) {
      scratch = new byte[Math.max(scratch.length * 2, to - from)];
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      scratch[n++] = bytes[i];
      if (bytes[i] == '"') {
        i++; // the second quote of the pair
      }
    }
    return n;
  }

  private int numbersLength() {
    for (int s = 0; s < plan.slots(); s++) {
      switch (plan.kind()[s]) {
        case NUMERIC -> {
          return numbers[s].length;
        }
        case TEXT -> {
          return codes[s].length;
        }
        case BINARY -> {
          return flags[s].length;
        }
      }
    }
    return Integer.MAX_VALUE; // no column requested: only rows are counted
  }

  private void grow() {
    for (int s = 0; s < plan.slots(); s++) {
      switch (plan.kind()[s]) {
        case NUMERIC -> numbers[s] = Arrays.copyOf(numbers[s], numbers[s].length * 2);
        case TEXT -> codes[s] = Arrays.copyOf(codes[s], codes[s].length * 2);
        case BINARY -> flags[s] = Arrays.copyOf(flags[s], flags[s].length * 2);
      }
    }
  }
}
