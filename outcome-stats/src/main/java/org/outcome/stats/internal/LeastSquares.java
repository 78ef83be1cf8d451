package org.outcome.stats.internal;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Ordinary least squares through the Householder QR decomposition of Hipparchus, as R's
 * {@code lm()} fits (R uses LINPACK's Householder QR, {@code dqrdc2}). Returns the raw pieces a
 * coefficient table needs.
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
   * @param x the design matrix, by rows; n rows of p columns, {@code n > p}
   * @param y the response, n values
   */
  public static LeastSquares fit(double[][] x, double[] y) {
    int n = x.length;
    int p = x[0].length;
    RealMatrix design = new Array2DRowRealMatrix(x, false);
    QRDecomposition qr = new QRDecomposition(design, 0);
    RealMatrix r = qr.getR();
    for (int j = 0; j < p; j++) {
      double norm = design.getColumnVector(j).getNorm();
      if (Math.abs(r.getEntry(j, j)) <= RANK_TOLERANCE * norm || norm == 0) {
        return new LeastSquares(new double[0], new double[0], n - p, Double.NaN, Double.NaN, j);
      }
    }
    RealVector beta = qr.getSolver().solve(new ArrayRealVector(y, false));
    double[] fitted = design.operate(beta).toArray();
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
      rInv[j][j] = 1 / r.getEntry(j, j);
      for (int i = j - 1; i >= 0; i--) {
        double s = 0;
        for (int k = i + 1; k <= j; k++) {
          s += r.getEntry(i, k) * rInv[k][j];
        }
        rInv[i][j] = -s / r.getEntry(i, i);
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
    return new LeastSquares(beta.toArray(), se, rdf, rss, mss, -1);
  }
}
