package org.outcome.stats.survival;

import org.outcome.stats.internal.Arguments;

/**
 * Up to which time {@code τ} a restricted mean survival time is computed. R's
 * {@code print(survfit, rmean = )} offers the first three; the fourth is the default of the
 * {@code survRM2} package for comparing groups.
 */
public sealed interface RmeanHorizon {
  /** R's default ({@code rmean = "common"}): the largest observed time over all curves. */
  static RmeanHorizon common() {
    return new Common();
  }

  /** R's {@code rmean = "individual"}: each curve's own last observed time. */
  static RmeanHorizon perCurve() {
    return new PerCurve();
  }

  /** The smallest of the curves' last observed times, so no curve is extrapolated (survRM2's default). */
  static RmeanHorizon smallestLast() {
    return new SmallestLast();
  }

  /**
   * A fixed time {@code τ}, as R's {@code rmean = τ}; a curve that ends earlier is carried forward flat.
   *
   * @throws IllegalArgumentException unless {@code tau} is positive and finite
   */
  static RmeanHorizon at(double tau) {
    return new Fixed(tau);
  }

  /** The largest observed time over all curves. */
  record Common() implements RmeanHorizon {}

  /** Each curve's own last observed time. */
  record PerCurve() implements RmeanHorizon {}

  /** The smallest of the curves' last observed times. */
  record SmallestLast() implements RmeanHorizon {}

  /**
   * A fixed time.
   *
   * @param tau the time, positive and finite
   */
  record Fixed(double tau) implements RmeanHorizon {
    public Fixed {
      Arguments.positive(tau, "the restriction time");
    }
  }
}
