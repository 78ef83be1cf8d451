package org.outcome.stats.survival.cox.internal;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;

/**
 * A symmetric non-negative definite matrix factored with R survival's rule for redundant columns
 * ({@code cholesky2.c}, {@code chsolve2.c}, {@code chinv2.c}): columns are taken in order, and a
 * column whose Cholesky pivot (its variance left after the earlier kept columns) is below
 * {@code toler * max(diagonal)} is declared <em>singular</em> and dropped. The solve gives 0 for a
 * singular component and the inverse has zero rows and columns for it: the generalized inverse R
 * uses for Newton steps, the score test and the variance.
 *
 * <p>The factorisation itself is Hipparchus's {@link CholeskyDecomposition} with R's threshold as
 * its absolute positivity threshold; its pivot at step {@code i} is the same Schur complement R
 * tests, so the kept set is found by adding columns one at a time and keeping those whose
 * factorisation succeeds (p is small; the full matrix is tried first).
 */
final class GeneralizedCholesky {
  private final int p;
  private final boolean[] singular;
  private final int[] kept;
  private final DecompositionSolver solver;

  private GeneralizedCholesky(int p, boolean[] singular, int[] kept, DecompositionSolver solver) {
    this.p = p;
    this.singular = singular;
    this.kept = kept;
    this.solver = solver;
  }

  /**
   * Factors a finite symmetric matrix.
   *
   * @param m the matrix (not modified)
   * @param toler R's {@code toler.chol}: the relative pivot threshold
   */
  static GeneralizedCholesky of(double[][] m, double toler) {
    int p = m.length;
    double eps = 0;
    for (int i = 0; i < p; i++) {
      if (m[i][i] > eps) {
        eps = m[i][i];
      }
    }
    boolean[] singular = new boolean[p];
    if (eps == 0) {
      java.util.Arrays.fill(singular, true);
      return new GeneralizedCholesky(p, singular, new int[0], null);
    }
    eps *= toler;
    int[] all = new int[p];
    for (int i = 0; i < p; i++) {
      all[i] = i;
    }
    DecompositionSolver full = tryFactor(m, all, p, eps);
    if (full != null) {
      return new GeneralizedCholesky(p, singular, all, full);
    }
    int[] kept = new int[p];
    int size = 0;
    DecompositionSolver solver = null;
    for (int i = 0; i < p; i++) {
      kept[size] = i;
      DecompositionSolver s = tryFactor(m, kept, size + 1, eps);
      if (s == null) {
        singular[i] = true;
      } else {
        solver = s;
        size++;
      }
    }
    return new GeneralizedCholesky(p, singular, java.util.Arrays.copyOf(kept, size), solver);
  }

  private static DecompositionSolver tryFactor(double[][] m, int[] index, int size, double eps) {
    RealMatrix sub = new Array2DRowRealMatrix(size, size);
    for (int a = 0; a < size; a++) {
      for (int b = 0; b < size; b++) {
        sub.setEntry(a, b, m[index[a]][index[b]]);
      }
    }
    try {
      return new CholeskyDecomposition(sub, CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, eps)
          .getSolver();
    } catch (MathIllegalArgumentException e) {
      return null;
    }
  }

  /** The number of columns kept. */
  int rank() {
    return kept.length;
  }

  /** Whether column {@code i} was declared singular. */
  boolean singular(int i) {
    return singular[i];
  }

  /** Solves {@code M z = b} over the kept columns; singular components of {@code z} are 0. */
  double[] solve(double[] b) {
    double[] z = new double[p];
    if (kept.length == 0) {
      return z;
    }
    double[] sub = new double[kept.length];
    for (int a = 0; a < kept.length; a++) {
      sub[a] = b[kept[a]];
    }
    double[] s = solver.solve(new org.hipparchus.linear.ArrayRealVector(sub, false)).toArray();
    for (int a = 0; a < kept.length; a++) {
      z[kept[a]] = s[a];
    }
    return z;
  }

  /** The generalized inverse: the inverse over the kept columns, zero rows and columns elsewhere. */
  double[][] inverse() {
    double[][] inv = new double[p][p];
    if (kept.length == 0) {
      return inv;
    }
    RealMatrix sub = solver.getInverse();
    for (int a = 0; a < kept.length; a++) {
      for (int b = 0; b < kept.length; b++) {
        inv[kept[a]][kept[b]] = sub.getEntry(a, b);
      }
    }
    // exact symmetry, as R's chinv2 fills one triangle from the other
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        double v = 0.5 * (inv[a][b] + inv[b][a]);
        inv[a][b] = v;
        inv[b][a] = v;
      }
    }
    return inv;
  }

  /** {@code b' M^- b}: the quadratic form of a Wald or score test, over the kept columns. */
  double quadraticForm(double[] b) {
    double[] z = solve(b);
    double q = 0;
    for (int i = 0; i < p; i++) {
      q += b[i] * z[i];
    }
    return q;
  }
}
