package org.outcome.stats.survival;

/** Resolves a {@link RmeanHorizon} to the restriction time of one curve. */
final class RmeanEnds {
  private RmeanEnds() {}

  /**
   * @param last the curve's last observed time
   * @param smallestLast the smallest last time over all curves
   * @param largestLast the largest last time over all curves
   */
  static double end(RmeanHorizon horizon, double last, double smallestLast, double largestLast) {
    if (horizon instanceof RmeanHorizon.Fixed fixed) {
      return fixed.tau();
    }
    if (horizon instanceof RmeanHorizon.PerCurve) {
      return last;
    }
    if (horizon instanceof RmeanHorizon.SmallestLast) {
      return smallestLast;
    }
    return largestLast;
  }
}
