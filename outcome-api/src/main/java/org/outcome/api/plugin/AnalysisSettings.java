package org.outcome.api.plugin;

/**
 * Settings every analysis understands. Analysis-specific options belong to the analysis's own
 * immutable configuration object.
 *
 * @param confLevel the confidence level for intervals, in (0, 1)
 */
public record AnalysisSettings(double confLevel) {
  public AnalysisSettings {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confLevel);
    }
  }

  /** 95% confidence intervals. */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings(0.95);
  }

  /** These settings with another confidence level. */
  public AnalysisSettings withConfLevel(double level) {
    return new AnalysisSettings(level);
  }
}
