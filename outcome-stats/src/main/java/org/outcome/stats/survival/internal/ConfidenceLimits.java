package org.outcome.stats.survival.internal;

import org.outcome.stats.survival.ConfType;

/**
 * Pointwise confidence limits for a survival probability from the standard error of the
 * cumulative hazard, as R's {@code survfit_confint} (survival 3.5) with {@code logse = TRUE} and
 * the usual lower limit. {@code NaN} marks the limits R reports as {@code NA}.
 */
public final class ConfidenceLimits {
  private ConfidenceLimits() {}

  /** The lower limit (index 0) and upper limit (index 1). */
  public static double[] of(ConfType type, double z, double s, double se) {
    return new double[] {lower(type, z, s, se), upper(type, z, s, se)};
  }

  /** The lower limit; {@code NaN} where R gives {@code NA}. */
  public static double lower(ConfType type, double z, double s, double se) {
    switch (type) {
      case PLAIN: {
        double half = se * s * z;
        return Double.isNaN(half) ? Double.NaN : Math.max(s - half, 0);
      }
      case LOG:
        return s == 0 ? Double.NaN : Math.exp(Math.log(s) - z * se);
      case LOG_LOG: {
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        double half = z * se / Math.log(s);
        return Math.exp(-Math.exp(Math.log(-Math.log(s)) - half));
      }
      default:
        throw new AssertionError(type);
    }
  }

  /** The upper limit; {@code NaN} where R gives {@code NA}. */
  public static double upper(ConfType type, double z, double s, double se) {
    switch (type) {
      case PLAIN: {
        double half = se * s * z;
        return Double.isNaN(half) ? Double.NaN : Math.min(s + half, 1);
      }
      case LOG:
        return s == 0 ? Double.NaN : Math.min(Math.exp(Math.log(s) + z * se), 1);
      case LOG_LOG: {
        if (s == 0 || s == 1) {
          return Double.NaN;
        }
        double half = z * se / Math.log(s);
        return Math.exp(-Math.exp(Math.log(-Math.log(s)) + half));
      }
      default:
        throw new AssertionError(type);
    }
  }
}
