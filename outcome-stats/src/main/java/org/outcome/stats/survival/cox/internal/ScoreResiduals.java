package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.Ties;

/**
 * Score residuals of a Cox model (R's {@code residuals(fit, type = "score")}, computed by
 * {@code coxscore2.c}) in O(n p) instead of R's O(n^2 p).
 *
 * <p>At an event time {@code t} of a stratum with {@code d} events, Efron's method splits the
 * hazard jump into {@code d} parts {@code r = 0..d-1}: with risk-set sums {@code S0, S1} (events
 * included), the events' sums {@code D0, D1} and {@code w = r/d}, part {@code r} has hazard
 * {@code h_r = 1 / (S0 - w D0)} and mean {@code m_r = (S1 - w D1) / (S0 - w D0)}. Breslow's
 * method has one part with {@code h = d / S0}, {@code m = S1 / S0}. Row {@code k} with covariates
 * {@code x_k} and risk {@code e_k = exp(eta_k)} receives, from every event time {@code t} at which
 * it is at risk:
 * <ul>
 *   <li>if it is not one of the events at {@code t}: {@code -e_k sum_r h_r (x_k - m_r)};
 *   <li>if it is: {@code sum_r (x_k - m_r)/d - e_k sum_r h_r (1 - r/d) (x_k - m_r)}.
 * </ul>
 * With case weights {@code w_i} the sums {@code S0, S1, D0, D1} weight each row's risk by its
 * {@code w_i} and the hazard parts are {@code h_r = (W/d) / (S0 - w D0)} ({@code W} the events'
 * total weight; Breslow: {@code h = W / S0}), while a row's own residual is not weighted (R's
 * {@code coxscore2.c}; the robust variance multiplies residuals by the weights afterwards).
 * Both are linear in {@code x_k}, so with the per-time sums {@code H = sum h_r} and
 * {@code M = sum h_r m_r} a row's total is {@code e_k (x_k H(T_k) - M(T_k))} with cumulative
 * sums over event times up to its own, plus its own time's event terms. One descending pass
 * keeps the sums over later times; a second pass over each stratum adds the stratum totals. A
 * counting-process row {@code (start, stop]} is at risk only at the event times inside its
 * interval: when the pass reaches the first event time at or below its start, it takes the later
 * times' sums then instead of the stratum totals (R's {@code agscore3.c}).
 */
final class ScoreResiduals {
  private ScoreResiduals() {}

  /**
   * The score residuals, row-major {@code n x p} in sorted order, on the scaled covariates.
   *
   * @param eta the linear predictor of each sorted row
   */
  static double[] compute(CoxData d, Ties ties, double[] eta) {
    int n = d.n;
    int p = d.p;
    double[] x = d.x;
    double[] weight = d.weight;
    double[] resid = new double[n * p];
    double[] risk = new double[n];
    for (int i = 0; i < n; i++) {
      risk[i] = Math.exp(eta[i]);
    }
    double[] s1 = new double[p];
    double[] d1 = new double[p];
    double[] laterM = new double[p];
    HazardShares shares = new HazardShares(p);
    // counting-process rows: the block at which each left the risk set (-1: never), and the later
    // times' sums then, so that the rows are finished in one sequential pass at the stratum's end
    int[] leftAt = null;
    double[] laterHAt = null;
    double[] laterMAt = null;
    if (d.start != null) {
      leftAt = new int[n];
      java.util.Arrays.fill(leftAt, -1);
      laterHAt = new double[d.blocks()];
      laterMAt = new double[d.blocks() * p];
    }
    for (int s = 0; s < d.strata(); s++) {
      double s0 = 0;
      java.util.Arrays.fill(s1, 0);
      double laterH = 0;
      java.util.Arrays.fill(laterM, 0);
      int leaving = d.blockStart[d.stratumStart[s]];
      int stratumEnd = d.blockStart[d.stratumStart[s + 1]];
      int atRisk = 0;
      for (int b = d.stratumStart[s]; b < d.stratumStart[s + 1]; b++) {
        int start = d.blockStart[b];
        int deathStart = d.deathStart[b];
        int end = d.blockStart[b + 1];
        if (leftAt != null && deathStart < end) {
          // a counting-process row leaving before this event time was at risk at the later event
          // times only: it takes their sums (kept for this block) instead of the stratum totals
          double t = d.time[deathStart];
          laterHAt[b] = laterH;
          System.arraycopy(laterM, 0, laterMAt, b * p, p);
          for (; leaving < stratumEnd && d.startByStart[leaving] >= t; leaving++) {
            int i = d.byStart[leaving];
            leftAt[i] = b;
            if (--atRisk == 0) {
              s0 = 0;
              java.util.Arrays.fill(s1, 0);
            } else {
              double r = d.weightByStart[leaving] * risk[i];
              s0 -= r;
              for (int j = 0; j < p; j++) {
                s1[j] -= r * d.xByStart[leaving * p + j];
              }
            }
          }
        }
        atRisk += end - start;
        for (int i = start; i < end; i++) {
          double r = weight[i] * risk[i];
          s0 += r;
          for (int j = 0; j < p; j++) {
            s1[j] += r * x[i * p + j];
          }
        }
        // censored rows: every event time later than or at this one is counted by the totals
        for (int i = start; i < deathStart; i++) {
          for (int j = 0; j < p; j++) {
            resid[i * p + j] = risk[i] * (x[i * p + j] * laterH - laterM[j]);
          }
        }
        int deaths = end - deathStart;
        if (deaths == 0) {
          continue;
        }
        double d0 = 0;
        double deadWeight = 0;
        java.util.Arrays.fill(d1, 0);
        for (int i = deathStart; i < end; i++) {
          double r = weight[i] * risk[i];
          d0 += r;
          deadWeight += weight[i];
          for (int j = 0; j < p; j++) {
            d1[j] += r * x[i * p + j];
          }
        }
        shares.compute(ties, deaths, deadWeight, s0, s1, d0, d1);
        double blockH = shares.blockH;
        double ownH = shares.ownH;
        double[] blockM = shares.blockM;
        double[] ownM = shares.ownM;
        double[] meanOfMeans = shares.meanOfMeans;
        for (int i = deathStart; i < end; i++) {
          for (int j = 0; j < p; j++) {
            double xi = x[i * p + j];
            resid[i * p + j] = (xi - meanOfMeans[j])
                - risk[i] * (xi * (ownH - blockH - laterH) - (ownM[j] - blockM[j] - laterM[j]));
          }
        }
        laterH += blockH;
        for (int j = 0; j < p; j++) {
          laterM[j] += blockM[j];
        }
      }
      // subtract the stratum totals: e_k (x_k H_total - M_total)
      int from = d.blockStart[d.stratumStart[s]];
      int to = d.blockStart[d.stratumStart[s + 1]];
      for (int i = from; i < to; i++) {
        int b = leftAt == null ? -1 : leftAt[i];
        double h = b < 0 ? laterH : laterHAt[b];
        for (int j = 0; j < p; j++) {
          resid[i * p + j] -= risk[i] * (x[i * p + j] * h - (b < 0 ? laterM[j] : laterMAt[b * p + j]));
        }
      }
    }
    return resid;
  }
}
