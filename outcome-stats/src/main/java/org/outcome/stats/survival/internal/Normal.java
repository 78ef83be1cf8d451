package org.outcome.stats.survival.internal;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.special.Erf;
import org.hipparchus.special.Gamma;

/** Normal and chi-square tail functions from Hipparchus, in the forms R's calls use. */
public final class Normal {
  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

  private Normal() {}

  /** R's {@code qnorm(p)}. */
  public static double quantile(double p) {
    return STANDARD.inverseCumulativeProbability(p);
  }

  /** R's {@code 2 * pnorm(-abs(z))}, computed as {@code erfc(|z| / sqrt 2)} without cancellation. */
  public static double twoSidedP(double z) {
    return Erf.erfc(Math.abs(z) / Math.sqrt(2));
  }

  /** R's {@code pchisq(x, df, lower.tail = FALSE)}, as the regularised upper incomplete gamma. */
  public static double chiSquareUpperTail(double x, int df) {
    if (x <= 0) {
      return 1;
    }
    return Gamma.regularizedGammaQ(df / 2.0, x / 2);
  }
}
