package org.outcome.stats.survival.cox.internal;

import java.util.Arrays;
import org.outcome.stats.survival.cox.Ties;

/**
 * The hazard jump of one event time split as {@link ScoreResiduals} describes (Efron: {@code d}
 * parts; Breslow, or one event: one part): {@code H = sum h_r} and {@code M = sum h_r m_r} over the
 * whole time ({@code block}), the same weighted by an event's own share {@code 1 - r/d}
 * ({@code own}), and the mean of the parts' means. Scratch, reused from time to time.
 */
final class HazardShares {
  double blockH;
  double ownH;
  final double[] blockM;
  final double[] ownM;
  final double[] meanOfMeans;
  private final double[] part;

  HazardShares(int p) {
    blockM = new double[p];
    ownM = new double[p];
    meanOfMeans = new double[p];
    part = new double[p];
  }

  /**
   * Computes the shares of a time with {@code d} events of total case weight {@code deadWeight}
   * ({@code d} without weights), risk-set sums {@code s0, s1} (events included) and the events'
   * sums {@code d0, d1}: R's {@code coxscore2.c}, whose hazard jumps are {@code deadWeight / s0}
   * (Breslow) and {@code (deadWeight / d) / (s0 - (r/d) d0)} (Efron's parts).
   */
  void compute(Ties ties, int d, double deadWeight, double s0, double[] s1, double d0, double[] d1) {
    int p = blockM.length;
    blockH = 0;
    ownH = 0;
    Arrays.fill(blockM, 0);
    Arrays.fill(ownM, 0);
    Arrays.fill(meanOfMeans, 0);
    if (ties == Ties.BRESLOW || d == 1) {
      double h = deadWeight / s0;
      blockH = h;
      ownH = h;
      for (int j = 0; j < p; j++) {
        double m = s1[j] / s0;
        blockM[j] = h * m;
        ownM[j] = h * m;
        meanOfMeans[j] = m;
      }
      return;
    }
    double meanWeight = deadWeight / d;
    for (int r = 0; r < d; r++) {
      double w = (double) r / d;
      double denom = s0 - w * d0;
      double h = meanWeight / denom;
      blockH += h;
      ownH += h * (1 - w);
      for (int j = 0; j < p; j++) {
        part[j] = (s1[j] - w * d1[j]) / denom;
        blockM[j] += h * part[j];
        ownM[j] += h * (1 - w) * part[j];
        meanOfMeans[j] += part[j] / d;
      }
    }
  }
}
