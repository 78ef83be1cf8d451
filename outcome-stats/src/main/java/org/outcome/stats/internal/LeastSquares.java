package org.outcome.stats.internal;

/**
 * Ordinary least squares through a Householder QR decomposition, as R's {@code lm()} fits (R
 * uses LINPACK's Householder QR, {@code dqrdc2}), on the design's columns: Hipparchus's
 * {@code QRDecomposition} needs the design as a matrix and returns an n-by-p R, three copies of a
 * million-row design where this needs one. Returns the raw pieces a coefficient table needs.
 *
 * <p>Rank: a column whose diagonal element of R is below {@code 1e-7} times its norm (R's default
 * {@code tol = 1e-7}) is collinear with the columns before it; the fit then reports that column
 * instead of estimating (R would report NA), and callers turn that into a clear error.
 *
 * @param coefficients the estimates, one per column
 * @param standardErrors their standard errors, {@code sigma * sqrt(diag((X'X)^-1))}
 * @param residualDf {@code n - p}
 * @param rss the residual sum of squares
 * @param mss the model sum of squares about the mean of the fitted values (intercept models)
 * @param collinearColumn the first collinear column, or -1
 */
public record LeastSquares(double[] coefficients, double[] standardErrors, int residualDf, double rss,
    double mss, int collinearColumn) {
  private static final double RANK_TOLERANCE = 1e-7;

  /**
   * Fits {@code y ~ X} (X includes the intercept column where wanted).
   *
   * @param columns the design matrix by columns: p columns of n values each, {@code n > p}; by
   *     columns so that a million rows are p arrays, not a million
   * @param y the response, n values
   */
  public static LeastSquares fit(double[][] columns, double[] y) {
    int p = columns.length;
    int n = y.length;
    // Householder QR of the columns, column by column (as LINPACK's dqrdc2 without pivoting), on
    // copies: R's upper triangle in r, Q'y in qty
    double[][] a = new double[p][];
    for (int j = 0; j < p; j++) {
      a[j] = columns[j].clone();
    }
    double[] qty = y.clone();
    double[][] r = new double[p][p];
    for (int k = 0; k < p; k++) {
      double[] v = a[k];
      double squares = 0;
      for (int i = k; i < n; i++) {
        squares += v[i] * v[i];
      }
      double norm = Math.sqrt(squares);
      double alpha = v[k] > 0 ? -norm : norm;
      r[k][k] = alpha;
      if (norm == 0) {
        continue;
      }
      v[k] -= alpha;
      double vtv = -2 * alpha * v[k]; // |v|^2 = 2 norm^2 - 2 alpha x_k = -2 alpha (x_k - alpha)
      for (int j = k + 1; j < p; j++) {
        reflect(v, a[j], k, n, vtv);
        r[k][j] = a[j][k];
      }
      reflect(v, qty, k, n, vtv);
    }
    for (int j = 0; j < p; j++) {
      double squares = 0;
      for (double x : columns[j]) {
        squares += x * x;
      }
      double norm = Math.sqrt(squares);
      if (Math.abs(r[j][j]) <= RANK_TOLERANCE * norm || norm == 0) {
        return new LeastSquares(new double[0], new double[0], n - p, Double.NaN, Double.NaN, j);
      }
    }
    double[] beta = new double[p];
    for (int i = p - 1; i >= 0; i--) {
      double sum = qty[i];
      for (int j = i + 1; j < p; j++) {
        sum -= r[i][j] * beta[j];
      }
      beta[i] = sum / r[i][i];
    }
    double[] fitted = new double[n];
    for (int j = 0; j < p; j++) {
      double b = beta[j];
      double[] column = columns[j];
      for (int i = 0; i < n; i++) {
        fitted[i] += column[i] * b;
      }
    }
    double rss = 0;
    double meanFitted = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - fitted[i];
      rss += e * e;
      meanFitted += fitted[i];
    }
    meanFitted /= n;
    double mss = 0;
    for (int i = 0; i < n; i++) {
      double f = fitted[i] - meanFitted;
      mss += f * f;
    }
    int rdf = n - p;
    double sigma2 = rss / rdf;
    // (X'X)^-1 = R^-1 R^-T with R the p x p upper triangle
    double[][] rInv = new double[p][p];
    for (int j = 0; j < p; j++) {
      rInv[j][j] = 1 / r[j][j];
      for (int i = j - 1; i >= 0; i--) {
        double s = 0;
        for (int k = i + 1; k <= j; k++) {
          s += r[i][k] * rInv[k][j];
        }
        rInv[i][j] = -s / r[i][i];
      }
    }
    double[] se = new double[p];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int k = i; k < p; k++) {
        s += rInv[i][k] * rInv[i][k];
      }
      se[i] = Math.sqrt(sigma2 * s);
    }
    return new LeastSquares(beta, se, rdf, rss, mss, -1);
  }

  /** Applies the reflection {@code I - 2 v v' / v'v} (v zero before row k) to rows k.. of {@code x}. */
  private static void reflect(double[] v, double[] x, int k, int n, double vtv) {
    double dot = 0;
    for (int i = k; i < n; i++) {
      dot += v[i] * x[i];
    }
    double f = 2 * dot / vtv;
    for (int i = k; i < n; i++) {
      x[i] -= f * v[i];
    }
  }
}
