package org.outcome.stats.survival.competing;

import org.outcome.api.sample.Factor;

/**
 * One stratum's contribution to Gray's k-sample test of a cause's cumulative incidence (Gray,
 * 1988, section 2; cmprsk's {@code crst}): walking the distinct times upward, each group's
 * left-continuous survival free of every cause and incidence of the cause give the score
 * {@code sum w (d_1k - d_1 R_k / sum R)} with {@code R_k = n_k (1 - F_k(t-)) / S_k(t-)} and weight
 * {@code w = (1 - F(t-))^rho}, and the pieces of its variance (the terms of the cause's events, of
 * the other causes' events, and their cross terms), combined at the end.
 */
final class GrayStratum {
  private final int ng;
  private final double rho;
  private final int[] atRisk;
  private final double[] incidenceBefore;
  private final double[] incidence;
  private final double[] survivalBefore;
  private final double[] survival;
  private final double[][] c;
  private final double[][] a;
  private final double[] v3;
  private final double[][] v2;
  private final int[][] d;

  GrayStratum(int ng, double rho) {
    this.ng = ng;
    this.rho = rho;
    atRisk = new int[ng];
    incidenceBefore = new double[ng];
    incidence = new double[ng];
    survivalBefore = new double[ng];
    survival = new double[ng];
    c = new double[ng][ng];
    a = new double[ng][ng];
    v3 = new double[ng];
    v2 = new double[ng - 1][ng];
    d = new int[3][ng];
  }

  /**
   * Adds this stratum's score and variance to {@code score} and {@code variance} (the first
   * {@code ng - 1} groups).
   *
   * @param rows the stratum's rows, sorted by time
   */
  void run(int[] rows, double[] time, int[] status, Factor group, int cause, double[] score, double[][] variance) {
    int n = rows.length;
    if (n == 0) {
      return;
    }
    for (int i : rows) {
      atRisk[group.code(i)]++;
    }
    java.util.Arrays.fill(survivalBefore, 1);
    java.util.Arrays.fill(survival, 1);
    double[] s = new double[ng - 1];
    double[][] v = new double[ng - 1][ng - 1];
    double pooledBefore = 0;
    for (int from = 0; from < n;) {
      double t = time[rows[from]];
      int to = from;
      for (int[] row : d) {
        java.util.Arrays.fill(row, 0);
      }
      for (; to < n && time[rows[to]] == t; to++) {
        int st = status[rows[to]];
        d[st == 0 ? 0 : st == cause ? 1 : 2][group.code(rows[to])]++;
      }
      int nd1 = 0;
      int nd2 = 0;
      for (int g = 0; g < ng; g++) {
        nd1 += d[1][g];
        nd2 += d[2][g];
      }
      double pooled = pooledBefore;
      if (nd1 > 0 || nd2 > 0) {
        pooled = addTime(nd1, nd2, pooledBefore, s, v);
      }
      if (to >= n) {
        break;
      }
      for (int k = from; k < to; k++) {
        atRisk[group.code(rows[k])]--;
      }
      pooledBefore = pooled;
      System.arraycopy(incidence, 0, incidenceBefore, 0, ng);
      System.arraycopy(survival, 0, survivalBefore, 0, ng);
      from = to;
    }
    for (int i = 0; i < ng - 1; i++) {
      for (int j = 0; j <= i; j++) {
        for (int k = 0; k < ng; k++) {
          v[i][j] += c[i][k] * c[j][k] * v3[k] + c[i][k] * v2[j][k] + c[j][k] * v2[i][k];
        }
      }
    }
    for (int i = 0; i < ng - 1; i++) {
      score[i] += s[i];
      for (int j = 0; j <= i; j++) {
        variance[i][j] += v[i][j];
        variance[j][i] = variance[i][j];
      }
    }
  }

  /** One time with events: updates the curves, the score and the variance pieces; returns the pooled incidence after it. */
  private double addTime(int nd1, int nd2, double pooledBefore, double[] s, double[][] v) {
    double tr = 0;
    double tq = 0;
    for (int g = 0; g < ng; g++) {
      if (atRisk[g] <= 0) {
        continue;
      }
      int events = d[1][g] + d[2][g];
      survival[g] = survivalBefore[g] * (atRisk[g] - events) / atRisk[g];
      incidence[g] = incidenceBefore[g] + survivalBefore[g] * d[1][g] / atRisk[g];
      tr += atRisk[g] / survivalBefore[g];
      tq += atRisk[g] * (1 - incidenceBefore[g]) / survivalBefore[g];
    }
    double pooled = pooledBefore + nd1 / tr;
    double weight = Math.pow(1 - pooledBefore, rho);
    for (int i = 0; i < ng; i++) {
      for (int j = i; j < ng; j++) {
        a[i][j] = 0;
      }
      if (atRisk[i] <= 0) {
        continue;
      }
      double t1 = atRisk[i] / survivalBefore[i];
      a[i][i] = weight * t1 * (1 - t1 / tr);
      c[i][i] += a[i][i] * nd1 / (tr * (1 - pooledBefore));
      for (int j = i + 1; j < ng; j++) {
        if (atRisk[j] <= 0) {
          continue;
        }
        a[i][j] = -weight * t1 * atRisk[j] / (survivalBefore[j] * tr);
        c[i][j] += a[i][j] * nd1 / (tr * (1 - pooledBefore));
      }
    }
    for (int i = 1; i < ng; i++) {
      for (int j = 0; j < i; j++) {
        a[i][j] = a[j][i];
        c[i][j] = c[j][i];
      }
    }
    for (int i = 0; i < ng - 1; i++) {
      if (atRisk[i] > 0) {
        s[i] += weight * (d[1][i] - nd1 * atRisk[i] * (1 - incidenceBefore[i]) / (survivalBefore[i] * tq));
      }
    }
    if (nd1 > 0) {
      for (int k = 0; k < ng; k++) {
        if (atRisk[k] <= 0) {
          continue;
        }
        double t4 = survival[k] > 0 ? 1 - (1 - pooled) / survival[k] : 1;
        double t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * survivalBefore[k] - 1) : 1;
        double t3 = t5 * survivalBefore[k] * nd1 / (tr * atRisk[k]);
        v3[k] += t4 * t4 * t3;
        for (int i = 0; i < ng - 1; i++) {
          double t1 = a[i][k] - t4 * c[i][k];
          v2[i][k] += t1 * t4 * t3;
          for (int j = 0; j <= i; j++) {
            v[i][j] += t1 * (a[j][k] - t4 * c[j][k]) * t3;
          }
        }
      }
    }
    if (nd2 > 0) {
      for (int k = 0; k < ng; k++) {
        if (survival[k] <= 0 || d[2][k] <= 0) {
          continue;
        }
        double t4 = (1 - pooled) / survival[k];
        double t5 = d[2][k] > 1 ? 1 - (d[2][k] - 1.0) / (atRisk[k] - 1.0) : 1;
        double t3 = t5 * survivalBefore[k] * survivalBefore[k] * d[2][k] / ((double) atRisk[k] * atRisk[k]);
        v3[k] += t4 * t4 * t3;
        for (int i = 0; i < ng - 1; i++) {
          double t1 = t4 * c[i][k];
          v2[i][k] -= t1 * t4 * t3;
          for (int j = 0; j <= i; j++) {
            v[i][j] += t1 * t4 * c[j][k] * t3;
          }
        }
      }
    }
    return pooled;
  }
}
