package org.outcome.stats.internal;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/**
 * Distribution functions in the form the tests need: both tails computed directly (never as
 * {@code 1 - cdf}, which loses every digit of a small p-value), and quantiles accurate to the last
 * digits. Everything comes from Hipparchus; the only additions are Newton refinement of the
 * normal quantile (Hipparchus' inverse error function is accurate to about 1e-9 in the far tails,
 * R's {@code qnorm} to about 1e-16) and a tighter accuracy for the beta quantile.
 */
public final class Distributions {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();
  private static final double SQRT2 = Math.sqrt(2);
  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  private Distributions() {}

  /** P(Z ≤ z) for the standard normal, as R's {@code pnorm(z)}. */
  public static double normalCdf(double z) {
    return 0.5 * Erf.erfc(-z / SQRT2);
  }

  /** P(Z > z) for the standard normal, as R's {@code pnorm(z, lower.tail = FALSE)}. */
  public static double normalUpper(double z) {
    return 0.5 * Erf.erfc(z / SQRT2);
  }

  /**
   * P(|Z| > |z|) for the standard normal, as R's {@code 2 * pnorm(-abs(z))}: computed as
   * {@code erfc(|z| / sqrt 2)}, so small p-values keep their digits.
   */
  public static double normalTwoSided(double z) {
    return Erf.erfc(Math.abs(z) / SQRT2);
  }

  /**
   * The standard normal quantile, as R's {@code qnorm(p)}: Hipparchus' estimate polished by two
   * Newton steps on the accurate distribution function.
   *
   * @throws IllegalArgumentException unless {@code 0 < p < 1}
   */
  public static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
    }
    if (p > 0.5) {
      return -normalQuantile(1 - p); // exact subtraction for p in [0.5, 1]
    }
    if (p == 0.5) {
      return 0;
    }
    double z = STANDARD_NORMAL.inverseCumulativeProbability(p);
    for (int i = 0; i < 3; i++) {
      double density = Math.exp(-0.5 * z * z) / SQRT_2PI;
      double step = (normalCdf(z) - p) / density;
      z -= step;
      if (Math.abs(step) <= 1e-16 * Math.abs(z)) {
        break;
      }
    }
    return z;
  }

  /** P(T ≤ t) for Student's t, as R's {@code pt(t, df)}. */
  public static double tCdf(double t, double df) {
    return new TDistribution(df).cumulativeProbability(t);
  }

  /** P(T > t) for Student's t, as R's {@code pt(t, df, lower.tail = FALSE)}. */
  public static double tUpper(double t, double df) {
    return new TDistribution(df).cumulativeProbability(-t);
  }

  /** The t quantile, as R's {@code qt(p, df)}. */
  public static double tQuantile(double p, double df) {
    if (p == 0.5) {
      return 0;
    }
    if (p > 0.5) {
      return -tQuantile(1 - p, df);
    }
    return new TDistribution(df).inverseCumulativeProbability(p);
  }

  /** P(X² > x) for chi-square with {@code df} degrees of freedom, as R's {@code pchisq(x, df, lower.tail = FALSE)}. */
  public static double chiSquareUpper(double x, double df) {
    if (x <= 0) {
      return 1;
    }
    return Gamma.regularizedGammaQ(df / 2, x / 2);
  }

  /** P(F > f) for the F distribution, as R's {@code pf(f, df1, df2, lower.tail = FALSE)}. */
  public static double fUpper(double f, double df1, double df2) {
    if (f <= 0) {
      return 1;
    }
    return Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
  }

  /** P(X ≤ k) for the binomial, as R's {@code pbinom(k, n, p)}. */
  public static double binomialCdf(int k, int n, double p) {
    if (k < 0) {
      return 0;
    }
    if (k >= n) {
      return 1;
    }
    return Beta.regularizedBeta(1 - p, n - k, k + 1.0);
  }

  /** P(X ≥ k) for the binomial, as R's {@code pbinom(k - 1, n, p, lower.tail = FALSE)}. */
  public static double binomialUpper(int k, int n, double p) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    return Beta.regularizedBeta(p, k, n - k + 1.0);
  }

  /** The beta quantile, as R's {@code qbeta(p, a, b)}. */
  public static double betaQuantile(double p, double a, double b) {
    return new BetaDistribution(a, b, 1e-15).inverseCumulativeProbability(p);
  }
}
