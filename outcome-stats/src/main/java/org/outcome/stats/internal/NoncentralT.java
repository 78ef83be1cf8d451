package org.outcome.stats.internal;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The noncentral t distribution function, which Hipparchus does not provide, and confidence
 * limits for its noncentrality parameter (the standard intervals for standardized mean
 * differences).
 *
 * <p>{@link #cdf} is Algorithm AS 243 (R. V. Lenth (1989), "Cumulative distribution function of
 * the non-central t distribution", <i>Applied Statistics</i> 38, 185–189) with the twin series of
 * J. Guenther (1978), as R implements it in {@code src/nmath/pnt.c}: the same iteration limit
 * (1000), error bound (1e-12), rounding-error stop, and the Abramowitz–Stegun 26.7.10 normal
 * approximation when {@code df > 4e5} or {@code delta^2 > 2 ln 2 * 1021} (|delta| > 37.6).
 * The incomplete beta, log gamma and normal functions come from Hipparchus.
 */
public final class NoncentralT {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final double LN_SQRT_PI = 0.5 * Math.log(Math.PI);
  private static final int ITERATION_LIMIT = 1000;
  private static final double ERROR_BOUND = 1e-12;
  /** R's {@code 2 * M_LN2 * -(DBL_MIN_EXP)}, with {@code DBL_MIN_EXP = -1021}. */
  private static final double LARGE_DELTA_SQUARED = 2 * Math.log(2) * 1021;

  private NoncentralT() {}

  /**
   * P(T ≤ t) for T noncentral t with {@code df} degrees of freedom (may be fractional) and
   * noncentrality {@code delta}; as R's {@code pt(t, df, ncp = delta)}.
   *
   * @throws IllegalArgumentException if {@code df} is not positive
   */
  public static double cdf(double t, double df, double delta) {
    return probability(t, df, delta, true);
  }

  /** P(T > t); as R's {@code pt(t, df, ncp = delta, lower.tail = FALSE)}. */
  public static double upperTail(double t, double df, double delta) {
    return probability(t, df, delta, false);
  }

  private static double probability(double t, double df, double delta, boolean lowerTailIn) {
    if (!(df > 0)) {
      throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
    }
    if (Double.isInfinite(t)) {
      boolean lowerIsZero = t < 0;
      return lowerTailIn == lowerIsZero ? 0.0 : 1.0;
    }
    boolean negdel;
    double tt;
    double del;
    if (t >= 0) {
      negdel = false;
      tt = t;
      del = delta;
    } else {
      negdel = true;
      tt = -t;
      del = -delta;
    }
    if (df > 4e5 || del * del > LARGE_DELTA_SQUARED) {
      // Abramowitz and Stegun 26.7.10
      double s = 1.0 / (4.0 * df);
      double z = (tt * (1.0 - s) - del) / Math.sqrt(1.0 + tt * tt * 2.0 * s);
      return (lowerTailIn != negdel) ? Distributions.normalCdf(z) : Distributions.normalCdf(-z);
    }
    double x = t * t;
    x = x / (x + df);
    double tnc;
    if (x > 0) {
      double lambda = del * del;
      double p = 0.5 * Math.exp(-0.5 * lambda);
      if (p == 0.0) {
        // underflow: |delta| too large (R returns the boundary value too)
        return (lowerTailIn != negdel) ? 0.0 : 1.0;
      }
      double q = SQRT_2_OVER_PI * p * del;
      double s = 0.5 - p;
      double a = 0.5;
      double b = 0.5 * df;
      double rxb = Math.pow(1.0 - x, b);
      double albeta = LN_SQRT_PI + Gamma.logGamma(b) - Gamma.logGamma(0.5 + b);
      double xodd = Beta.regularizedBeta(x, a, b);
      double godd = 2.0 * rxb * Math.exp(a * Math.log(x) - albeta);
      double tncb = b * x;
      double xeven = (tncb < Math.ulp(1.0)) ? tncb : 1.0 - rxb;
      double geven = tncb * rxb;
      tnc = p * xodd + q * xeven;
      for (int it = 1; it <= ITERATION_LIMIT; it++) {
        a += 1.0;
        xodd -= godd;
        xeven -= geven;
        godd *= x * (a + b - 1.0) / a;
        geven *= x * (a + b - 0.5) / (a + 0.5);
        p *= lambda / (2 * it);
        q *= lambda / (2 * it + 1);
        tnc += p * xodd + q * xeven;
        s -= p;
        if (s <= 0) {
          break; // includes R's rounding-error stop at s < -1e-10
        }
        double errbd = 2.0 * s * (xodd - godd);
        if (errbd < ERROR_BOUND) {
          break;
        }
      }
    } else {
      tnc = 0.0;
    }
    tnc += Distributions.normalCdf(-del);
    boolean lowerTail = lowerTailIn != negdel;
    if (lowerTail) {
      return tnc;
    }
    tnc = Math.min(tnc, 1.0);
    return 0.5 - tnc + 0.5;
  }

  /**
   * Two-sided confidence limits for the noncentrality parameter given an observed t: the
   * {@code lower} limit solves {@code pt(t, df, ncp) = (1 + level) / 2}, the {@code upper} limit
   * {@code pt(t, df, ncp) = (1 - level) / 2} (the "pivoting the CDF" method; Steiger and Fouladi
   * 1997; Cumming and Finch 2001). Dividing the limits by the factor that turns d into t gives
   * the interval for a standardized mean difference.
   *
   * <p>The limits are checked: each must reproduce its target probability to 1e-7 and together
   * they must hold the observed t. Where R's algorithm is not accurate enough for that (very
   * large |t| with few degrees of freedom, where {@code pnt} switches to a normal approximation),
   * the result is empty rather than a wrong interval.
   *
   * @return {@code {lower, upper}}, or empty when the limits cannot be computed reliably
   */
  public static java.util.Optional<double[]> ncpInterval(double t, double df, double level) {
    double alpha = 1 - level;
    try {
      double lower = solveNcp(t, df, 1 - alpha / 2);
      double upper = solveNcp(t, df, alpha / 2);
      boolean reliable = Double.isFinite(lower) && Double.isFinite(upper) && lower <= t && t <= upper
          && Math.abs(cdf(t, df, lower) - (1 - alpha / 2)) < 1e-7 && Math.abs(cdf(t, df, upper) - alpha / 2) < 1e-7;
      return reliable ? java.util.Optional.of(new double[] {lower, upper}) : java.util.Optional.empty();
    } catch (ArithmeticException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** The ncp at which {@code pt(t, df, ncp) = target}; pt decreases in ncp. */
  private static double solveNcp(double t, double df, double target) {
    // bracket: cdf(ncp) - target is positive for small ncp, negative for large ncp
    double step = 1 + Math.abs(t) / 4;
    double lo = t - step;
    for (int i = 0; cdf(t, df, lo) - target < 0; i++) {
      step *= 2;
      lo = t - step;
      requireBracket(i, t);
    }
    step = 1 + Math.abs(t) / 4;
    double hi = t + step;
    for (int i = 0; cdf(t, df, hi) - target > 0; i++) {
      step *= 2;
      hi = t + step;
      requireBracket(i, t);
    }
    double tol = 1e-12 * Math.max(1, Math.abs(t));
    return Zeroin.uniroot(ncp -> cdf(t, df, ncp) - target, lo, hi, tol);
  }

  private static void requireBracket(int iteration, double t) {
    if (iteration > 60) {
      throw new ArithmeticException("no confidence limit found for the noncentrality parameter at t = " + t);
    }
  }
}
