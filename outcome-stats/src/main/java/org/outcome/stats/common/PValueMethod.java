package org.outcome.stats.common;

/** How a rank test's p-value was actually computed; results report it because R's rule may switch. */
public enum PValueMethod {
  /** The exact null distribution. */
  EXACT("exact distribution"),
  /** The normal approximation with continuity correction and the tie correction of the variance. */
  NORMAL_CONTINUITY("normal approximation with continuity and tie correction (R default)"),
  /** The normal approximation with the tie correction of the variance, without continuity correction. */
  NORMAL("normal approximation with tie correction");

  private final String label;

  PValueMethod(String label) {
    this.label = label;
  }

  /** The label reports and the CLI print, for example {@code "exact distribution"}. */
  public String label() {
    return label;
  }
}
