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
 * <p>As {@link ScoreResiduals}, on the covariates as given ({@code x}), with {@code H} and
 * {@code M} the hazard and mean sums summed over the event times before a row's own
 * ({@code B_H, B_M}, cumulative from the stratum's first time, never a total minus later times):
 * a row's residual is {@code -e (x B_H - B_M)} plus its own time's term, which with one hazard part
 * (Breslow, or a single event) is {@code (x - mean)(event - e h)} and with Efron's parts
 * {@code (x - m) - e (x H_own - M_own)} for an event, {@code -e (x H - M)} for a censored row.
 * {@code e = exp(z'b)} with {@code z} the scaled covariates.
 */
final class FoldedResiduals implements RowFunction {
  private static final long serialVersionUID = 1L;
  private final CoxFolds.Layout layout;
  private final double[] beta;
  private final double shift;
  /** Per cell (stratum × blocks + block): {@code B_H}, and {@code B_M} at cell × p. */
  private final double[] beforeH;
  private final double[] beforeM;
  /** Per cell: the time's hazard sums ({@code H, M}), an event's own share of them, and the mean of means. */
  private final double[] blockH;
  private final double[] blockM;
  private final double[] ownH;
  private final double[] ownM;
  private final double[] meanOfMeans;
  /** Per cell: whether the time's hazard jump has one part. */
  private final boolean[] single;
  /** Multiplies each residual on the right, or {@code null} (see {@link #times}). */
  private double[][] times;

  private FoldedResiduals(CoxFolds.Layout layout, double[] beta, double shift, int cells) {
    int p = layout.p();
    this.layout = layout;
    this.beta = beta.clone();
    this.shift = shift;
    this.beforeH = new double[cells];
    this.beforeM = new double[cells * p];
    this.blockH = new double[cells];
    this.blockM = new double[cells * p];
    this.ownH = new double[cells];
    this.ownM = new double[cells * p];
    this.meanOfMeans = new double[cells * p];
    this.single = new boolean[cells];
  }

  /**
   * The residual function at coefficients {@code beta} (on the scaled covariates): two folds over
   * the rows. The residuals depend on the risk scores only through their ratios, so, as on one
   * machine, the linear predictors are shifted down when the largest would overflow a sum of
   * {@code n} risk scores.
   */
  static FoldedResiduals at(CoxRows rows, CoxFolds.Layout layout, Ties ties, double[] beta, long n) {
    double shift = CoxFolds.overflowShift(rows, layout, beta, n);
    CoxFolds.BlockSums sums = rows.fold(new CoxFolds.BlockSums(layout, beta, shift, true));
    int p = layout.p();
    int blocks = layout.blocks();
    FoldedResiduals f = new FoldedResiduals(layout, beta, shift, layout.strata() * blocks);
    double[] s1 = new double[p];
    double[] m = new double[p];
    HazardShares shares = new HazardShares(p);
    for (int s = 0; s < layout.strata(); s++) {
      double s0 = 0;
      java.util.Arrays.fill(s1, 0);
      // from the latest time to the earliest: the risk sets, and each event time's shares
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
        if (deaths == null) {
          continue;
        }
        shares.compute(ties, deaths.events, deaths.eventWeight, s0, s1, deaths.s0, deaths.s1);
        f.single[cell] = ties == Ties.BRESLOW || deaths.events == 1;
        f.blockH[cell] = shares.blockH;
        f.ownH[cell] = shares.ownH;
        System.arraycopy(shares.blockM, 0, f.blockM, cell * p, p);
        System.arraycopy(shares.ownM, 0, f.ownM, cell * p, p);
        System.arraycopy(shares.meanOfMeans, 0, f.meanOfMeans, cell * p, p);
      }
      // from the earliest time on: the sums over the times before each one
      double h = 0;
      java.util.Arrays.fill(m, 0);
      for (int b = 0; b < blocks; b++) {
        int cell = s * blocks + b;
        f.beforeH[cell] = h;
        System.arraycopy(m, 0, f.beforeM, cell * p, p);
        h += f.blockH[cell];
        for (int j = 0; j < p; j++) {
          m[j] += f.blockM[cell * p + j];
        }
      }
    }
    return f;
  }

  /**
   * These residuals times {@code v} ({@code r v}): with {@code v} the model-based variance (on the
   * covariates as given), the per-cluster sums are the rows of R's {@code D}, whose cross products
   * are the sandwich {@code D'D} accumulated as sums of squares (as {@link CoxSummaries} does on
   * one machine).
   */
  FoldedResiduals times(double[][] v) {
    this.times = v;
    return this;
  }

  @Override
  public double[] apply(int stratum, double time, boolean event, double[] x) {
    int p = layout.p();
    double e = Math.exp(layout.scaled(x, beta, new double[p]) - shift);
    int cell = stratum * layout.blocks() + layout.blockOf(time);
    double[] r = new double[p];
    for (int j = 0; j < p; j++) {
      int c = cell * p + j;
      double before = -e * (x[j] * beforeH[cell] - beforeM[c]);
      if (single[cell]) {
        double diff = x[j] - meanOfMeans[c];
        r[j] = (event ? diff - diff * e * blockH[cell] : -(diff * e * blockH[cell])) + before;
      } else if (event) {
        r[j] = (x[j] - meanOfMeans[c]) - e * (x[j] * ownH[cell] - ownM[c]) + before;
      } else {
        r[j] = -e * (x[j] * blockH[cell] - blockM[c]) + before;
      }
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
