package org.outcome.stats.internal;

/**
 * Stable least-significant-digit radix sort of doubles, returning the order rather than moving the
 * values: O(n) with four passes of 16-bit digits (passes whose digit is the same for every key are
 * skipped). The Cox engine sorts times and risk scores with it, and the recurrent-event and
 * competing-risks analyses their times, instead of sorting boxed indices, which costs O(n log n)
 * with poor locality.
 */
public final class RadixSort {
  private static final int BITS = 16;
  private static final int BUCKETS = 1 << BITS;

  private RadixSort() {}

  /**
   * The indices {@code from..to-1} ordered by ascending {@code values[i]}, ties in index order.
   * NaN must not occur; {@code -0.0} sorts just before {@code 0.0}.
   */
  public static int[] order(double[] values, int from, int to) {
    int n = to - from;
    long[] keys = new long[n];
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = sortable(values[from + i]);
      index[i] = from + i;
    }
    long[] keys2 = new long[n];
    int[] index2 = new int[n];
    int[] count = new int[BUCKETS + 1];
    for (int shift = 0; shift < 64; shift += BITS) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) ((keys[i] >>> shift) & (BUCKETS - 1)) + 1]++;
      }
      boolean single = false;
      for (int b = 1; b <= BUCKETS; b++) {
        if (count[b] == n) {
          single = true;
          break;
        }
      }
      if (single) {
        continue;
      }
      for (int b = 0; b < BUCKETS; b++) {
        count[b + 1] += count[b];
      }
      for (int i = 0; i < n; i++) {
        int pos = count[(int) ((keys[i] >>> shift) & (BUCKETS - 1))]++;
        keys2[pos] = keys[i];
        index2[pos] = index[i];
      }
      long[] k = keys;
      keys = keys2;
      keys2 = k;
      int[] x = index;
      index = index2;
      index2 = x;
    }
    return index;
  }

  /** A long whose unsigned order is the numeric order of the double. */
  private static long sortable(double v) {
    long bits = Double.doubleToRawLongBits(v);
    return bits >= 0 ? bits ^ Long.MIN_VALUE : ~bits;
  }
}
