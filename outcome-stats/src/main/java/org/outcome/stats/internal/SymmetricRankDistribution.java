package org.outcome.stats.internal;

import org.outcome.stats.common.Alternative;

/**
 * The exact null distribution of a rank statistic on the whole numbers {@code 0..max}, symmetric
 * about {@code max / 2}, given by its probability table: what {@link RankSumDistribution} and
 * {@link SignedRankDistribution} share. Tails are summed over the shorter side, as R's
 * {@code pwilcox} and {@code psignrank} do.
 */
public abstract class SymmetricRankDistribution {
  private final double[] probability;

  /** @param probability P(S = s) for s = 0..max; kept, not copied */
  SymmetricRankDistribution(double[] probability) {
    this.probability = probability;
  }

  /** P(S ≤ s); a statistic within 1e-7 below a whole number counts as that number, as R. */
  public double cdf(double s) {
    double x = Math.floor(s + 1e-7);
    int max = probability.length - 1;
    if (x < 0) {
      return 0;
    }
    if (x >= max) {
      return 1;
    }
    int q = (int) x;
    if (q <= max / 2.0) {
      return sum(0, q);
    }
    return 1 - sum(q + 1, max);
  }

  /** P(S ≥ s) = P(S ≤ max - s), by the symmetry of the distribution. */
  public double upperTail(double s) {
    return cdf(probability.length - 1 - s);
  }

  /**
   * The exact p-value of a statistic, as R's {@code wilcox.test}: the lower tail for
   * {@code LESS}, the upper tail for {@code GREATER}, and for {@code TWO_SIDED} twice the tail on
   * the statistic's side of the centre {@code max / 2}, at most 1.
   */
  public double pValue(double s, Alternative alternative) {
    return switch (alternative) {
      case TWO_SIDED -> Math.min(1, 2 * (s > (probability.length - 1) / 2.0 ? upperTail(s) : cdf(s)));
      case GREATER -> upperTail(s);
      case LESS -> cdf(s);
    };
  }

  private double sum(int from, int to) {
    double s = 0;
    for (int i = from; i <= to; i++) {
      s += probability[i];
    }
    return s;
  }
}
