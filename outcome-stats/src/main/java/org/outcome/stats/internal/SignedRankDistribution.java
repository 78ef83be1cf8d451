package org.outcome.stats.internal;

/**
 * The exact null distribution of the Wilcoxon signed-rank statistic V (the sum of the ranks of
 * the positive differences) for {@code n} differences without ties or zeros: each of the
 * {@code 2^n} sign patterns equally likely.
 *
 * <p>Built by the recursion R's {@code csignrank} ({@code src/nmath/signrank.c}) counts with:
 * adding rank {@code k} either leaves V or adds {@code k}. Here the recursion is run on
 * probabilities ({@code p_k(v) = (p_{k-1}(v) + p_{k-1}(v - k)) / 2}) so that nothing overflows;
 * cost {@code O(n^3)}, memory {@code O(n^2)}. {@link #cdf} is R's {@code psignrank(v, n)};
 * {@link #upperTail} is {@code psignrank(v - 1, n, lower.tail = FALSE)}.
 */
public final class SignedRankDistribution extends SymmetricRankDistribution {
  /** The largest n for which the exact distribution is computed. */
  public static final int MAX_N = 1000;

  private final int n;

  private SignedRankDistribution(int n, double[] probability) {
    super(probability);
    this.n = n;
  }

  /**
   * The distribution for {@code n} differences.
   *
   * @throws IllegalArgumentException unless {@code 0 <= n <= MAX_N}
   */
  public static SignedRankDistribution of(int n) {
    if (n < 0 || n > MAX_N) {
      throw new IllegalArgumentException("exact signed-rank distribution needs 0 <= n <= " + MAX_N + ", got " + n);
    }
    int max = n * (n + 1) / 2;
    double[] p = new double[max + 1];
    p[0] = 1;
    int top = 0;
    for (int k = 1; k <= n; k++) {
      top += k;
      for (int v = top; v >= 0; v--) {
        double shifted = v >= k ? p[v - k] : 0;
        p[v] = 0.5 * (p[v] + shifted);
      }
    }
    return new SignedRankDistribution(n, p);
  }

  /** The number of differences. */
  public int n() {
    return n;
  }
}
