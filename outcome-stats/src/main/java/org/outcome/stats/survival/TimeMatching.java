package org.outcome.stats.survival;

/**
 * How times that differ only by floating-point noise are matched before counting.
 *
 * <p>R's {@code survfit} and {@code survdiff} call {@code aeqSurv} by default ({@code timefix =
 * TRUE}): among the sorted distinct times {@code y}, a time whose gap to the previous one is at
 * most {@code sqrt(.Machine$double.eps)} (about 1.5e-8), absolutely or relative to the mean of the
 * distinct times, is tied to the first time of its run. Whole-day times are never affected.
 */
public enum TimeMatching {
  /** R's default ({@code timefix = TRUE}): near-equal times are treated as ties. */
  R_TOLERANCE,
  /** Times are tied only when exactly equal ({@code timefix = FALSE}). */
  EXACT;

  /** R's tolerance: {@code sqrt(.Machine$double.eps)}. */
  public static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
}
