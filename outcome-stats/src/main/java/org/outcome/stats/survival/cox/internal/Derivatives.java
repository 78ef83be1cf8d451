package org.outcome.stats.survival.cox.internal;

import java.util.Arrays;

/**
 * The log partial likelihood at some coefficients with its first derivative (the score {@code u})
 * and minus its second derivative (the information, packed lower-triangular as in
 * {@link RiskSums}). Mutable scratch of the engine; never leaves this package.
 */
final class Derivatives {
  final int p;
  double loglik;
  final double[] u;
  final double[] imat;

  Derivatives(int p) {
    this.p = p;
    this.u = new double[p];
    this.imat = new double[p * (p + 1) / 2];
  }

  void clear() {
    loglik = 0;
    Arrays.fill(u, 0);
    Arrays.fill(imat, 0);
  }

  /** Adds {@code weight} times another set of derivatives (the likelihood is not weighted). */
  void addScaled(Derivatives other, double weight) {
    for (int j = 0; j < p; j++) {
      u[j] += weight * other.u[j];
    }
    for (int k = 0; k < imat.length; k++) {
      imat[k] += weight * other.imat[k];
    }
  }

  /** Whether the likelihood, the score and the information are all finite. */
  boolean finite() {
    if (!Double.isFinite(loglik)) {
      return false;
    }
    for (double v : u) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    for (double v : imat) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** The information as a full symmetric matrix. */
  double[][] information() {
    return unpack(imat, p);
  }

  /** Expands a packed lower triangle into a full symmetric matrix. */
  static double[][] unpack(double[] packed, int p) {
    double[][] m = new double[p][p];
    int t = 0;
    for (int j = 0; j < p; j++) {
      for (int k = 0; k <= j; k++) {
        m[j][k] = packed[t];
        m[k][j] = packed[t];
        t++;
      }
    }
    return m;
  }
}
