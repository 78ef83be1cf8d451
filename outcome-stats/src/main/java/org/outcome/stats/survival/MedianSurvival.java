package org.outcome.stats.survival;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The median survival time of a curve and its confidence limits, as R's
 * {@code summary(fit)$table} (function {@code survmean}): the median is the first time the curve
 * is at or below one half (the midpoint to the next lower step when it is exactly one half on a
 * flat segment); the lower limit is the same time for the lower confidence curve and the upper
 * limit for the upper confidence curve. Each is absent when its curve never reaches one half
 * (R's {@code NA}).
 *
 * @param median the median survival time, when reached
 * @param lower the lower confidence limit, when reached
 * @param upper the upper confidence limit, when reached
 * @param level the confidence level of the limits
 */
public record MedianSurvival(OptionalDouble median, OptionalDouble lower, OptionalDouble upper, double level) {
  public MedianSurvival {
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
  }
}
