package org.outcome.stats.internal;

import org.hipparchus.special.Gamma;
import java.util.Optional;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Warning;

/** Shared pieces of the standardized mean differences: Hedges' correction and noncentral-t intervals. */
public final class EffectSizes {
  private EffectSizes() {}

  /**
   * Hedges' exact small-sample bias correction
   * {@code J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df - 1)/2))} (Hedges 1981, "Distribution theory
   * for Glass's estimator of effect size and related estimators", <i>J. Educational Statistics</i>
   * 6, 107–128, eq. 6e), computed through log-gamma so that it holds for large df.
   *
   * @throws IllegalArgumentException unless {@code df > 1} (at {@code df = 1} J is 0)
   */
  public static double hedgesCorrection(double df) {
    if (!(df > 1)) {
      throw new IllegalArgumentException("Hedges' correction needs more than 1 degree of freedom, got " + df);
    }
    return Math.exp(Gamma.logGamma(df / 2) - 0.5 * Math.log(df / 2) - Gamma.logGamma((df - 1) / 2));
  }

  /**
   * The confidence interval for a standardized difference {@code d = t * factor}: the noncentral-t
   * limits for the observed t (see {@link NoncentralT#ncpInterval}) multiplied by {@code factor};
   * empty where those limits cannot be computed reliably.
   */
  public static Optional<ConfidenceInterval> noncentralInterval(double t, double df, double factor, double confLevel) {
    return NoncentralT.ncpInterval(t, df, confLevel)
        .map(ncp -> new ConfidenceInterval(ncp[0] * factor, ncp[1] * factor, confLevel));
  }

  /** The warning given when a noncentral-t interval could not be computed. */
  public static Warning intervalUnavailable(String what, double t, double df) {
    return Warning.of("interval-unavailable", "the interval of " + what + " is not reported: t = " + t + " on " + df
        + " df is beyond where the noncentral t distribution function (R's pnt, AS 243) is accurate");
  }


  /** An interval multiplied by a positive constant (Hedges' J applied to the limits of d). */
  public static Optional<ConfidenceInterval> scale(Optional<ConfidenceInterval> interval, double factor) {
    return interval.map(i -> new ConfidenceInterval(i.lower() * factor, i.upper() * factor, i.level()));
  }
}
