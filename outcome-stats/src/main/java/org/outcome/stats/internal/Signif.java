package org.outcome.stats.internal;

/**
 * Rounding to significant decimal digits as R's {@code signif(x, digits)} does ({@code fprec} in
 * R's {@code src/nmath/fprec.c}, after W. Fullerton): with
 * {@code e = digits - 1 - floor(log10(|x|))}, {@code rint(|x| * 10^e) / 10^e} when {@code e > 0},
 * else {@code rint(|x| / 10^-e) * 10^-e}; powers of ten are formed by repeated squaring as R's
 * {@code R_pow_di} forms them, and {@code rint} rounds half to even. Values within a factor 100 of
 * the largest or smallest double (|log10 x| > 305), where R takes another branch, are returned
 * unchanged.
 */
public final class Signif {
  /** R's {@code DBL_MAX_EXP * log10(2)}, truncated: 308. */
  private static final int MAX10E = 308;

  private Signif() {}

  /**
   * {@code x} rounded to {@code digits} significant digits (1 to 15).
   *
   * @throws IllegalArgumentException unless {@code 1 <= digits <= 15}
   */
  public static double round(double x, int digits) {
    if (digits < 1 || digits > 15) {
      throw new IllegalArgumentException("significant digits must be 1 to 15, got " + digits);
    }
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    double sign = x < 0 ? -1 : 1;
    double ax = Math.abs(x);
    double l10 = Math.log10(ax);
    if (Math.abs(l10) >= MAX10E - 2) {
      return x;
    }
    int e10 = (int) (digits - 1 - Math.floor(l10));
    double p10 = 1.0;
    if (e10 > MAX10E) {
      p10 = powDi(10, e10 - MAX10E);
      e10 = MAX10E;
    }
    if (e10 > 0) {
      double pow10 = powDi(10, e10);
      return sign * (Math.rint((ax * pow10) * p10) / pow10) / p10;
    }
    double pow10 = powDi(10, -e10);
    return sign * (Math.rint(ax / pow10) * pow10);
  }

  /** {@code x^n} by repeated squaring, as R's {@code R_pow_di}. */
  static double powDi(double base, int exponent) {
    double pow = 1.0;
    double x = base;
    int n = exponent;
    if (n != 0) {
      if (n < 0) {
        n = -n;
        x = 1 / x;
      }
      for (;;) {
        if ((n & 1) != 0) {
          pow *= x;
        }
        n >>= 1;
        if (n != 0) {
          x *= x;
        } else {
          break;
        }
      }
    }
    return pow;
  }
}
