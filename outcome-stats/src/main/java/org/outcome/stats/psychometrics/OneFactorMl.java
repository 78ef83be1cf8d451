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
 * <p>{@code f} is evaluated as
 *
 * <pre>{@code f(ψ) = Σ_i (R_ii/ψ_i + log ψ_i) − θ_1 + log θ_1 − log det R − (k − 1)}</pre>
 *
 * (the trace and the log determinant of {@code Ψ^(-1/2) R Ψ^(-1/2)} less their first eigenvalue's
 * share), not from the small eigenvalues as R does: when {@code R} is nearly singular its smallest
 * eigenvalue {@code θ_k} is known only to an absolute rounding error of some 1e-16 {@code θ_1}, so
 * {@code log θ_k} and R's {@code f} carry errors of 1e-9 and more, larger than the decrease a step
 * makes near the minimum, and a line search on it stalls short of the minimum. The largest
 * eigenvalue is accurate to its relative rounding error, and {@code log det R}, a constant, comes
 * once from the Cholesky factor.
 *
 * <p>R minimises with L-BFGS-B to optim's default tolerance; this runs projected Newton steps
 * (the Hessian from central differences of the exact gradient, Levenberg damping where it is not
 * positive definite, a backtracking line search on {@code f}) until every residual
 * {@code λ_i² + ψ_i − 1} of a uniqueness not held at a bound is below 1e-13 (or no step can improve
 * it and it is below 1e-9), so it finds the same minimum more exactly: where R's fit has stopped early its
 * loadings differ from these in the sixth decimal. Where the Hessian is not positive definite the
 * damped Newton step can shrink to a crawl, so the fixed-point step {@code ψ_i → 1 − λ_i²} is tried
 * beside it and the lower {@code f} taken; and where the Hessian has a clearly negative eigenvalue
 * (a saddle, which can also satisfy the residuals) a step along its eigenvector is tried too. So a
 * fit never stops at a saddle: with correlations {@code 1/11, −1/11, 1/11} factanal stops at the
 * saddle {@code ψ = (1, 1/1.1, 1/1.1)} ({@code f = 0.01835}), psych's {@code fa} and this reach
 * the minimum, a Heywood case ({@code f = 0.01006}).
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
  /** {@code log det R}. */
  private final double logDeterminant;

  private OneFactorMl(double[][] r, double logDeterminant) {
    this.r = r;
    this.k = r.length;
    this.logDeterminant = logDeterminant;
  }

  /** Whether the correlation matrix is positive definite (to rounding error), so that it can be fitted. */
  static boolean positiveDefinite(double[][] correlation) {
    try {
      new CholeskyDecomposition(new Array2DRowRealMatrix(correlation), 1e-12, 1e-12);
      return true;
    } catch (MathIllegalArgumentException e) {
      return false;
    }
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
      RealMatrix lower = new CholeskyDecomposition(m, 1e-12, 1e-12).getL();
      double logDeterminant = 0;
      for (int i = 0; i < k; i++) {
        logDeterminant += 2 * Math.log(lower.getEntry(i, i));
      }
      RealMatrix inverse = new LUDecomposition(m).getSolver().getInverse();
      double[] psi = new double[k];
      for (int i = 0; i < k; i++) {
        psi[i] = clamp((1 - 0.5 / k) / inverse.getEntry(i, i));
      }
      return new OneFactorMl(correlation, logDeterminant).minimise(psi);
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
      boolean settled = largest < SETTLED;
      Newton newton = newtonStep(psi, g, free, nFree);
      double slope = 0;
      for (int i = 0; i < k; i++) {
        slope += g[i] * newton.step()[i];
      }
      Step best = !settled && slope < 0 ? search(psi, value, g, largest, newton.step(), 0) : null;
      if (!settled && (newton.damped() || best == null || best.fraction() < 1)) {
        // the Newton step is poor where the Hessian is not positive definite (near a saddle, where
        // the largest eigenvalue is nearly tied, or on a ridge that falls towards a bound), and
        // damping shrinks it to a crawl: try the fixed-point step ψ_i -> 1 − λ_i² (the gradient
        // scaled by ψ_i²) too, and take whichever lowers f more
        double[] fixedPoint = new double[k];
        for (int i = 0; i < k; i++) {
          fixedPoint[i] = free[i] ? -g[i] * psi[i] * psi[i] : 0;
        }
        best = better(best, search(psi, value, g, largest, fixedPoint, 0));
      }
      if (newton.curvature() < 0 && (best == null || largest < STUCK)) {
        // at a saddle (stationary to rounding error, or stuck, but f curves down along a
        // direction): R's optimiser can stop there (as at ψ = (1, 1/1.1, 1/1.1) for correlations
        // 1/11, −1/11, 1/11, where the minimum is a Heywood case), and the other steps only wander
        // by rounding error, so step down that direction, either way. Only there: where the other
        // steps make progress they keep the path R's (which stays symmetric where the items are,
        // to the same one of a ridge of equally good fits)
        double[] down = newton.downhill();
        double[] up = new double[k];
        for (int i = 0; i < k; i++) {
          up[i] = -down[i];
        }
        best = better(best, better(search(psi, value, g, largest, down, newton.curvature()),
            search(psi, value, g, largest, up, newton.curvature())));
      }
      if (best == null) {
        // no step lowers f or the gradient any more: settled (to rounding error), or stuck
        return settled || largest < STUCK ? Optional.of(model(psi)) : Optional.empty();
      }
      psi = best.psi();
      value = best.value();
    }
    return Optional.empty();
  }

  /** A step taken: the new uniquenesses, f there, and the fraction of the full step. */
  private record Step(double[] psi, double value, double fraction) {}

  private static Step better(Step a, Step b) {
    return a == null || b != null && b.value() < a.value() ? b : a;
  }

  /**
   * A backtracking line search along {@code step} from {@code psi} (clamped to the bounds); null if
   * no step is taken. {@code curvature}, 0 or negative, is {@code f}'s second derivative along a
   * unit step, expected to lower f by {@code curvature |Δψ|² / 2} beyond the gradient's share.
   */
  private Step search(double[] psi, double value, double[] g, double largest, double[] step, double curvature) {
    for (double t = 1; t > 1e-12; t /= 2) {
      double[] next = new double[k];
      double decrease = 0;
      double squared = 0;
      boolean changed = false;
      for (int i = 0; i < k; i++) {
        next[i] = clamp(psi[i] + t * step[i]);
        decrease += g[i] * (next[i] - psi[i]);
        squared += (next[i] - psi[i]) * (next[i] - psi[i]);
        changed |= next[i] != psi[i];
      }
      decrease += curvature * squared / 2;
      if (!changed) {
        return null;
      }
      double nextValue = objective(next);
      // near the minimum f changes by less than its rounding error (sums of reciprocals and
      // logarithms, the largest eigenvalue: some 1e-14 of f): there a step is taken when f does
      // not rise beyond that and the residual shrinks
      // (off a saddle f must fall by more than its rounding error: where it is flat, along a ridge
      // of equally good fits, rounding alone would otherwise steer the fit)
      boolean lower = nextValue <= value + 1e-4 * decrease
          && (curvature == 0 || nextValue < value - 1e-12 * Math.max(1, Math.abs(value)));
      boolean flat = curvature == 0 && nextValue <= value + 1e-11 * Math.max(1, Math.abs(value))
          && projectedLargest(next, gradient(next)) < largest;
      if (lower || flat) {
        return new Step(next, nextValue, t);
      }
    }
    return null;
  }

  /**
   * A Newton step, whether the Hessian had to be damped to make it (not positive definite), and,
   * when its smallest eigenvalue {@code curvature} is clearly negative, its eigenvector
   * {@code downhill} (zero on the uniquenesses held at a bound; {@code curvature} 0 otherwise).
   */
  private record Newton(double[] step, boolean damped, double curvature, double[] downhill) {}

  /** The Newton step on the free uniquenesses; zero on the others. */
  private Newton newtonStep(double[] psi, double[] g, boolean[] free, int nFree) {
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
    double curvature = 0;
    double[] downhill = new double[k];
    if (nFree > 0) {
      EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h));
      double[] eigenvalues = e.getEigenvalues();
      int smallest = 0;
      for (int a = 1; a < nFree; a++) {
        smallest = eigenvalues[a] < eigenvalues[smallest] ? a : smallest;
      }
      // beyond the finite differences' error, some 1e-10 of the Hessian's scale
      if (eigenvalues[smallest] < -1e-8 * Math.max(scale, 1)) {
        curvature = eigenvalues[smallest];
        double[] v = e.getEigenvector(smallest).toArray();
        for (int a = 0; a < nFree; a++) {
          downhill[index[a]] = v[a];
        }
      }
    }
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
        return new Newton(step, damping > 0, curvature, downhill);
      } catch (MathIllegalArgumentException e) {
        // not positive definite: damp more
      }
    }
    return new Newton(step, true, curvature, downhill);
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

  /** {@code f(ψ)}, from the trace, the log determinant and the largest eigenvalue (see the class comment). */
  private double objective(double[] psi) {
    double[] theta = scaled(psi).getEigenvalues();
    double first = theta[largest(theta)];
    double f = 1 - k - logDeterminant - first + Math.log(first);
    for (int i = 0; i < k; i++) {
      f += r[i][i] / psi[i] + Math.log(psi[i]);
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
