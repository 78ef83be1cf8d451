package org.outcome.stats.survival;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A curve read at a chosen time {@code t}, as R's {@code summary(fit, times = t)}: the survival
 * and its limits are those of the last step at or before {@code t}; {@code nRisk} counts the rows
 * whose time is at or after {@code t} (the numbers at risk printed under a plot); {@code nEvent}
 * and {@code nCensor} count the events and censorings after the previous chosen time and up to
 * {@code t}. Before the curve's first time the survival is 1 with standard error 0 and limits
 * (1, 1), as R reads the row {@code survfit0} adds at time 0.
 *
 * <p>When {@code t} lies after the curve's last observed time, the last step is carried forward,
 * as R's {@code summary(fit, times = t, extend = TRUE)} does (0 after a last event, the last
 * survival after a last censoring), with no one at risk, and {@code beyondLastTime} says so: the
 * estimate is a carried value, not an observation at {@code t}. Estimates are absent where R
 * gives {@code NA} (limits at {@code S = 0}, log-log limits at {@code S = 1}).
 * {@code stdErrCumHazard} is infinite once the curve reaches 0, as in R.
 *
 * @param time the chosen time
 * @param nRisk rows at risk at {@code time}
 * @param nEvent events in (previous chosen time, {@code time}]
 * @param nCensor censorings in (previous chosen time, {@code time}]
 * @param survival the survival probability
 * @param stdErrCumHazard the standard error of the cumulative hazard
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 * @param beyondLastTime whether {@code time} lies after the curve's last observed time, so that
 *     the estimates are the last step's, carried forward
 */
public record SurvivalAt(double time, long nRisk, long nEvent, long nCensor, OptionalDouble survival,
    OptionalDouble stdErrCumHazard, OptionalDouble lower, OptionalDouble upper, boolean beyondLastTime) {
  public SurvivalAt {
    Objects.requireNonNull(survival, "survival");
    Objects.requireNonNull(stdErrCumHazard, "stdErrCumHazard");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
  }

  /**
   * The standard error on the survival scale, {@code S · se(cumulative hazard)} (what R's
   * {@code summary} prints as {@code std.err}); absent where the survival is absent or 0.
   */
  public OptionalDouble stdErrSurvival() {
    if (survival.isEmpty() || stdErrCumHazard.isEmpty()) {
      return OptionalDouble.empty();
    }
    double v = survival.getAsDouble() * stdErrCumHazard.getAsDouble();
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
