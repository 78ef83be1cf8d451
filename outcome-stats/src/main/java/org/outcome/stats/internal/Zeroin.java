package org.outcome.stats.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * Brent's root finder exactly as R's {@code uniroot()} runs it: the Forsythe–Malcolm–Moler
 * {@code zeroin} algorithm (bisection combined with linear or inverse quadratic interpolation), in
 * the form of R's {@code R_zeroin2} ({@code src/library/stats/src/zeroin.c}), which takes the
 * function values at the end points as given.
 *
 * <p>Why not Hipparchus' {@code BrentSolver}: R stops {@code uniroot()} at its default tolerance
 * {@code .Machine$double.eps^0.25} (about 1.2e-4), and some R results are the point where that
 * iteration stops rather than the exact root — {@code fisher.test}'s conditional maximum
 * likelihood odds ratio is 6e-7 (relative) away from the true root on R's own example. Matching
 * R to 1e-7 therefore means taking the same steps R takes, which only this algorithm does.
 *
 * <p>Reference: G. E. Forsythe, M. A. Malcolm and C. B. Moler (1977), <i>Computer Methods for
 * Mathematical Computations</i>, Prentice-Hall, section 7.2; R Core Team, {@code uniroot}.
 */
public final class Zeroin {
  /** R's default {@code uniroot} tolerance, {@code .Machine$double.eps^0.25} = 2^-13. */
  public static final double R_DEFAULT_TOLERANCE = 0x1p-13;

  /** R's default {@code maxiter} for {@code uniroot}. */
  public static final int R_DEFAULT_MAX_ITERATIONS = 1000;

  private static final double EPSILON = Math.ulp(1.0);

  private Zeroin() {}

  /**
   * As R's {@code uniroot(f, c(lower, upper), tol = tol)$root}: evaluates the end points, checks
   * that they bracket a root, then iterates.
   *
   * @throws IllegalArgumentException if {@code f(lower)} and {@code f(upper)} have the same sign
   *     (R: "f() values at end points not of opposite sign")
   */
  public static double uniroot(DoubleUnaryOperator f, double lower, double upper, double tol) {
    double fLower = f.applyAsDouble(lower);
    double fUpper = f.applyAsDouble(upper);
    if (Double.isNaN(fLower) || Double.isNaN(fUpper)) {
      throw new IllegalArgumentException("function is NaN at an end point of [" + lower + ", " + upper + "]");
    }
    if (fLower * fUpper > 0) {
      throw new IllegalArgumentException("function values at " + lower + " and " + upper + " have the same sign");
    }
    return solve(f, lower, upper, fLower, fUpper, tol, R_DEFAULT_MAX_ITERATIONS);
  }

  /** As {@link #uniroot(DoubleUnaryOperator, double, double, double)} with R's default tolerance. */
  public static double uniroot(DoubleUnaryOperator f, double lower, double upper) {
    return uniroot(f, lower, upper, R_DEFAULT_TOLERANCE);
  }

  /**
   * The iteration itself ({@code R_zeroin2}): {@code a} and {@code b} bracket the root with
   * function values {@code fa} and {@code fb}. Returns the last iterate when the bracket is
   * narrower than {@code 2 * EPS * |b| + tol / 2}, or after {@code maxIterations} steps.
   */
  public static double solve(DoubleUnaryOperator f, double ax, double bx, double faIn, double fbIn,
      double tol, int maxIterations) {
    double a = ax;
    double b = bx;
    double fa = faIn;
    double fb = fbIn;
    double c = a;
    double fc = fa;
    if (fa == 0.0) {
      return a;
    }
    if (fb == 0.0) {
      return b;
    }
    for (int remaining = maxIterations + 1; remaining > 0; remaining--) {
      double prevStep = b - a;
      if (Math.abs(fc) < Math.abs(fb)) {
        // make b the best approximation
        a = b;
        b = c;
        c = a;
        fa = fb;
        fb = fc;
        fc = fa;
      }
      double tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
      double newStep = (c - b) / 2;
      if (Math.abs(newStep) <= tolAct || fb == 0.0) {
        return b;
      }
      if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
        // interpolation may be tried
        double p;
        double q;
        double cb = c - b;
        if (a == c) {
          double t1 = fb / fa; // linear interpolation
          p = cb * t1;
          q = 1.0 - t1;
        } else {
          double qq = fa / fc; // inverse quadratic interpolation
          double t1 = fb / fc;
          double t2 = fb / fa;
          p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1.0));
          q = (qq - 1.0) * (t1 - 1.0) * (t2 - 1.0);
        }
        if (p > 0) {
          q = -q;
        } else {
          p = -p;
        }
        if (p < (0.75 * cb * q - Math.abs(tolAct * q) / 2) && p < Math.abs(prevStep * q / 2)) {
          newStep = p / q;
        }
      }
      if (Math.abs(newStep) < tolAct) {
        newStep = newStep > 0 ? tolAct : -tolAct;
      }
      a = b;
      fa = fb;
      b += newStep;
      fb = f.applyAsDouble(b);
      if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
        c = a;
        fc = fa;
      }
    }
    return b;
  }
}
