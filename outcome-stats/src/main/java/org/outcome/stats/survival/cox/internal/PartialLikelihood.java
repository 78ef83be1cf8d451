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
 * correction needs them apart).
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
      for (int b = d.stratumStart[s]; b < d.stratumStart[s + 1]; b++) {
        int deathStart = d.deathStart[b];
        scan.riskSet.addRisk(d, d.blockStart[b], deathStart, beta);
        if (deathStart < d.blockStart[b + 1]) {
          deaths.clear();
          deaths.addEvents(d, deathStart, d.blockStart[b + 1], beta);
          scan.addEvents(deaths, out);
        }
      }
    }
  }
}
