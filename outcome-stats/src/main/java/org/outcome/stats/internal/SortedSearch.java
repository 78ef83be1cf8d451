package org.outcome.stats.internal;

/** Searches in sorted arrays, shared by the analyses that read a sorted column at a value. */
public final class SortedSearch {
  private SortedSearch() {}

  /**
   * The first position in {@code a[from, to)}, sorted ascending, whose value is above {@code v}
   * ({@code to} when none is): the number of values at or below {@code v} is this less
   * {@code from}. A {@code NaN} {@code v} is below every value (no comparison with it holds).
   */
  public static int firstAbove(double[] a, int from, int to, double v) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
