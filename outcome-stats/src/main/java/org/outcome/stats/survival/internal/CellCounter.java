package org.outcome.stats.survival.internal;

import java.util.Arrays;

/**
 * Reduces rows (time, event, cell) to counts per cell and distinct time: the first step of every
 * survival analysis here. A cell is one (stratum, group) combination. Linear in the rows: the
 * distinct times come from {@link DistinctTimes}, rows are bucketed by cell with a counting sort,
 * and each cell's counts are gathered in a scratch histogram over the time ranks.
 */
public final class CellCounter {
  /** Counts of one cell: ascending distinct times with events and censorings at each. */
  public record Cell(double[] times, long[] events, long[] censored) {}

  private CellCounter() {}

  /**
   * Counts aggregated entries by cell and time: entry {@code i} adds {@code events[i]} events and
   * {@code censored[i]} censorings at {@code time[i]} in cell {@code cellOf[i]}.
   */
  public static Cell[] countWeighted(double[] time, long[] events, long[] censored, int[] cellOf, int cells,
      DistinctTimes distinct) {
    int n = time.length;
    int d = distinct.count();
    int[] start = new int[cells + 1];
    for (int i = 0; i < n; i++) {
      start[cellOf[i] + 1]++;
    }
    for (int c = 0; c < cells; c++) {
      start[c + 1] += start[c];
    }
    int[] next = Arrays.copyOf(start, cells);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[next[cellOf[i]]++] = i;
    }
    long[] ev = new long[d];
    long[] ce = new long[d];
    boolean[] seen = new boolean[d];
    int[] touched = new int[d];
    Cell[] out = new Cell[cells];
    for (int c = 0; c < cells; c++) {
      int used = 0;
      for (int j = start[c]; j < start[c + 1]; j++) {
        int i = order[j];
        int rank = distinct.rank(time[i]);
        if (!seen[rank]) {
          seen[rank] = true;
          touched[used++] = rank;
        }
        ev[rank] += events[i];
        ce[rank] += censored[i];
      }
      int[] ranks = Arrays.copyOf(touched, used);
      Arrays.sort(ranks);
      double[] times = new double[used];
      long[] e = new long[used];
      long[] k = new long[used];
      for (int u = 0; u < used; u++) {
        int r = ranks[u];
        times[u] = distinct.value(r);
        e[u] = ev[r];
        k[u] = ce[r];
        ev[r] = 0;
        ce[r] = 0;
        seen[r] = false;
      }
      out[c] = new Cell(times, e, k);
    }
    return out;
  }

  /**
   * Counts rows by cell and time.
   *
   * @param time the times
   * @param event whether each row is an event
   * @param cellOf the cell of each row, in {@code [0, cells)}; {@code null} when there is one cell
   * @param cells the number of cells
   * @param distinct the distinct times of {@code time}
   * @return one {@link Cell} per cell index (empty arrays for a cell with no rows)
   */
  public static Cell[] count(double[] time, boolean[] event, int[] cellOf, int cells, DistinctTimes distinct) {
    int n = time.length;
    int d = distinct.count();
    // rank<<1 | event, bucketed by cell
    int[] coded = new int[n];
    int[] start = new int[cells + 1];
    if (cellOf == null) {
      for (int i = 0; i < n; i++) {
        coded[i] = distinct.rank(time[i]) << 1 | (event[i] ? 1 : 0);
      }
      start[1] = n;
    } else {
      for (int i = 0; i < n; i++) {
        start[cellOf[i] + 1]++;
      }
      for (int c = 0; c < cells; c++) {
        start[c + 1] += start[c];
      }
      int[] next = Arrays.copyOf(start, cells);
      for (int i = 0; i < n; i++) {
        coded[next[cellOf[i]]++] = distinct.rank(time[i]) << 1 | (event[i] ? 1 : 0);
      }
    }
    int[] ev = new int[d];
    int[] ce = new int[d];
    int[] touched = new int[d];
    Cell[] out = new Cell[cells];
    for (int c = 0; c < cells; c++) {
      int used = 0;
      for (int j = start[c]; j < start[c + 1]; j++) {
        int rank = coded[j] >>> 1;
        if (ev[rank] == 0 && ce[rank] == 0) {
          touched[used++] = rank;
        }
        if ((coded[j] & 1) == 1) {
          ev[rank]++;
        } else {
          ce[rank]++;
        }
      }
      int[] ranks;
      if (used > d / 16) {
        ranks = new int[used];
        int k = 0;
        for (int r = 0; r < d && k < used; r++) {
          if (ev[r] != 0 || ce[r] != 0) {
            ranks[k++] = r;
          }
        }
      } else {
        ranks = Arrays.copyOf(touched, used);
        Arrays.sort(ranks);
      }
      double[] times = new double[used];
      long[] events = new long[used];
      long[] censored = new long[used];
      for (int k = 0; k < used; k++) {
        int r = ranks[k];
        times[k] = distinct.value(r);
        events[k] = ev[r];
        censored[k] = ce[r];
        ev[r] = 0;
        ce[r] = 0;
      }
      out[c] = new Cell(times, events, censored);
    }
    return out;
  }
}
