package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.Ties;

/**
 * One evaluation of the Cox log partial likelihood, score and information, in one linear pass
 * over the sorted rows: O(n p^2).
 *
 * <p>The pass has two separable steps. {@link RiskSums} adds up each block's rows (mergeable
 * across partitions of the data); {@link RiskSetScan} then walks the blocks of each stratum from
 * the latest time to the earliest and turns the running sums into the likelihood's terms. Here
 * the two are fused block by block, so nothing of size n is stored: a censored row's sums go
 * straight into the running risk set, an event row's into the block's event sums first (Efron's
 * correction needs them apart). Counting-process rows also leave the running risk set, before the
 * first event time at or below their start ({@link CoxData#byStart}).
 */
final class PartialLikelihood {
  private final CoxData data;
  private final RiskSetScan scan;
  private final RiskSums deaths;

  PartialLikelihood(CoxData data, Ties ties) {
    this.data = data;
    this.scan = new RiskSetScan(data.p, ties);
    this.deaths = new RiskSums(data.p);
  }

  /** Evaluates at coefficients {@code beta} (on the scaled covariates) into {@code out}. */
  void evaluate(double[] beta, Derivatives out) {
    out.clear();
    CoxData d = data;
    for (int s = 0; s < d.strata(); s++) {
      scan.startStratum();
      int leaving = d.blockStart[d.stratumStart[s]];
      int stratumEnd = d.blockStart[d.stratumStart[s + 1]];
      int atRisk = 0;
      for (int b = d.stratumStart[s]; b < d.stratumStart[s + 1]; b++) {
        int deathStart = d.deathStart[b];
        int end = d.blockStart[b + 1];
        if (d.start != null && deathStart < end) {
          // counting-process rows whose interval starts at or after this event time leave before
          // it; an emptied risk set restarts from exact zeros, as R's agfit4 does
          double t = d.time[deathStart];
          for (; leaving < stratumEnd && d.startByStart[leaving] >= t; leaving++) {
            if (--atRisk == 0) {
              scan.riskSet.clear();
            } else {
              scan.riskSet.removeRisk(d, leaving, beta);
            }
          }
        }
        scan.riskSet.addRisk(d, d.blockStart[b], deathStart, beta);
        atRisk += deathStart - d.blockStart[b];
        if (deathStart < end) {
          deaths.clear();
          deaths.addEvents(d, deathStart, end, beta);
          scan.addEvents(deaths, out);
          atRisk += end - deathStart;
        }
      }
    }
  }
}
