package org.outcome.stats.survival.cox.internal;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Risk-weighted sums over a set of rows: {@code S0 = sum r_i}, {@code S1 = sum r_i x_i},
 * {@code S2 = sum r_i x_i x_i'} with {@code r_i = w_i exp(beta'x_i)}, and for event rows also the
 * count, the weight {@code sum w_i}, {@code sum w_i beta'x_i} and {@code sum w_i x_i}; {@code w_i}
 * is the row's case weight (R's {@code coxfit6}), 1 without weights.
 *
 * <p>These are the <em>mergeable</em> summaries of the Cox fit: the sums of two disjoint sets of
 * rows are the sums of their sums ({@link #add(RiskSums)}), so the sums of a block (the rows that
 * share a stratum and a time) can be computed on separate partitions of the data and added
 * before the sequential {@link RiskSetScan} turns them into the partial likelihood and its
 * derivatives. {@code S2} is packed lower-triangular: element {@code (j, k)}, {@code k <= j}, is at
 * {@code j (j + 1) / 2 + k}.
 */
final class RiskSums implements Serializable {
  private static final long serialVersionUID = 1L;

  final int p;
  double s0;
  final double[] s1;
  final double[] s2;
  int events;
  /** The case weights of the events, {@code sum w_i} (the count, unweighted). */
  double eventWeight;
  /** The rows added (events and censored); counted by {@link #addRow} and merged, for the folded {@code cox.zph}. */
  long rows;
  double sumEta;
  final double[] sumX;

  RiskSums(int p) {
    this.p = p;
    this.s1 = new double[p];
    this.s2 = new double[p * (p + 1) / 2];
    this.sumX = new double[p];
  }

  /** Resets every sum to zero. */
  void clear() {
    s0 = 0;
    Arrays.fill(s1, 0);
    Arrays.fill(s2, 0);
    events = 0;
    eventWeight = 0;
    rows = 0;
    sumEta = 0;
    Arrays.fill(sumX, 0);
  }

  /** Adds another set's sums (the merge of two partitions). */
  void add(RiskSums other) {
    s0 += other.s0;
    for (int j = 0; j < p; j++) {
      s1[j] += other.s1[j];
      sumX[j] += other.sumX[j];
    }
    for (int k = 0; k < s2.length; k++) {
      s2[k] += other.s2[k];
    }
    events += other.events;
    eventWeight += other.eventWeight;
    rows += other.rows;
    sumEta += other.sumEta;
  }

  /** Adds the risk sums of sorted rows {@code [from, to)} at coefficients {@code beta}. */
  void addRisk(CoxData d, int from, int to, double[] beta) {
    final double[] x = d.x;
    final double[] w = d.weight;
    final int p = this.p;
    for (int i = from; i < to; i++) {
      int base = i * p;
      double eta = 0;
      for (int j = 0; j < p; j++) {
        eta += beta[j] * x[base + j];
      }
      accumulate(x, base, w[i] * Math.exp(eta));
    }
  }

  /**
   * Takes the risk sums of the {@code k}-th row in {@link CoxData#byStart} order at coefficients
   * {@code beta} out again (a counting-process row leaving the risk set; the same arithmetic as
   * when it was added, read from the copy in that order).
   */
  void removeRisk(CoxData d, int k, double[] beta) {
    final double[] x = d.xByStart;
    int base = k * p;
    double eta = 0;
    for (int j = 0; j < p; j++) {
      eta += beta[j] * x[base + j];
    }
    accumulate(x, base, -(d.weightByStart[k] * Math.exp(eta)));
  }

  /** Adds the risk and event sums of sorted event rows {@code [from, to)} at coefficients {@code beta}. */
  void addEvents(CoxData d, int from, int to, double[] beta) {
    final double[] x = d.x;
    final int p = this.p;
    for (int i = from; i < to; i++) {
      int base = i * p;
      double wi = d.weight[i];
      double eta = 0;
      for (int j = 0; j < p; j++) {
        double v = x[base + j];
        eta += beta[j] * v;
        sumX[j] += wi * v;
      }
      sumEta += wi * eta;
      events++;
      eventWeight += wi;
      accumulate(x, base, wi * Math.exp(eta));
    }
  }

  /** Adds the risk sums of sorted rows {@code [from, to)} with given linear predictors (indexed by sorted row). */
  void addRiskAt(CoxData d, int from, int to, double[] eta) {
    for (int i = from; i < to; i++) {
      accumulate(d.x, i * p, d.weight[i] * Math.exp(eta[i]));
    }
  }

  /** Adds the risk and event sums of sorted event rows {@code [from, to)} with given linear predictors. */
  void addEventsAt(CoxData d, int from, int to, double[] eta) {
    for (int i = from; i < to; i++) {
      int base = i * p;
      double wi = d.weight[i];
      for (int j = 0; j < p; j++) {
        sumX[j] += wi * d.x[base + j];
      }
      sumEta += wi * eta[i];
      events++;
      eventWeight += wi;
      accumulate(d.x, base, wi * Math.exp(eta[i]));
    }
  }

  /**
   * Adds one unweighted row with covariates {@code x} and linear predictor {@code eta}: its risk
   * sums, and its event sums if an event.
   */
  void addRow(double[] x, double eta, boolean event) {
    rows++;
    if (event) {
      for (int j = 0; j < p; j++) {
        sumX[j] += x[j];
      }
      sumEta += eta;
      events++;
      eventWeight++;
    }
    accumulate(x, 0, Math.exp(eta));
  }

  private void accumulate(double[] x, int base, double r) {
    s0 += r;
    int t = 0;
    for (int j = 0; j < p; j++) {
      double rx = r * x[base + j];
      s1[j] += rx;
      for (int k = 0; k <= j; k++) {
        s2[t++] += rx * x[base + k];
      }
    }
  }
}
