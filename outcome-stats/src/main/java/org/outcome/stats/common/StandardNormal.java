package org.outcome.stats.common;

import org.outcome.stats.internal.Distributions;

/**
 * The standard normal distribution as the analyses use it for Wald intervals and tests: R's
 * {@code qnorm(p)} and {@code 2 * pnorm(-abs(z))}, to the last digits R gives.
 */
public final class StandardNormal {
  private StandardNormal() {}

  /**
   * The quantile, as R's {@code qnorm(p)}.
   *
   * @throws IllegalArgumentException unless {@code 0 < p < 1}
   */
  public static double quantile(double p) {
    return Distributions.normalQuantile(p);
  }

  /** The two-sided tail area beyond {@code |z|}, as R's {@code 2 * pnorm(-abs(z))}. */
  public static double twoSidedP(double z) {
    return Distributions.normalTwoSided(z);
  }
}
