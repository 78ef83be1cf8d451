package org.outcome.stats.survival.cox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.stats.survival.cox.Ties;

/**
 * Score residuals against the closed forms of Therneau and Grambsch (2000), appendix E, data set 1,
 * as R survival's {@code tests/book1.R} (Breslow) and {@code tests/book2.R} (Efron) give them, at
 * any coefficient {@code b} ({@code r = exp(b)}), and against R's O(n^2) definition directly.
 */
class ScoreResidualsTest {
  // sorted so that the book's order (times 1, 1, 6, 6, 8, 9 with status 1, 0, 1, 1, 0, 1) is rows 0..5
  static final double[] TIME = {1, 1, 6, 6, 8, 9};
  static final boolean[] STATUS = {true, false, true, true, false, true};
  static final double[] X = {1, 1, 1, 0, 0, 0};

  /** The residuals by sample row (x = 0/1 is neither centred nor scaled, so scaled = raw). */
  static double[] residuals(Ties ties, double b) {
    CoxData d = CoxData.of(TIME, STATUS, null, 1, new double[][] {X}, true);
    double[] eta = d.linearPredictor(new double[] {b});
    double[] sorted = ScoreResiduals.compute(d, ties, eta);
    double[] byRow = new double[TIME.length];
    for (int i = 0; i < TIME.length; i++) {
      byRow[d.rowOf[i]] = sorted[i];
    }
    return byRow;
  }

  @Test
  void breslowClosedForm() {
    for (double b : new double[] {0, 0.7, 1.4752849, -1.3}) {
      double r = Math.exp(b);
      double a = 3 * (r + 1) * (r + 1);
      double c = (r + 3) * (r + 3);
      double[] expected = {(2 * r + 3) / a, -r / a, -r / a + 3 * (3 - r) / c, r / a - r * (r + 1) / c,
          r / a + 2 * r / c, r / a + 2 * r / c};
      double[] actual = residuals(Ties.BRESLOW, b);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("row %d at b = %s", i, b).isCloseTo(expected[i], within(1e-14));
      }
    }
  }

  @Test
  void efronClosedForm() {
    for (double b : new double[] {0, 0.5, 1.676857, -2}) {
      double r = Math.exp(b);
      double a = r + 1;
      double c = r + 3;
      double d = r + 5;
      double abd2 = (a * c * d) * (a * c * d);
      double[] expected = {
        (2 * r + 3) / (3 * a * a),
        -r / (3 * a * a),
        (675 + r * (1305 + r * (756 + r * (-4 + r * (-79 - 13 * r))))) / (3 * abd2),
        r * (1 / (3 * a * a) - a / (2 * c * c) - c / (2 * d * d)),
        2 * r * (177 + r * (282 + r * (182 + r * (50 + 5 * r)))) / (3 * abd2),
        2 * r * (177 + r * (282 + r * (182 + r * (50 + 5 * r)))) / (3 * abd2)};
      double[] actual = residuals(Ties.EFRON, b);
      for (int i = 0; i < expected.length; i++) {
        assertThat(actual[i]).as("row %d at b = %s", i, b).isCloseTo(expected[i], within(1e-14));
      }
    }
  }

  /** R's coxscore2.c definition, O(n^2), on data with strata, ties and two covariates. */
  @Test
  void agreesWithTheQuadraticDefinition() {
    double[] time = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
    boolean[] status = {true, false, true, true, true, false, true, true, true, false, true, true, false, true, true, true};
    double[] x1 = {0.5, -1.2, 0.3, 2.0, -0.7, 1.1, 0.0, 0.9, -0.4, 1.6, -2.1, 0.2, 0.8, -0.3, 1.3, 0.6};
    double[] x2 = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1};
    int[] strata = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0};
    double[] beta = {0.4, -0.8};
    for (Ties ties : Ties.values()) {
      CoxData d = CoxData.of(time, status, strata, 2, new double[][] {x1, x2}, true);
      double[] eta = d.linearPredictor(beta);
      double[] fast = ScoreResiduals.compute(d, ties, eta);
      double[] slow = quadratic(d, ties, eta);
      for (int k = 0; k < fast.length; k++) {
        assertThat(fast[k]).as("%s element %d", ties, k).isCloseTo(slow[k], within(1e-12));
      }
    }
  }

  /** R's {@code agscore2.c} definition on counting-process rows with strata, ties and entries after others' events. */
  @Test
  void countingProcessRowsAgreeWithTheQuadraticDefinition() {
    double[] start = {0, 2, 0, 1, 3, 0, 2, 4, 0, 1, 5, 0, 3, 2, 6, 0};
    double[] stop = {3, 5, 4, 4, 7, 9, 6, 8, 5, 3, 9, 8, 9, 7, 9, 3};
    boolean[] status = {true, false, true, true, true, false, true, true, true, false, true, true, false, true, true, true};
    double[] x1 = {0.5, -1.2, 0.3, 2.0, -0.7, 1.1, 0.0, 0.9, -0.4, 1.6, -2.1, 0.2, 0.8, -0.3, 1.3, 0.6};
    double[] x2 = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1};
    int[] strata = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0};
    for (Ties ties : Ties.values()) {
      CoxData d = CoxData.of(stop, status, strata, 2, new double[][] {x1, x2}, null, start, true);
      double[] eta = d.linearPredictor(new double[] {0.4, -0.8});
      double[] fast = ScoreResiduals.compute(d, ties, eta);
      double[] slow = quadratic(d, ties, eta);
      for (int k = 0; k < fast.length; k++) {
        assertThat(fast[k]).as("%s element %d", ties, k).isCloseTo(slow[k], within(1e-12));
      }
    }
  }

  /**
   * With diverging coefficients (the fit of {@code cox-cases/nonconverged-cluster.json} after 20
   * iterations) the risk scores span e^200: a row's residual still sums only the terms of the
   * times at which it is at risk, so it keeps the absolute accuracy of R's quadratic loop, about
   * 1e-16, where a total less the later times would lose everything below 1e-9 or so.
   */
  @Test
  void divergingCoefficientsKeepTheAccuracyOfTheQuadraticDefinition() {
    double[] time = {1, 4, 5, 5, 6, 5};
    boolean[] status = {true, true, true, true, true, true};
    double[] x1 = {2, 0, -0.5, -0.5, -0.9, 1};
    double[] x2 = {1.4, 0.6, 0.6, 0.6, 1.4, 1.4};
    double[] coef = {38.352910448687858, -71.911707091289742};
    for (Ties ties : Ties.values()) {
      CoxData d = CoxData.of(time, status, null, 1, new double[][] {x1, x2}, true);
      double[] beta = {coef[0] / d.scale[0], coef[1] / d.scale[1]};
      double[] eta = d.linearPredictor(beta);
      double[] fast = ScoreResiduals.compute(d, ties, eta);
      double[] slow = quadratic(d, ties, eta);
      for (int k = 0; k < fast.length; k++) {
        assertThat(fast[k]).as("%s element %d", ties, k).isCloseTo(slow[k], within(1e-15));
      }
    }
  }

  /**
   * For each event time, loop over every row at risk: R's definition ({@code coxscore2.c},
   * {@code agscore2.c} for counting-process rows), in this class's sorted layout.
   */
  private static double[] quadratic(CoxData d, Ties ties, double[] eta) {
    int p = d.p;
    double[] resid = new double[d.n * p];
    for (int s = 0; s < d.strata(); s++) {
      int from = d.blockStart[d.stratumStart[s]];
      for (int b = d.stratumStart[s]; b < d.stratumStart[s + 1]; b++) {
        int deathStart = d.deathStart[b];
        int end = d.blockStart[b + 1];
        int deaths = end - deathStart;
        if (deaths == 0) {
          continue;
        }
        // at risk: rows of this stratum from its first row to the end of this block (times >= t)
        // whose interval, for counting-process rows, starts before t
        double t = d.time[deathStart];
        boolean[] atRisk = new boolean[d.n];
        for (int k = from; k < end; k++) {
          atRisk[k] = d.start == null || d.start[k] < t;
        }
        double denom = 0;
        double eDenom = 0;
        double[] a = new double[p];
        double[] a2 = new double[p];
        for (int k = from; k < end; k++) {
          if (!atRisk[k]) {
            continue;
          }
          double r = Math.exp(eta[k]);
          denom += r;
          for (int j = 0; j < p; j++) {
            a[j] += r * d.raw[k * p + j];
          }
          if (k >= deathStart) {
            eDenom += r;
            for (int j = 0; j < p; j++) {
              a2[j] += r * d.raw[k * p + j];
            }
          }
        }
        int parts = ties == Ties.EFRON ? deaths : 1;
        for (int part = 0; part < parts; part++) {
          double w = ties == Ties.EFRON ? (double) part / deaths : 0;
          double temp = denom - w * eDenom;
          double hazard = (ties == Ties.EFRON ? 1.0 : deaths) / temp;
          for (int j = 0; j < p; j++) {
            double mean = (a[j] - w * a2[j]) / temp;
            for (int k = from; k < end; k++) {
              if (!atRisk[k]) {
                continue;
              }
              double diff = d.raw[k * p + j] - mean;
              double r = Math.exp(eta[k]);
              if (k >= deathStart) {
                resid[k * p + j] += diff / parts - diff * r * hazard * (1 - w);
              } else {
                resid[k * p + j] -= diff * r * hazard;
              }
            }
          }
        }
      }
    }
    return resid;
  }
}
