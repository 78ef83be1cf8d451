package org.outcome.stats.survival.internal;

/**
 * The median and restricted mean of a survival curve as R's {@code survmean} (used by
 * {@code print.survfit} and {@code summary(fit)$table}, survival 3.5) computes them.
 */
public final class SurvivalSummaries {
  /** R's tolerance for "equal to one half": {@code sqrt(.Machine$double.eps)}. */
  private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private SurvivalSummaries() {}

  /**
   * The first time at which a curve is at or below one half; when the curve is exactly one half
   * (within R's tolerance) there and drops lower later, the midpoint between that time and the
   * first later time where the curve is lower (R's {@code minmin}). {@code NaN} values (limits R
   * reports as {@code NA}) are skipped.
   *
   * @return the time, or {@code NaN} when the curve never reaches one half
   */
  public static double medianTime(double[] curve, double[] time) {
    int first = -1;
    for (int i = 0; i < curve.length; i++) {
      if (!Double.isNaN(curve[i]) && curve[i] < 0.5 + TOLERANCE) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return Double.NaN;
    }
    double y1 = curve[first];
    if (Math.abs(y1 - 0.5) < TOLERANCE) {
      for (int j = first + 1; j < curve.length; j++) {
        if (!Double.isNaN(curve[j]) && curve[j] < y1) {
          return (time[first] + time[j]) / 2;
        }
      }
    }
    return time[first];
  }

  /**
   * The restricted mean survival time up to {@code end} and its standard error, as R's
   * {@code survmean}: the area under the step function {@code S} from 0 to {@code end}, and
   * {@code sqrt(sum over event times t_i <= end of A_i^2 d_i / (n_i (n_i - d_i)))} where
   * {@code A_i} is the area under {@code S} from {@code t_i} to {@code end} (terms with
   * {@code n_i = d_i} count as 0).
   *
   * @return {@code {mean, standard error}}
   */
  public static double[] restrictedMean(double[] time, double[] survival, long[] atRisk, long[] events, double end) {
    int k = 0;
    while (k < time.length && time[k] <= end) {
      k++;
    }
    // rectangles r_0 .. r_k: r_0 = t_1 * 1, r_j = (t_{j+1} - t_j) S(t_j), t_{k+1} = end
    double[] rect = new double[k + 1];
    double previousTime = 0;
    double previousSurvival = 1;
    for (int j = 0; j < k; j++) {
      rect[j] = (time[j] - previousTime) * previousSurvival;
      previousTime = time[j];
      previousSurvival = survival[j];
    }
    rect[k] = (end - previousTime) * previousSurvival;
    double mean = 0;
    for (double r : rect) {
      mean += r;
    }
    double variance = 0;
    double tail = 0;
    for (int j = k - 1; j >= 0; j--) {
      tail += rect[j + 1];
      long n = atRisk[j];
      long d = events[j];
      double h = n - d == 0 ? 0 : d / ((double) n * (n - d));
      variance += tail * tail * h;
    }
    return new double[] {mean, Math.sqrt(variance)};
  }
}
