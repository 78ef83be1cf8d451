package org.outcome.stats.psychometrics;

import java.util.Optional;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The one-factor maximum-likelihood fit of a correlation matrix, as R's
 * {@code factanal(covmat = R, factors = 1)} and {@code psych::fa(x, nfactors = 1, fm = "ml")}
 * compute it (Jöreskog 1967; Lawley &amp; Maxwell 1971): the uniquenesses {@code ψ} minimise
 *
 * <pre>{@code f(ψ) = Σ_{j ≥ 2} (θ_j − log θ_j) − (k − 1)}</pre>
 *
 * where {@code θ_1 ≥ θ_2 ≥ ...} are the eigenvalues of {@code Ψ^(-1/2) R Ψ^(-1/2)}, subject to
 * {@code 0.005 ≤ ψ_i ≤ 1} (R's bounds); the loadings are {@code λ = Ψ^(1/2) v_1 sqrt(max(θ_1 − 1, 0))}
 * with {@code v_1} the first eigenvector, and the gradient is
 * {@code ∂f/∂ψ_i = (λ_i² + ψ_i − 1) / ψ_i²}. The start is R's, {@code ψ_i = (1 − 1/(2k)) / (R^-1)_ii}.
 *
 * <p>R minimises with L-BFGS-B to optim's default tolerance; this runs projected Newton steps
 * (the Hessian from central differences of the exact gradient, Levenberg damping where it is not
 * positive definite, a backtracking line search on {@code f}) until every residual
 * {@code λ_i² + ψ_i − 1} of a uniqueness not held at a bound is below 1e-13 (or no step can improve
 * it and it is below 1e-9), so it finds the same minimum more exactly: where R's fit has stopped early its
 * loadings differ from these in the sixth decimal.
 */
final class OneFactorMl {
  /** R's lower bound on a uniqueness. */
  static final double LOWER = 0.005;
  private static final double UPPER = 1;
  private static final int ITERATIONS = 200;
  /** The residual at which the fit has converged. */
  private static final double SETTLED = 1e-13;
  /** The residual below which a fit no step can improve is taken as converged to rounding error. */
  private static final double STUCK = 1e-9;

  private final double[][] r;
  private final int k;

  private OneFactorMl(double[][] r) {
    this.r = r;
    this.k = r.length;
  }

  /**
   * The fit, or empty when the correlation matrix is not positive definite (for example fewer
   * complete rows than items, or an item that is a linear combination of others) or the
   * iteration does not settle.
   */
  static Optional<OneFactorModel> fit(double[][] correlation) {
    int k = correlation.length;
    RealMatrix m = new Array2DRowRealMatrix(correlation);
    try {
      new CholeskyDecomposition(m, 1e-12, 1e-12);
      RealMatrix inverse = new LUDecomposition(m).getSolver().getInverse();
      double[] psi = new double[k];
      for (int i = 0; i < k; i++) {
        psi[i] = clamp((1 - 0.5 / k) / inverse.getEntry(i, i));
      }
      return new OneFactorMl(correlation).minimise(psi);
    } catch (MathIllegalArgumentException e) { // singular, to rounding error
      return Optional.empty();
    }
  }

  private Optional<OneFactorModel> minimise(double[] start) {
    double[] psi = start.clone();
    double value = objective(psi);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] g = gradient(psi);
      boolean[] free = new boolean[k];
      int nFree = 0;
      for (int i = 0; i < k; i++) {
        free[i] = !(psi[i] <= LOWER && g[i] > 0) && !(psi[i] >= UPPER && g[i] < 0);
        nFree += free[i] ? 1 : 0;
      }
      double largest = projectedLargest(psi, g);
      if (largest < SETTLED) {
        return Optional.of(model(psi));
      }
      double[] step = newtonStep(psi, g, free, nFree);
      double slope = 0;
      for (int i = 0; i < k; i++) {
        slope += g[i] * step[i];
      }
      if (!(slope < 0)) { // not a descent direction: steepest descent on the free set
        for (int i = 0; i < k; i++) {
          step[i] = free[i] ? -g[i] * psi[i] * psi[i] : 0;
        }
      }
      boolean moved = false;
      for (double t = 1; t > 1e-12 && !moved; t /= 2) {
        double[] next = new double[k];
        double decrease = 0;
        boolean changed = false;
        for (int i = 0; i < k; i++) {
          next[i] = clamp(psi[i] + t * step[i]);
          decrease += g[i] * (next[i] - psi[i]);
          changed |= next[i] != psi[i];
        }
        if (!changed) {
          break;
        }
        double nextValue = objective(next);
        // near the minimum f changes by less than its rounding error (eigenvalues and logarithms:
        // some 1e-13): there a step is taken when f does not rise beyond that and the residual shrinks
        boolean lower = nextValue <= value + 1e-4 * decrease;
        boolean flat = nextValue <= value + 1e-11 * Math.max(1, Math.abs(value))
            && projectedLargest(next, gradient(next)) < largest;
        if (lower || flat) {
          psi = next;
          value = nextValue;
          moved = true;
        }
      }
      if (!moved) {
        // no step lowers f or the gradient any more: settled to rounding error, or stuck
        return largest < STUCK ? Optional.of(model(psi)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The Newton step on the free uniquenesses; zero on the others. */
  private double[] newtonStep(double[] psi, double[] g, boolean[] free, int nFree) {
    int[] index = new int[nFree];
    for (int i = 0, f = 0; i < k; i++) {
      if (free[i]) {
        index[f++] = i;
      }
    }
    double[][] h = new double[nFree][nFree];
    for (int a = 0; a < nFree; a++) {
      int i = index[a];
      double d = 1e-5 * psi[i];
      double[] up = psi.clone();
      double[] down = psi.clone();
      up[i] += d;
      down[i] -= d;
      double[] gUp = gradient(up);
      double[] gDown = gradient(down);
      for (int b = 0; b < nFree; b++) {
        h[b][a] = (gUp[index[b]] - gDown[index[b]]) / (2 * d);
      }
    }
    double scale = 0;
    for (int a = 0; a < nFree; a++) {
      for (int b = 0; b < a; b++) {
        double mean = (h[a][b] + h[b][a]) / 2;
        h[a][b] = mean;
        h[b][a] = mean;
      }
      scale = Math.max(scale, Math.abs(h[a][a]));
    }
    double[] rhs = new double[nFree];
    for (int a = 0; a < nFree; a++) {
      rhs[a] = -g[index[a]];
    }
    double[] step = new double[k];
    for (double damping = 0; damping <= 1e6 * Math.max(scale, 1); damping = damping == 0 ? 1e-10 * Math.max(scale, 1)
        : damping * 10) {
      RealMatrix m = new Array2DRowRealMatrix(h);
      for (int a = 0; a < nFree; a++) {
        m.addToEntry(a, a, damping);
      }
      try {
        double[] solved = new CholeskyDecomposition(m, 1e-12, 0).getSolver()
            .solve(new ArrayRealVector(rhs)).toArray();
        for (int a = 0; a < nFree; a++) {
          step[index[a]] = solved[a];
        }
        return step;
      } catch (MathIllegalArgumentException e) {
        // not positive definite: damp more
      }
    }
    return step;
  }

  /**
   * The largest residual {@code |λ_i² + ψ_i − 1| = |∂f/∂ψ_i| ψ_i²} of the uniquenesses not held at
   * a bound (zero at an interior minimum).
   */
  private static double projectedLargest(double[] psi, double[] g) {
    double largest = 0;
    for (int i = 0; i < psi.length; i++) {
      if (!(psi[i] <= LOWER && g[i] > 0) && !(psi[i] >= UPPER && g[i] < 0)) {
        largest = Math.max(largest, Math.abs(g[i]) * psi[i] * psi[i]);
      }
    }
    return largest;
  }

  private static double clamp(double psi) {
    return Math.min(UPPER, Math.max(LOWER, psi));
  }

  /** {@code Ψ^(-1/2) R Ψ^(-1/2)}, decomposed. */
  private EigenDecompositionSymmetric scaled(double[] psi) {
    double[][] s = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        s[i][j] = r[i][j] / Math.sqrt(psi[i] * psi[j]);
      }
    }
    return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(s, false));
  }

  private double objective(double[] psi) {
    double[] theta = scaled(psi).getEigenvalues();
    int first = largest(theta);
    double f = 1 - k;
    for (int j = 0; j < k; j++) {
      if (j != first) {
        f += theta[j] - Math.log(theta[j]);
      }
    }
    return f;
  }

  private double[] loadings(double[] psi) {
    EigenDecompositionSymmetric e = scaled(psi);
    double[] theta = e.getEigenvalues();
    int first = largest(theta);
    double[] v = e.getEigenvector(first).toArray();
    double root = Math.sqrt(Math.max(theta[first] - 1, 0));
    double[] lambda = new double[k];
    for (int i = 0; i < k; i++) {
      lambda[i] = Math.sqrt(psi[i]) * v[i] * root;
    }
    return lambda;
  }

  private double[] gradient(double[] psi) {
    double[] lambda = loadings(psi);
    double[] g = new double[k];
    for (int i = 0; i < k; i++) {
      g[i] = (lambda[i] * lambda[i] + psi[i] - r[i][i]) / (psi[i] * psi[i]);
    }
    return g;
  }

  private OneFactorModel model(double[] psi) {
    double[] lambda = loadings(psi);
    double sum = 0;
    for (double l : lambda) {
      sum += l;
    }
    boolean heywood = false;
    for (int i = 0; i < k; i++) {
      if (sum < 0) {
        lambda[i] = -lambda[i];
      }
      heywood |= psi[i] <= LOWER;
    }
    return OneFactorModel.of(lambda, heywood);
  }

  private static int largest(double[] values) {
    int best = 0;
    for (int j = 1; j < values.length; j++) {
      if (values[j] > values[best]) {
        best = j;
      }
    }
    return best;
  }
}
