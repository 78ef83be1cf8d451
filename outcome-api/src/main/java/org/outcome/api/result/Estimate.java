package org.outcome.api.result;

import java.util.Objects;
import java.util.Optional;

/**
 * A named point estimate (a mean difference, a hazard ratio, Cohen's d) with its confidence
 * interval when one is defined.
 *
 * @param name what is estimated, for example {@code "mean difference"} or {@code "hazard ratio"}
 * @param value the estimate; finite, or infinite where the scale allows (an odds ratio with a zero cell)
 * @param interval the confidence interval, when defined
 */
public record Estimate(String name, double value, Optional<ConfidenceInterval> interval) {
  public Estimate {
    Objects.requireNonNull(name, "name");
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("estimate '" + name + "' is NaN");
    }
    Objects.requireNonNull(interval, "interval");
  }

  /** An estimate with an interval. */
  public static Estimate of(String name, double value, ConfidenceInterval interval) {
    return new Estimate(name, value, Optional.of(interval));
  }

  /** An estimate without an interval. */
  public static Estimate of(String name, double value) {
    return new Estimate(name, value, Optional.empty());
  }
}
