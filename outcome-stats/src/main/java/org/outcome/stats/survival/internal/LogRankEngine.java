package org.outcome.stats.survival.internal;

/**
 * The G-rho family of k-sample tests (Harrington and Fleming 1982) on counts, as R's
 * {@code survdiff} (C routine {@code survdiff2}, survival 3.5) computes them. At each distinct
 * event time {@code t} of a stratum, with {@code n_g} at risk and {@code d_g} events in group
 * {@code g}, {@code N} and {@code D} their totals, and weight {@code w = S(t-)^rho} where
 * {@code S} is the Kaplan–Meier estimate of the pooled stratum just before {@code t}:
 * <ul>
 *   <li>observed {@code O_g += w d_g}, expected {@code E_g += w D n_g / N};
 *   <li>variance, when {@code N > 1}: {@code V_gh += w^2 D (N - D) / (N (N - 1)) n_g (δ_gh - n_h / N)}.
 * </ul>
 * Sums run over time in decreasing order, as R's loop does; strata add their variances.
 */
public final class LogRankEngine {
  private LogRankEngine() {}

  /**
   * Accumulates one stratum.
   *
   * @param times for each group, its ascending distinct times in the stratum
   * @param events for each group, events at each of its times
   * @param atRisk for each group, the number at risk at each of its times
   * @param rho the weight exponent
   * @param observed per group, added to
   * @param expected per group, added to
   * @param variance the k-by-k matrix, added to
   */
  public static void addStratum(double[][] times, long[][] events, long[][] atRisk, double rho,
      double[] observed, double[] expected, double[][] variance) {
    int k = times.length;
    int[] pointer = new int[k];
    int total = 0;
    for (double[] t : times) {
      total += t.length;
    }
    // the union of the groups' times, with each group's events and number at risk there
    double[] union = new double[total];
    long[][] d = new long[k][total];
    long[][] n = new long[k][total];
    int u = 0;
    while (true) {
      double next = Double.POSITIVE_INFINITY;
      for (int g = 0; g < k; g++) {
        if (pointer[g] < times[g].length && times[g][pointer[g]] < next) {
          next = times[g][pointer[g]];
        }
      }
      if (next == Double.POSITIVE_INFINITY) {
        break;
      }
      union[u] = next;
      for (int g = 0; g < k; g++) {
        int p = pointer[g];
        if (p < times[g].length) {
          n[g][u] = atRisk[g][p];
          if (times[g][p] == next) {
            d[g][u] = events[g][p];
            pointer[g]++;
          }
        }
      }
      u++;
    }
    double[] weight = new double[u];
    double km = 1;
    for (int i = 0; i < u; i++) {
      long deaths = 0;
      long risk = 0;
      for (int g = 0; g < k; g++) {
        deaths += d[g][i];
        risk += n[g][i];
      }
      weight[i] = rho == 0 ? 1 : Math.pow(km, rho);
      km = km * (risk - deaths) / risk;
    }
    double[] tmp = new double[k];
    for (int i = u - 1; i >= 0; i--) {
      double w = weight[i];
      long deaths = 0;
      long risk = 0;
      for (int g = 0; g < k; g++) {
        deaths += d[g][i];
        risk += n[g][i];
        observed[g] += d[g][i] * w;
      }
      if (deaths == 0) {
        continue;
      }
      for (int g = 0; g < k; g++) {
        expected[g] += w * deaths * n[g][i] / risk;
      }
      if (risk == 1) {
        continue;
      }
      double w2 = w * w;
      for (int g = 0; g < k; g++) {
        tmp[g] = w2 * deaths * n[g][i] * (risk - deaths) / ((double) risk * (risk - 1));
      }
      for (int g = 0; g < k; g++) {
        variance[g][g] += tmp[g];
        for (int h = 0; h < k; h++) {
          variance[g][h] -= tmp[g] * n[h][i] / risk;
        }
      }
    }
  }
}
