package org.outcome.api.instrument;

/**
 * The closed range every score of a subscale falls in.
 *
 * @param min lowest possible score
 * @param max highest possible score; not below {@code min}
 */
public record ScoreRange(double min, double max) {
  public ScoreRange {
    if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
      throw new IllegalArgumentException("score range [" + min + ", " + max + "] is not valid");
    }
    min += 0.0; // -0.0 becomes 0.0, so that equal ranges are equal records
    max += 0.0;
  }

  /** Whether {@code value} lies in the range. */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }
}
