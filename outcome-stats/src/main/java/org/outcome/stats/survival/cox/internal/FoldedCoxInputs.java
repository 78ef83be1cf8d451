package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.stats.survival.cox.Ties;

/**
 * The inputs of a fit whose rows are elsewhere: each evaluation is one fold over the rows
 * ({@link CoxFolds.BlockSums}), after which the blocks of each stratum are scanned here from the
 * latest time to the earliest exactly as {@link PartialLikelihood} scans sorted rows.
 */
final class FoldedCoxInputs implements CoxInputs {
  private final CoxRows rows;
  private final CoxFolds.Layout layout;

  FoldedCoxInputs(CoxRows rows, CoxFolds.Layout layout) {
    this.rows = rows;
    this.layout = layout;
  }

  @Override
  public int p() {
    return layout.p();
  }

  @Override
  public double[] scale() {
    return layout.scale().clone();
  }

  @Override
  public void evaluate(double[] beta, Ties ties, Derivatives out) {
    CoxFolds.BlockSums sums = rows.fold(new CoxFolds.BlockSums(layout, beta));
    out.clear();
    RiskSetScan scan = new RiskSetScan(layout.p(), ties);
    sums.scan(scan, (deaths, block) -> scan.addEvents(deaths, out));
  }

  @Override
  public double maxLinearPredictor(double[] beta) {
    return rows.fold(new CoxFolds.MaxEta(layout, beta)).max;
  }
}
