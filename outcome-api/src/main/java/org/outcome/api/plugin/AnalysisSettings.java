package org.outcome.api.plugin;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Settings every analysis understands when it is run by id (from an evaluation config, say).
 * Analysis-specific options belong to the analysis's own immutable configuration object; an
 * analysis ignores a setting that does not apply to it.
 *
 * @param confLevel the confidence level for intervals, in (0, 1)
 * @param horizon a time horizon for analyses restricted in time (the tau of restricted mean
 *     survival time), in the sample's time unit; absent for the analysis's own default
 */
public record AnalysisSettings(double confLevel, OptionalDouble horizon) {
  public AnalysisSettings {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confLevel);
    }
    Objects.requireNonNull(horizon, "horizon");
    if (horizon.isPresent() && !(horizon.getAsDouble() > 0 && Double.isFinite(horizon.getAsDouble()))) {
      throw new IllegalArgumentException("horizon must be positive and finite, got " + horizon.getAsDouble());
    }
  }

  /** 95% confidence intervals, no horizon. */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings(0.95, OptionalDouble.empty());
  }

  /** These settings with another confidence level. */
  public AnalysisSettings withConfLevel(double level) {
    return new AnalysisSettings(level, horizon);
  }

  /** These settings with a time horizon. */
  public AnalysisSettings withHorizon(double value) {
    return new AnalysisSettings(confLevel, OptionalDouble.of(value));
  }
}
