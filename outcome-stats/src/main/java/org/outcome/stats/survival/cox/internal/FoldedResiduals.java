package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.stats.survival.cox.RowFunction;
import org.outcome.stats.survival.cox.Ties;

/**
 * Score residuals of rows held elsewhere ({@link ScoreResiduals}' formulas, per row): one fold at
 * the coefficients gives each (stratum, time)'s risk sums, from which the driver makes a small
 * table per time; each row's residual is then a function of its own values and its time's entry,
 * run where the row is.
 *
 * <p>With {@code H} and {@code M} the hazard and mean sums of {@link ScoreResiduals}, summed over
 * the event times at or before a row's own ({@code C_H, C_M}, all cumulative from the stratum's
 * first time), a censored row's residual is {@code -e (z C_H - C_M)} and an event row's is
 * {@code (z - m) - e (z E_H - E_M)}, where {@code E} adds the row's own share of its time's
 * (Efron) hazard to the sums over earlier times. {@code z} is the scaled covariates,
 * {@code e = exp(z'b)}.
 */
final class FoldedResiduals implements RowFunction {
  private static final long serialVersionUID = 1L;
  private final CoxFolds.Layout layout;
  private final double[] beta;
  private final double shift;
  /** Per cell (stratum × blocks + block): a censored row's {@code C_H}, and its {@code C_M} at cell × p. */
  private final double[] censoredH;
  private final double[] censoredM;
  /** Per cell: an event row's {@code E_H}, {@code E_M} and the mean of means {@code m}. */
  private final double[] eventH;
  private final double[] eventM;
  private final double[] meanOfMeans;
  /** Multiplies each residual on the right, or {@code null} (see {@link #times}). */
  private double[][] times;

  private FoldedResiduals(CoxFolds.Layout layout, double[] beta, double shift, int cells) {
    int p = layout.p();
    this.layout = layout;
    this.beta = beta.clone();
    this.shift = shift;
    this.censoredH = new double[cells];
    this.censoredM = new double[cells * p];
    this.eventH = new double[cells];
    this.eventM = new double[cells * p];
    this.meanOfMeans = new double[cells * p];
  }

  /**
   * The residual function at coefficients {@code beta} (on the scaled covariates): two folds over
   * the rows. The residuals depend on the risk scores only through their ratios, so, as on one
   * machine, the linear predictors are shifted down when the largest would overflow a sum of
   * {@code n} risk scores.
   */
  static FoldedResiduals at(CoxRows rows, CoxFolds.Layout layout, Ties ties, double[] beta, long n) {
    double shift = CoxFolds.overflowShift(rows, layout, beta, n);
    CoxFolds.BlockSums sums = rows.fold(new CoxFolds.BlockSums(layout, beta, shift));
    int p = layout.p();
    int blocks = layout.blocks();
    FoldedResiduals f = new FoldedResiduals(layout, beta, shift, layout.strata() * blocks);
    double[] s1 = new double[p];
    double[] later = new double[p];
    HazardShares shares = new HazardShares(p);
    for (int s = 0; s < layout.strata(); s++) {
      double s0 = 0;
      java.util.Arrays.fill(s1, 0);
      double laterH = 0;
      java.util.Arrays.fill(later, 0);
      for (int b = blocks - 1; b >= 0; b--) {
        int cell = s * blocks + b;
        RiskSums censored = sums.censored[cell];
        RiskSums deaths = sums.deaths[cell];
        for (RiskSums r : new RiskSums[] {censored, deaths}) {
          if (r != null) {
            s0 += r.s0;
            for (int j = 0; j < p; j++) {
              s1[j] += r.s1[j];
            }
          }
        }
        // for now C holds the sums over later times; the stratum totals are subtracted below
        f.censoredH[cell] = laterH;
        System.arraycopy(later, 0, f.censoredM, cell * p, p);
        if (deaths == null) {
          continue;
        }
        shares.compute(ties, deaths.events, deaths.eventWeight, s0, s1, deaths.s0, deaths.s1);
        double blockH = shares.blockH;
        double ownH = shares.ownH;
        double[] blockM = shares.blockM;
        double[] ownM = shares.ownM;
        System.arraycopy(shares.meanOfMeans, 0, f.meanOfMeans, cell * p, p);
        f.eventH[cell] = ownH - blockH - laterH;
        for (int j = 0; j < p; j++) {
          f.eventM[cell * p + j] = ownM[j] - blockM[j] - later[j];
        }
        laterH += blockH;
        for (int j = 0; j < p; j++) {
          later[j] += blockM[j];
        }
      }
      // residual = e (z (later - total) - ...): subtract the stratum totals once, here
      for (int b = 0; b < blocks; b++) {
        int cell = s * blocks + b;
        f.censoredH[cell] -= laterH;
        f.eventH[cell] += laterH;
        for (int j = 0; j < p; j++) {
          f.censoredM[cell * p + j] -= later[j];
          f.eventM[cell * p + j] += later[j];
        }
      }
    }
    return f;
  }

  /**
   * These residuals times {@code v} ({@code r v}): with {@code v} the inverse information, the
   * per-cluster sums are the rows of R's {@code D}, whose cross products are the sandwich
   * {@code D'D} accumulated as sums of squares (as {@link CoxSummaries} does on one machine).
   */
  FoldedResiduals times(double[][] v) {
    this.times = v;
    return this;
  }

  @Override
  public double[] apply(int stratum, double time, boolean event, double[] x) {
    int p = layout.p();
    double[] z = new double[p];
    double e = Math.exp(layout.scaled(x, beta, z) - shift);
    int cell = stratum * layout.blocks() + layout.blockOf(time);
    double[] r = new double[p];
    for (int j = 0; j < p; j++) {
      r[j] = event
          ? (z[j] - meanOfMeans[cell * p + j]) - e * (z[j] * eventH[cell] - eventM[cell * p + j])
          : e * (z[j] * censoredH[cell] - censoredM[cell * p + j]);
    }
    if (times == null) {
      return r;
    }
    double[] d = new double[p];
    for (int k = 0; k < p; k++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        s += r[j] * times[j][k];
      }
      d[k] = s;
    }
    return d;
  }
}
