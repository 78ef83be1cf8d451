package org.outcome.api.result;

/**
 * A two-sided confidence interval. Either bound may be infinite (an odds ratio with a zero cell,
 * an upper median limit never reached is instead reported as absent by the result that owns it).
 *
 * @param lower the lower bound
 * @param upper the upper bound; not below {@code lower}
 * @param level the confidence level, in (0, 1), for example 0.95
 */
public record ConfidenceInterval(double lower, double upper, double level) {
  public ConfidenceInterval {
    if (Double.isNaN(lower) || Double.isNaN(upper) || upper < lower) {
      throw new IllegalArgumentException("confidence interval [" + lower + ", " + upper + "] is not valid");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
  }

  /** Whether {@code value} lies inside the closed interval. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
