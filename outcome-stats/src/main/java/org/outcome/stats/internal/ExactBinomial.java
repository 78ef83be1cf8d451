package org.outcome.stats.internal;

import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.stats.common.Alternative;

/**
 * The exact binomial test and Clopper–Pearson interval, as R's
 * {@code binom.test(x, n, p, alternative, conf.level)} computes them. Used by the exact McNemar
 * test ({@code binom.test(b, b + c)}) and the rate ratio ({@code poisson.test} conditions on the
 * total count and calls {@code binom.test}).
 *
 * <p>Two-sided p-value (R's rule): the probability of every outcome no more likely than the one
 * observed, with a relative fuzz of {@code 1e-7} in the comparison; the interval inverts two
 * one-sided tests through beta quantiles, {@code qbeta(alpha/2, x, n - x + 1)} and
 * {@code qbeta(1 - alpha/2, x + 1, n - x)}.
 *
 * @param pValue the p-value
 * @param interval the confidence interval for the success probability
 */
public record ExactBinomial(double pValue, ConfidenceInterval interval) {
  private static final double RELATIVE_FUZZ = 1 + 1e-7;

  /** Runs the test of {@code x} successes in {@code n} trials against probability {@code p}. */
  public static ExactBinomial test(int x, int n, double p, Alternative alternative, double confLevel) {
    if (n < 1 || x < 0 || x > n) {
      throw new IllegalArgumentException("binomial test needs 0 <= x <= n and n >= 1, got x = " + x + ", n = " + n);
    }
    double pValue = switch (alternative) {
      case LESS -> Distributions.binomialCdf(x, n, p);
      case GREATER -> Distributions.binomialUpper(x, n, p);
      case TWO_SIDED -> twoSided(x, n, p);
    };
    double lower;
    double upper;
    switch (alternative) {
      case LESS -> {
        lower = 0;
        upper = upperLimit(x, n, 1 - confLevel);
      }
      case GREATER -> {
        lower = lowerLimit(x, n, 1 - confLevel);
        upper = 1;
      }
      default -> {
        double alpha = (1 - confLevel) / 2;
        lower = lowerLimit(x, n, alpha);
        upper = upperLimit(x, n, alpha);
      }
    }
    return new ExactBinomial(Math.min(1, pValue), new ConfidenceInterval(lower, upper, confLevel));
  }

  private static double twoSided(int x, int n, double p) {
    if (p == 0) {
      return x == 0 ? 1 : 0;
    }
    if (p == 1) {
      return x == n ? 1 : 0;
    }
    BinomialDistribution distribution = new BinomialDistribution(n, p);
    double d = distribution.probability(x) * RELATIVE_FUZZ;
    double m = n * p;
    if (x == m) {
      return 1;
    }
    if (x < m) {
      // count outcomes in [ceil(m), n] no more likely than x
      int y = 0;
      for (int i = (int) Math.ceil(m); i <= n; i++) {
        if (distribution.probability(i) <= d) {
          y++;
        }
      }
      return Distributions.binomialCdf(x, n, p) + Distributions.binomialUpper(n - y + 1, n, p);
    }
    int y = 0;
    for (int i = 0; i <= (int) Math.floor(m); i++) {
      if (distribution.probability(i) <= d) {
        y++;
      }
    }
    return Distributions.binomialCdf(y - 1, n, p) + Distributions.binomialUpper(x, n, p);
  }

  private static double lowerLimit(int x, int n, double alpha) {
    return x == 0 ? 0 : Distributions.betaQuantile(alpha, x, n - x + 1.0);
  }

  private static double upperLimit(int x, int n, double alpha) {
    return x == n ? 1 : Distributions.betaQuantile(1 - alpha, x + 1.0, n - x);
  }
}
