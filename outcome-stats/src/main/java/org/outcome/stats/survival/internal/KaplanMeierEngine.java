package org.outcome.stats.survival.internal;

/**
 * The Kaplan–Meier product-limit estimate and Greenwood's variance, from counts at each distinct
 * time, as R's {@code survfitkm} (survival 3.x, unweighted, {@code stype = 1}) computes them:
 * {@code S(t) = prod over t_i <= t of (n_i - d_i) / n_i} and the standard error of the cumulative
 * hazard {@code -log S}, {@code sqrt(sum d_i / (n_i (n_i - d_i)))}, which is infinite once
 * {@code n_i = d_i} (the curve reaches 0).
 */
public final class KaplanMeierEngine {
  private KaplanMeierEngine() {}

  /**
   * Fills {@code survival} and {@code stdErr} (each as long as the counts).
   *
   * @param atRisk the number at risk at each time
   * @param events the number of events at each time
   */
  public static void estimate(long[] atRisk, long[] events, double[] survival, double[] stdErr) {
    double km = 1;
    double greenwood = 0;
    for (int i = 0; i < atRisk.length; i++) {
      if (events[i] > 0) {
        double n = atRisk[i];
        double d = events[i];
        km *= (n - d) / n;
        greenwood += d / (n * (n - d));
      }
      survival[i] = km;
      stdErr[i] = Math.sqrt(greenwood);
    }
  }
}
