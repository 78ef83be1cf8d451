package org.outcome.stats.survival.cox.internal;

import java.util.Arrays;

/**
 * Sums of fixed-width vectors over contiguous ranges of positions (the blocks of a stratum) that
 * never subtract one sum from another: a segment tree. A range is covered by O(log m) nodes, each
 * holding a sum of values that all belong to the range, so a sum's rounding error is relative to
 * the values inside it. (A difference of prefix sums would carry the rounding error of everything
 * before the range, which with diverging coefficients can exceed the range's own sum by many
 * orders of magnitude.)
 *
 * <p>Two uses, not to be mixed on one instance: {@link #addToRange} then {@link #pointSum} (each
 * position's total of the values whose range covers it), or {@link #set}, {@link #build} then
 * {@link #rangeSum}.
 */
final class BlockRangeSums {
  private final int leaves;
  private final int width;
  private final double[] node;

  /**
   * An empty tree.
   *
   * @param positions the number of positions
   * @param width the length of every value
   */
  BlockRangeSums(int positions, int width) {
    int size = 1;
    while (size < positions) {
      size <<= 1;
    }
    this.leaves = size;
    this.width = width;
    this.node = new double[2 * size * width];
  }

  /** Adds {@code value} to every position in {@code [from, to)}. */
  void addToRange(int from, int to, double[] value) {
    for (int l = from + leaves, r = to + leaves; l < r; l >>= 1, r >>= 1) {
      if ((l & 1) == 1) {
        add(l++, value);
      }
      if ((r & 1) == 1) {
        add(--r, value);
      }
    }
  }

  /** Writes into {@code out} the total of the values added to ranges covering {@code position}. */
  void pointSum(int position, double[] out) {
    Arrays.fill(out, 0);
    for (int k = position + leaves; k >= 1; k >>= 1) {
      for (int c = 0; c < width; c++) {
        out[c] += node[k * width + c];
      }
    }
  }

  /** Sets the value at {@code position} (before {@link #build}). */
  void set(int position, double[] value) {
    System.arraycopy(value, 0, node, (position + leaves) * width, width);
  }

  /** Makes each inner node the sum of its children, after the last {@link #set}. */
  void build() {
    for (int k = leaves - 1; k >= 1; k--) {
      for (int c = 0; c < width; c++) {
        node[k * width + c] = node[2 * k * width + c] + node[(2 * k + 1) * width + c];
      }
    }
  }

  /** Writes into {@code out} the sum of the values at positions {@code [from, to)}. */
  void rangeSum(int from, int to, double[] out) {
    Arrays.fill(out, 0);
    for (int l = from + leaves, r = to + leaves; l < r; l >>= 1, r >>= 1) {
      if ((l & 1) == 1) {
        accumulate(l++, out);
      }
      if ((r & 1) == 1) {
        accumulate(--r, out);
      }
    }
  }

  private void add(int k, double[] value) {
    for (int c = 0; c < width; c++) {
      node[k * width + c] += value[c];
    }
  }

  private void accumulate(int k, double[] out) {
    for (int c = 0; c < width; c++) {
      out[c] += node[k * width + c];
    }
  }
}
