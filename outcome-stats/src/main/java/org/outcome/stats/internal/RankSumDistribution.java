package org.outcome.stats.internal;

/**
 * The exact null distribution of the Mann–Whitney statistic W = U (the number of pairs
 * {@code (x_i, y_j)} with {@code x_i > y_j}) for samples of sizes {@code m} and {@code n} without
 * ties: every assignment of the ranks equally likely.
 *
 * <p>Built by the recursion R's {@code cwilcox} ({@code src/nmath/wilcox.c}) uses, written on
 * probabilities: the largest observation belongs to x with probability {@code m / (m + n)} (and
 * then exceeds all n values of y) or to y, so
 * {@code P_{m,n}(u) = m/(m+n) P_{m-1,n}(u - n) + n/(m+n) P_{m,n-1}(u)}. Cost
 * {@code O(m^2 n^2 / 4)}. {@link #cdf} is R's {@code pwilcox(w, m, n)}; {@link #upperTail} is
 * {@code pwilcox(w - 1, m, n, lower.tail = FALSE)}.
 */
public final class RankSumDistribution extends SymmetricRankDistribution {
  /** The largest {@code m * n} for which the exact distribution is computed. */
  public static final long MAX_PRODUCT = 10_000;

  private final int m;
  private final int n;

  private RankSumDistribution(int m, int n, double[] probability) {
    super(probability);
    this.m = m;
    this.n = n;
  }

  /**
   * The distribution for samples of sizes {@code m} and {@code n}.
   *
   * @throws IllegalArgumentException unless both are positive and {@code m * n <= MAX_PRODUCT}
   */
  public static RankSumDistribution of(int m, int n) {
    if (m < 1 || n < 1 || (long) m * n > MAX_PRODUCT) {
      throw new IllegalArgumentException("exact rank-sum distribution needs m, n >= 1 and m * n <= "
          + MAX_PRODUCT + ", got m = " + m + ", n = " + n);
    }
    double[][] previous = new double[n + 1][];
    for (int j = 0; j <= n; j++) {
      previous[j] = new double[] {1}; // no x values: U = 0
    }
    for (int i = 1; i <= m; i++) {
      double[][] current = new double[n + 1][];
      current[0] = new double[] {1}; // no y values: U = 0
      for (int j = 1; j <= n; j++) {
        double[] row = new double[i * j + 1];
        double fromX = (double) i / (i + j);
        double fromY = (double) j / (i + j);
        double[] withoutX = previous[j]; // (i - 1, j), support 0..(i-1)j
        double[] withoutY = current[j - 1]; // (i, j - 1), support 0..i(j-1)
        for (int u = 0; u < row.length; u++) {
          double a = (u >= j && u - j < withoutX.length) ? withoutX[u - j] : 0;
          double b = u < withoutY.length ? withoutY[u] : 0;
          row[u] = fromX * a + fromY * b;
        }
        current[j] = row;
      }
      previous = current;
    }
    return new RankSumDistribution(m, n, previous[n]);
  }

  /** The size of the first sample. */
  public int m() {
    return m;
  }

  /** The size of the second sample. */
  public int n() {
    return n;
  }
}
