package org.outcome.stats.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.stats.internal.Distributions;

/**
 * Logistic regression of a 0/1 outcome on covariates with an intercept, fitted as R's
 * {@code glm(y ~ x1 + ... + xp, family = binomial)} fits it: iteratively reweighted least squares
 * from glm's starting values ({@code μ = (y + 1/2) / 2}), stopping when
 * {@code |dev − dev_old| / (|dev| + 0.1) < 1e-8} (glm's {@code epsilon}), at most 25 iterations
 * (glm's {@code maxit}). Each step solves the weighted normal equations by a Cholesky
 * decomposition of {@code X'WX} scaled to a unit diagonal. Standard errors are the square roots of
 * the diagonal of {@code (X'WX)⁻¹} with the last iteration's weights, as {@code summary.glm}
 * takes them; z and p are Wald's.
 *
 * <p><b>Separation</b> (a covariate, or a combination, that predicts the outcome perfectly) makes
 * the maximum likelihood estimate infinite; R then warns "fitted probabilities numerically 0 or 1
 * occurred" and reports a huge coefficient. Here it is refused: a fit that does not converge or
 * whose fitted probabilities reach 0 or 1 to within 1e-10 throws {@link DegenerateDataException}
 * naming each covariate whose values alone separate the groups (no overlap between the groups'
 * ranges), or saying that a combination does.
 */
public final class LogisticRegression {
  private static final double EPSILON = 1e-8;
  private static final int MAX_ITERATIONS = 25;
  private static final double BOUNDARY = 1e-10;

  private LogisticRegression() {}

  /**
   * A fitted model.
   *
   * @param terms "(Intercept)" then the covariates' names
   * @param coefficients in the order of {@code terms}
   * @param standardErrors their standard errors
   * @param fitted each row's fitted probability
   * @param deviance the residual deviance
   * @param nullDeviance the deviance of the intercept-only model
   * @param iterations IRLS iterations (glm's {@code iter})
   */
  public record Fit(List<String> terms, double[] coefficients, double[] standardErrors, double[] fitted,
      double deviance, double nullDeviance, int iterations) {
    /** Copies the arrays. */
    public Fit {
      terms = List.copyOf(terms);
      coefficients = coefficients.clone();
      standardErrors = standardErrors.clone();
      fitted = fitted.clone();
    }

    @Override
    public double[] coefficients() {
      return coefficients.clone();
    }

    @Override
    public double[] standardErrors() {
      return standardErrors.clone();
    }

    @Override
    public double[] fitted() {
      return fitted.clone();
    }

    /** Wald's z of each coefficient. */
    public double[] z() {
      double[] z = new double[coefficients.length];
      for (int j = 0; j < z.length; j++) {
        z[j] = coefficients[j] / standardErrors[j];
      }
      return z;
    }

    /** Two-sided p-values of Wald's z. */
    public double[] p() {
      double[] z = z();
      double[] p = new double[z.length];
      for (int j = 0; j < z.length; j++) {
        p[j] = Distributions.normalTwoSided(z[j]);
      }
      return p;
    }

    /** Akaike's information criterion, {@code deviance + 2 (p + 1)} for a 0/1 outcome (as glm). */
    public double aic() {
      return deviance + 2 * coefficients.length;
    }
  }

  /**
   * Fits the model.
   *
   * @param outcome 0 or 1 per row
   * @param names the covariates' names, for terms and messages
   * @param covariates one column per covariate, each with one value per row
   * @throws InvalidInputException if an outcome is not 0 or 1, a value is not finite, or columns
   *     differ in length (each named)
   * @throws DegenerateDataException if one outcome value is absent, a covariate is constant (or a
   *     combination of others), or the groups are separated
   */
  public static Fit fit(double[] outcome, List<String> names, List<double[]> covariates) {
    Objects.requireNonNull(outcome, "outcome");
    int n = outcome.length;
    int p = covariates.size() + 1;
    check(outcome, names, covariates);
    double[][] x = new double[p][];
    x[0] = new double[n];
    Arrays.fill(x[0], 1);
    for (int j = 1; j < p; j++) {
      x[j] = covariates.get(j - 1);
    }
    double[] mu = new double[n];
    double[] eta = new double[n];
    double treated = 0;
    for (int i = 0; i < n; i++) {
      mu[i] = (outcome[i] + 0.5) / 2;
      eta[i] = Math.log(mu[i] / (1 - mu[i]));
      treated += outcome[i];
    }
    double share = treated / n;
    double nullDeviance = 0;
    for (int i = 0; i < n; i++) {
      nullDeviance += unitDeviance(outcome[i], share);
    }
    double deviance = 0; // at the starting values, as glm's first devold
    for (int i = 0; i < n; i++) {
      deviance += unitDeviance(outcome[i], mu[i]);
    }
    double[] beta = new double[p];
    RealMatrix information = null;
    double[] scale = new double[p];
    int iteration = 0;
    boolean converged = false;
    while (iteration < MAX_ITERATIONS) {
      iteration++;
      double[][] xtwx = new double[p][p];
      double[] xtwz = new double[p];
      for (int i = 0; i < n; i++) {
        double w = mu[i] * (1 - mu[i]);
        double z = eta[i] + (outcome[i] - mu[i]) / w;
        for (int a = 0; a < p; a++) {
          double wa = w * x[a][i];
          xtwz[a] += wa * z;
          for (int b = 0; b <= a; b++) {
            xtwx[a][b] += wa * x[b][i];
          }
        }
      }
      for (int a = 0; a < p; a++) {
        scale[a] = 1 / Math.sqrt(xtwx[a][a]);
      }
      double[][] scaled = new double[p][p];
      for (int a = 0; a < p; a++) {
        for (int b = 0; b <= a; b++) {
          scaled[a][b] = xtwx[a][b] * scale[a] * scale[b];
          scaled[b][a] = scaled[a][b];
        }
      }
      DecompositionSolver solver;
      try {
        information = new Array2DRowRealMatrix(scaled, false);
        solver = new CholeskyDecomposition(information, 1e-14, 1e-12).getSolver();
      } catch (RuntimeException e) {
        throw new DegenerateDataException("the covariates are collinear (one is constant, or a combination of"
            + " others), so the model cannot be fitted", "leave out the covariate that adds nothing");
      }
      double[] rhs = new double[p];
      for (int a = 0; a < p; a++) {
        rhs[a] = xtwz[a] * scale[a];
      }
      RealVector solved = solver.solve(new ArrayRealVector(rhs, false));
      for (int a = 0; a < p; a++) {
        beta[a] = solved.getEntry(a) * scale[a];
      }
      double devOld = deviance;
      deviance = 0;
      for (int i = 0; i < n; i++) {
        double e = 0;
        for (int a = 0; a < p; a++) {
          e += x[a][i] * beta[a];
        }
        eta[i] = e;
        mu[i] = 1 / (1 + Math.exp(-e));
        deviance += unitDeviance(outcome[i], mu[i]);
      }
      if (Math.abs(deviance - devOld) / (Math.abs(deviance) + 0.1) < EPSILON) {
        converged = true;
        break;
      }
    }
    boolean boundary = false;
    for (int i = 0; i < n && !boundary; i++) {
      boundary = mu[i] < BOUNDARY || mu[i] > 1 - BOUNDARY;
    }
    if (!converged || boundary) {
      throw separation(outcome, names, covariates, converged);
    }
    // the variance as summary.glm gives it: (X'WX)^-1 with the weights of the last iteration's
    // solve (those of the μ before its update), which at convergence differ from the final μ's
    // in the fifth digit or beyond
    RealMatrix inverse = new CholeskyDecomposition(information, 1e-14, 1e-12).getSolver().getInverse();
    double[] se = new double[p];
    for (int a = 0; a < p; a++) {
      se[a] = Math.sqrt(inverse.getEntry(a, a)) * scale[a];
    }
    List<String> terms = new ArrayList<>();
    terms.add("(Intercept)");
    terms.addAll(names);
    return new Fit(terms, beta, se, mu, deviance, nullDeviance, iteration);
  }

  private static double unitDeviance(double y, double mu) {
    // binomial deviance of one 0/1 value: -2 log(mu) or -2 log(1 - mu)
    return y == 1 ? -2 * Math.log(mu) : -2 * Math.log1p(-mu);
  }

  private static void check(double[] outcome, List<String> names, List<double[]> covariates) {
    if (names.size() != covariates.size()) {
      throw new IllegalArgumentException("one name per covariate");
    }
    List<Violation> violations = new ArrayList<>();
    long ones = 0;
    for (int i = 0; i < outcome.length; i++) {
      if (outcome[i] != 0 && outcome[i] != 1) {
        violations.add(Violation.atRow(i + 1, "the treatment must be 0 or 1"));
      } else {
        ones += (long) outcome[i];
      }
    }
    for (int j = 0; j < covariates.size(); j++) {
      double[] c = covariates.get(j);
      if (c.length != outcome.length) {
        violations.add(Violation.at(names.get(j), "has " + c.length + " values for " + outcome.length + " rows"));
        continue;
      }
      for (int i = 0; i < c.length; i++) {
        if (!Double.isFinite(c[i])) {
          violations.add(Violation.atCell(i + 1, names.get(j), "not a finite number"));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid data for a propensity model", violations);
    }
    if (ones == 0 || ones == outcome.length) {
      throw new DegenerateDataException("every row is in one group (" + (ones == 0 ? "no treated" : "no control")
          + " units), so there is no propensity to model", "check the treatment column");
    }
  }

  /** Why the fit failed: the covariates that alone separate the groups, when there are any. */
  private static DegenerateDataException separation(double[] outcome, List<String> names, List<double[]> covariates,
      boolean converged) {
    List<String> separating = new ArrayList<>();
    for (int j = 0; j < covariates.size(); j++) {
      double[] c = covariates.get(j);
      double min1 = Double.POSITIVE_INFINITY;
      double max1 = Double.NEGATIVE_INFINITY;
      double min0 = Double.POSITIVE_INFINITY;
      double max0 = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < c.length; i++) {
        if (outcome[i] == 1) {
          min1 = Math.min(min1, c[i]);
          max1 = Math.max(max1, c[i]);
        } else {
          min0 = Math.min(min0, c[i]);
          max0 = Math.max(max0, c[i]);
        }
      }
      if (max1 <= min0 || max0 <= min1) {
        separating.add(names.get(j));
      }
    }
    String why = separating.isEmpty()
        ? "a combination of the covariates predicts treatment (nearly) perfectly"
        : "covariate" + (separating.size() == 1 ? " " : "s ") + String.join(", ", separating)
            + (separating.size() == 1 ? " predicts" : " each predict") + " treatment perfectly (the groups' values do"
            + " not overlap)";
    return new DegenerateDataException("separation: " + why + ", so the propensity model has no finite estimate"
        + (converged ? " (fitted probabilities reach 0 or 1)" : " (the fit does not converge)"),
        "leave out or coarsen the separating covariate, or restrict to units with common support");
  }
}
