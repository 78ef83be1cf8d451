package org.outcome.stats.survival.cox.internal;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.outcome.stats.survival.cox.Ties;

/**
 * The test of proportional hazards of R survival 3.x's {@code cox.zph(fit, transform = "km")}
 * ({@code cox.zph.R}, {@code zph1.c}): a score test, at the fitted coefficients, of adding the
 * interactions {@code x_j * g(t)} to the model, where {@code g(t) = 1 - S(t-)} is one minus the
 * Kaplan–Meier estimate of all rows (strata ignored) just before {@code t}, centred by its mean
 * over the events.
 *
 * <p>With {@code dU} and {@code dI} the contributions of an event time to the score and the
 * information (Efron or Breslow, as fitted; {@link RiskSetScan}), the 2p-vector
 * {@code U = (0, sum g dU)} and the 2p x 2p matrix with blocks {@code sum dI},
 * {@code sum g dI}, {@code sum g^2 dI} give the global statistic {@code U' I^-1 U} on p degrees
 * of freedom; the statistic of covariate {@code j} uses the rows and columns of the p
 * coefficients and of interaction {@code j} only, on 1 degree of freedom. R solves these systems
 * by LU decomposition; so does this (Hipparchus). The statistics are invariant to the centring
 * and scaling of {@link CoxData}.
 */
final class ZphComputation {
  /**
   * The statistics: one per covariate, then the global one.
   *
   * @param chisq the statistics
   * @param df their degrees of freedom
   */
  record Statistics(double[] chisq, int[] df) {}

  private ZphComputation() {}

  /**
   * Computes the statistics, or {@code null} when an information matrix is singular (R's
   * {@code solve} would stop with an error).
   *
   * @param eta the fitted linear predictor of each sorted row
   */
  static Statistics compute(CoxData d, Ties ties, double[] eta) {
    int p = d.p;
    double[] g = timeTransform(d);

    RiskSetScan scan = new RiskSetScan(p, ties);
    RiskSums deaths = new RiskSums(p);
    Sums sums = new Sums(p);
    for (int s = 0; s < d.strata(); s++) {
      scan.startStratum();
      for (int b = d.stratumStart[s]; b < d.stratumStart[s + 1]; b++) {
        int deathStart = d.deathStart[b];
        int end = d.blockStart[b + 1];
        scan.riskSet.addRiskAt(d, d.blockStart[b], deathStart, eta);
        if (deathStart == end) {
          continue;
        }
        deaths.clear();
        deaths.addEventsAt(d, deathStart, end, eta);
        sums.add(scan, deaths, g[d.timeRank[deathStart]]);
      }
    }
    return sums.statistics();
  }

  /**
   * The same statistics from the risk sums of each (stratum, time) at the fitted coefficients,
   * for rows held elsewhere ({@link FoldedCoxInputs}): the transform's Kaplan–Meier from the rows
   * and events counted per time, the contributions by the same scan.
   */
  static Statistics compute(CoxFolds.BlockSums sums, Ties ties) {
    CoxFolds.Layout layout = sums.layout;
    int p = layout.p();
    int blocks = layout.blocks();
    long[] rows = new long[blocks];
    long[] events = new long[blocks];
    long n = 0;
    for (int s = 0; s < layout.strata(); s++) {
      for (int b = 0; b < blocks; b++) {
        for (RiskSums r : new RiskSums[] {sums.censored[s * blocks + b], sums.deaths[s * blocks + b]}) {
          if (r != null) {
            rows[b] += r.rows;
            events[b] += r.events;
            n += r.rows;
          }
        }
      }
    }
    double[] g = timeTransform(rows, events, n);
    RiskSetScan scan = new RiskSetScan(p, ties);
    Sums zph = new Sums(p);
    sums.scan(scan, (deaths, b) -> zph.add(scan, deaths, g[b]));
    return zph.statistics();
  }

  /** The score and information blocks of the test, added up one event time at a time. */
  private static final class Sums {
    private final int p;
    private final Derivatives block;
    private final double[] u2;
    private final Derivatives i11;
    private final Derivatives i12;
    private final Derivatives i22;

    Sums(int p) {
      this.p = p;
      block = new Derivatives(p);
      u2 = new double[p];
      i11 = new Derivatives(p);
      i12 = new Derivatives(p);
      i22 = new Derivatives(p);
    }

    /** Adds an event time's contributions, its events added through {@code scan}, with transform {@code gt}. */
    void add(RiskSetScan scan, RiskSums deaths, double gt) {
      block.clear();
      scan.addEvents(deaths, block);
      for (int j = 0; j < p; j++) {
        u2[j] += gt * block.u[j];
      }
      i11.addScaled(block, 1);
      i12.addScaled(block, gt);
      i22.addScaled(block, gt * gt);
    }

    Statistics statistics() {
      return ZphComputation.statistics(p, u2, i11, i12, i22);
    }
  }

  private static Statistics statistics(int p, double[] u2, Derivatives i11, Derivatives i12, Derivatives i22) {
    double[][] a = i11.information();
    double[][] c = i12.information();
    double[][] e = i22.information();
    double[][] full = new double[2 * p][2 * p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        full[j][k] = a[j][k];
        full[j][k + p] = c[j][k];
        full[j + p][k] = c[k][j];
        full[j + p][k + p] = e[j][k];
      }
    }
    double[] u = new double[2 * p];
    System.arraycopy(u2, 0, u, p, p);

    double[] chisq = new double[p + 1];
    int[] df = new int[p + 1];
    for (int j = 0; j < p; j++) {
      int[] kk = new int[p + 1];
      for (int k = 0; k < p; k++) {
        kk[k] = k;
      }
      kk[p] = p + j;
      double stat = quadraticForm(full, u, kk);
      if (Double.isNaN(stat)) {
        return null;
      }
      chisq[j] = stat;
      df[j] = 1;
    }
    int[] everything = new int[2 * p];
    for (int k = 0; k < 2 * p; k++) {
      everything[k] = k;
    }
    double global = quadraticForm(full, u, everything);
    if (Double.isNaN(global)) {
      return null;
    }
    chisq[p] = global;
    df[p] = p;
    return new Statistics(chisq, df);
  }

  /**
   * {@code g} per distinct time rank: {@code 1 - S(t-)} from the Kaplan–Meier estimate of all rows,
   * centred by its mean over the events.
   */
  private static double[] timeTransform(CoxData d) {
    int m = d.distinctTimes.length;
    long[] rows = new long[m];
    long[] events = new long[m];
    for (int i = 0; i < d.n; i++) {
      rows[d.timeRank[i]]++;
      if (d.event[i]) {
        events[d.timeRank[i]]++;
      }
    }
    return timeTransform(rows, events, d.n);
  }

  /** {@code g} per distinct time from the rows and events at each and the number of rows {@code n}. */
  private static double[] timeTransform(long[] rows, long[] events, long n) {
    int m = rows.length;
    double[] g = new double[m];
    double survival = 1;
    long atRisk = n;
    double sum = 0;
    long totalEvents = 0;
    for (int r = 0; r < m; r++) {
      g[r] = 1 - survival;
      sum += g[r] * events[r];
      totalEvents += events[r];
      if (events[r] > 0) {
        survival *= (atRisk - events[r]) / (double) atRisk;
      }
      atRisk -= rows[r];
    }
    double mean = sum / totalEvents;
    for (int r = 0; r < m; r++) {
      g[r] -= mean;
    }
    return g;
  }

  private static double quadraticForm(double[][] full, double[] u, int[] index) {
    int k = index.length;
    RealMatrix sub = new Array2DRowRealMatrix(k, k);
    double[] v = new double[k];
    for (int a = 0; a < k; a++) {
      v[a] = u[index[a]];
      for (int b = 0; b < k; b++) {
        sub.setEntry(a, b, full[index[a]][index[b]]);
      }
    }
    double maxDiagonal = 0;
    for (int a = 0; a < k; a++) {
      maxDiagonal = Math.max(maxDiagonal, Math.abs(sub.getEntry(a, a)));
    }
    try {
      DecompositionSolver solver = new LUDecomposition(sub, Math.ulp(1.0) * maxDiagonal).getSolver();
      double[] z = solver.solve(new ArrayRealVector(v, false)).toArray();
      double q = 0;
      for (int a = 0; a < k; a++) {
        q += v[a] * z[a];
      }
      return Double.isFinite(q) ? q : Double.NaN;
    } catch (MathIllegalArgumentException singular) {
      return Double.NaN;
    }
  }
}
