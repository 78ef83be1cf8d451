package org.outcome.stats.internal;

import org.hipparchus.distribution.discrete.HypergeometricDistribution;

/**
 * The conditional distribution of the top-left cell of a 2×2 table given its margins: Fisher's
 * noncentral hypergeometric distribution with the odds ratio as noncentrality. This is the engine
 * of R's {@code fisher.test} for 2×2 tables, and every function here is the one of that name in
 * R's {@code fisher.test} ({@code dnhyper}, {@code mnhyper}, {@code pnhyper}), evaluated the same
 * way, so that the root finder ({@link Zeroin}) takes the same steps R's {@code uniroot} takes.
 *
 * <p>The central log-densities come from Hipparchus' {@link HypergeometricDistribution} (Loader's
 * saddle-point form, as R's {@code dhyper}).
 */
public final class NoncentralHypergeometric {
  private final int x;
  private final int lo;
  private final int hi;
  private final double[] logdc;
  private final HypergeometricDistribution central;

  /**
   * The distribution for a table whose first column totals {@code m}, second column {@code n}
   * and first row {@code k}, with observed top-left cell {@code x}.
   */
  public NoncentralHypergeometric(int x, int m, int n, int k) {
    this.x = x;
    this.lo = Math.max(0, k - n);
    this.hi = Math.min(k, m);
    this.central = new HypergeometricDistribution(m + n, m, k);
    this.logdc = new double[hi - lo + 1];
    for (int i = 0; i < logdc.length; i++) {
      logdc[i] = central.logProbability(lo + i);
    }
  }

  /** The smallest value the cell can take. */
  public int lo() {
    return lo;
  }

  /** The largest value the cell can take. */
  public int hi() {
    return hi;
  }

  /** The observed cell. */
  public int x() {
    return x;
  }

  /** The probabilities of {@code lo .. hi} at odds ratio {@code ncp} (0 < ncp < ∞); R's {@code dnhyper}. */
  public double[] density(double ncp) {
    double[] d = new double[logdc.length];
    double max = Double.NEGATIVE_INFINITY;
    double logNcp = Math.log(ncp);
    for (int i = 0; i < d.length; i++) {
      d[i] = logdc[i] + logNcp * (lo + i);
      max = Math.max(max, d[i]);
    }
    double sum = 0;
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.exp(d[i] - max);
      sum += d[i];
    }
    for (int i = 0; i < d.length; i++) {
      d[i] /= sum;
    }
    return d;
  }

  /** The mean at odds ratio {@code ncp}; R's {@code mnhyper}. */
  public double mean(double ncp) {
    if (ncp == 0) {
      return lo;
    }
    if (ncp == Double.POSITIVE_INFINITY) {
      return hi;
    }
    double[] d = density(ncp);
    double s = 0;
    for (int i = 0; i < d.length; i++) {
      s += (lo + i) * d[i];
    }
    return s;
  }

  /**
   * P(X ≤ q) (or P(X ≥ q) for the upper tail) at odds ratio {@code ncp}; R's {@code pnhyper}, which
   * at {@code ncp = 1} uses the central distribution function ({@code phyper}) at the observed x.
   */
  public double cdf(int q, double ncp, boolean upperTail) {
    if (ncp == 1) {
      return upperTail ? central.upperCumulativeProbability(x) : central.cumulativeProbability(x);
    }
    if (ncp == 0) {
      return upperTail ? (q <= lo ? 1 : 0) : (q >= lo ? 1 : 0);
    }
    if (ncp == Double.POSITIVE_INFINITY) {
      return upperTail ? (q <= hi ? 1 : 0) : (q >= hi ? 1 : 0);
    }
    double[] d = density(ncp);
    double s = 0;
    for (int i = 0; i < d.length; i++) {
      int value = lo + i;
      if (upperTail ? value >= q : value <= q) {
        s += d[i];
      }
    }
    return s;
  }

  /**
   * The conditional maximum likelihood estimate of the odds ratio, solving {@code E(X) = x} as R
   * does (0 at {@code x = lo}, ∞ at {@code x = hi}).
   */
  public double mle() {
    if (x == lo) {
      return 0;
    }
    if (x == hi) {
      return Double.POSITIVE_INFINITY;
    }
    double mu = mean(1);
    if (mu > x) {
      return Zeroin.uniroot(t -> mean(t) - x, 0, 1);
    }
    if (mu < x) {
      return 1 / Zeroin.uniroot(t -> mean(1 / t) - x, Math.ulp(1.0), 1);
    }
    return 1;
  }

  /** The upper confidence limit of the odds ratio at tail probability {@code alpha}; R's {@code ncp.U}. */
  public double upperLimit(double alpha) {
    if (x == hi) {
      return Double.POSITIVE_INFINITY;
    }
    double p = cdf(x, 1, false);
    if (p < alpha) {
      return Zeroin.uniroot(t -> cdf(x, t, false) - alpha, 0, 1);
    }
    if (p > alpha) {
      return 1 / Zeroin.uniroot(t -> cdf(x, 1 / t, false) - alpha, Math.ulp(1.0), 1);
    }
    return 1;
  }

  /** The lower confidence limit of the odds ratio at tail probability {@code alpha}; R's {@code ncp.L}. */
  public double lowerLimit(double alpha) {
    if (x == lo) {
      return 0;
    }
    double p = cdf(x, 1, true);
    if (p > alpha) {
      return Zeroin.uniroot(t -> cdf(x, t, true) - alpha, 0, 1);
    }
    if (p < alpha) {
      return 1 / Zeroin.uniroot(t -> cdf(x, 1 / t, true) - alpha, Math.ulp(1.0), 1);
    }
    return 1;
  }

  /**
   * The two-sided p-value at odds ratio {@code or}: the probability of every table no more likely
   * than the observed one, with R's relative fuzz {@code 1e-7}.
   */
  public double twoSidedP(double or) {
    if (or == 0) {
      return x == lo ? 1 : 0;
    }
    if (or == Double.POSITIVE_INFINITY) {
      return x == hi ? 1 : 0;
    }
    double[] d = density(or);
    double threshold = d[x - lo] * (1 + 1e-7);
    double s = 0;
    for (double v : d) {
      if (v <= threshold) {
        s += v;
      }
    }
    return s;
  }
}
