package org.outcome.stats.survival.internal;

import java.util.Arrays;

/**
 * The distinct values of a time column, sorted, with every value mapped to its rank among them;
 * optionally merging near-equal values as R's {@code aeqSurv} does. Finding distinct values uses
 * an open-addressing hash table, so the cost is linear in the number of rows plus
 * {@code d log d} for the {@code d} distinct values (whole-day data has few).
 *
 * <p>{@code -0.0} and {@code 0.0} are one time, {@code 0.0}: they are equal numbers, as in R
 * ({@code unique(c(-0, 0))} is {@code 0}), though their bits, which the table hashes, differ.
 */
public final class DistinctTimes {
  private long[] keys;
  private int[] slots;
  private int size;
  private final int[] rankOfDistinct;
  private final double[] cuts;

  private DistinctTimes(double[] times, boolean matchNearTies, double tolerance) {
    int capacity = 1024;
    keys = new long[capacity];
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    double[] found = new double[256];
    for (double raw : times) {
      double t = raw + 0.0; // -0.0 becomes 0.0 (see key)
      long bits = Double.doubleToLongBits(t);
      int slot = find(bits);
      if (slots[slot] < 0) {
        if (size == found.length) {
          found = Arrays.copyOf(found, size * 2);
        }
        found[size] = t;
        keys[slot] = bits;
        slots[slot] = size++;
        if (size * 2 > keys.length) {
          grow();
        }
      }
    }
    double[] sorted = Arrays.copyOf(found, size);
    Arrays.sort(sorted);
    // index of each distinct value (in order found) -> its rank in sorted order
    int[] cutOfSorted = new int[size];
    double[] cutValues = new double[size];
    int cutCount = 0;
    if (size > 0) {
      double mean = 0;
      for (double v : sorted) {
        mean += Math.abs(v);
      }
      mean /= size;
      cutValues[0] = sorted[0];
      cutCount = 1;
      for (int i = 1; i < size; i++) {
        double gap = sorted[i] - sorted[i - 1];
        boolean tied = matchNearTies && (gap <= tolerance || gap / mean <= tolerance);
        if (!tied) {
          cutValues[cutCount++] = sorted[i];
        }
        cutOfSorted[i] = cutCount - 1;
      }
    }
    this.cuts = Arrays.copyOf(cutValues, cutCount);
    // re-point the hash slots from insertion index to cut index
    rankOfDistinct = new int[size];
    for (int i = 0; i < size; i++) {
      int slot = find(Double.doubleToLongBits(sorted[i]));
      rankOfDistinct[slots[slot]] = cutOfSorted[i];
    }
  }

  /**
   * The distinct times of a column.
   *
   * @param times the times (finite)
   * @param matchNearTies whether to merge near-equal times as R's {@code aeqSurv}
   * @param tolerance R's tolerance, {@code sqrt(.Machine$double.eps)}
   */
  public static DistinctTimes of(double[] times, boolean matchNearTies, double tolerance) {
    return new DistinctTimes(times, matchNearTies, tolerance);
  }

  /** The number of distinct times after matching. */
  public int count() {
    return cuts.length;
  }

  /** The distinct times after matching, ascending (each the first value of its run of near-ties). */
  public double[] values() {
    return cuts.clone();
  }

  /** The matched distinct time of rank {@code r}. */
  public double value(int rank) {
    return cuts[rank];
  }

  /** The rank (among {@link #values()}) of a time that was in the column. */
  public int rank(double time) {
    int slot = find(Double.doubleToLongBits(time + 0.0));
    int index = slots[slot];
    if (index < 0) {
      throw new IllegalArgumentException("time was not in the column");
    }
    return rankOfDistinct[index];
  }

  private int find(long bits) {
    int mask = keys.length - 1;
    int slot = (int) mix(bits) & mask;
    while (slots[slot] >= 0 && keys[slot] != bits) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    Arrays.fill(slots, -1);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldSlots[i] >= 0) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        slots[slot] = oldSlots[i];
      }
    }
  }

  /** MurmurHash3's 64-bit finaliser: spreads the bits of a double over the table. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93fe62a77c5L;
    return z ^ (z >>> 33);
  }
}
