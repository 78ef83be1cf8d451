package org.outcome.stats.survival.cox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.Warning;
import org.outcome.stats.survival.cox.CoxPh;

/**
 * The Newton–Raphson fit of a {@link CoxModelFrame} (R's {@code coxph.fit}), with what R checks
 * right after it: a covariate whose information is singular at the start (no variance in the risk
 * sets, or collinear) stops the fit; coefficients, score and model-based variance are returned on
 * the original scale of the covariates; a covariate whose information vanished while fitting, a
 * fit that did not converge and a coefficient that may be infinite become warnings.
 *
 * <p>Contract: {@link #of} returns a fit whose {@link #coef}, {@link #naive} variance and
 * {@link #warnings} are final, or throws {@link DegenerateDataException} naming the covariates
 * whose information is singular at the start. It computes no test, interval or summary.
 */
final class CoxModelFit {
  /** The iterations' outcome, on the scaled covariates. */
  final NewtonRaphson.Outcome outcome;
  /** The coefficients on the original scale. */
  final double[] coef;
  /** The model-based variance (inverse information) on the original scale. */
  final double[][] naive;
  /** Whether the information of each coefficient vanished where the iterations stopped. */
  final boolean[] vanished;
  /** The warnings of the fit, in the order R gives them. */
  final List<Warning> warnings;

  private CoxModelFit(NewtonRaphson.Outcome outcome, double[] coef, double[][] naive, boolean[] vanished,
      List<Warning> warnings) {
    this.outcome = outcome;
    this.coef = coef;
    this.naive = naive;
    this.vanished = vanished;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Fits; see the class contract.
   *
   * @throws DegenerateDataException if a covariate's information is singular at the start
   */
  static CoxModelFit of(CoxInputs data, List<String> names, CoxPh config) {
    int p = names.size();
    NewtonRaphson.Outcome fit = NewtonRaphson.fit(data, config.ties(), config.maxIterations(),
        config.convergenceTolerance(), config.cholTolerance());
    checkSingular(fit.initialInformation(), names, data, config);
    // A covariate without information in the variance where the iterations stopped (not at the
    // start, which checkSingular has ruled out) has a coefficient diverging along a monotone
    // likelihood. R reports it as NA when the fit converged and keeps its numbers (a standard
    // error of 0) when it did not; either way R returns a fit, never an error. Whether the pivot
    // falls below toler.chol there depends on the point of a divergent path the iterations stopped
    // at, hence on rounding and even on the order of the rows: so this never refuses the data for
    // it, but names the covariate in a warning and reports its standard error as infinite (no
    // information), not as the 0 of R's generalized inverse, which would give z = infinity and p = 0.
    boolean[] vanished = fit.vanished().clone();
    List<String> vanishedNames = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      if (vanished[j]) {
        vanishedNames.add("'" + names.get(j) + "'");
      }
    }

    double[] scale = data.scale();
    double[] coef = new double[p];
    double[] u = new double[p];
    for (int j = 0; j < p; j++) {
      coef[j] = fit.beta()[j] * scale[j];
      u[j] = fit.u()[j] / scale[j];
    }
    double[][] naive = unscale(fit.variance(), scale);

    List<Warning> warnings = new ArrayList<>();
    if (data.countingProcess()) {
      countingProcessWarnings(config, fit, names, coef, u, naive, warnings);
    } else {
      convergenceWarnings(config, fit, names, coef, u, naive, () -> data.maxLinearPredictor(fit.beta()), warnings);
    }
    if (!vanishedNames.isEmpty()) {
      warnings.add(Warning.of("information-vanished", "the information for " + String.join(", ", vanishedNames)
          + " vanished while fitting: the coefficient diverges (monotone likelihood) and has no finite estimate; "
          + "its standard error is reported as infinite (R reports the coefficient as NA when the fit converged, "
          + "a standard error of 0 when it did not). Check for a covariate "
          + "value that only ever occurs with events, or only without; combine categories or drop the covariate"));
    }
    return new CoxModelFit(fit, coef, naive, vanished, warnings);
  }

  /**
   * A variance of coefficients on the scaled covariates, on the original ones:
   * {@code V_jk s_j s_k}, exactly symmetric.
   */
  static double[][] unscale(double[][] v, double[] scale) {
    int p = scale.length;
    double[][] out = new double[p][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k <= j; k++) {
        out[j][k] = v[j][k] * scale[j] * scale[k];
        out[k][j] = out[j][k];
      }
    }
    return out;
  }

  /** Names covariates whose information is singular at the start: no variance in the risk sets, or collinear. */
  private static void checkSingular(GeneralizedCholesky info, List<String> names, CoxInputs data, CoxPh config) {
    int p = names.size();
    boolean any = false;
    for (int j = 0; j < p; j++) {
      any |= info.singular(j);
    }
    if (!any) {
      return;
    }
    // recompute the information at zero to describe the dependence
    Derivatives d = new Derivatives(p);
    data.evaluate(new double[p], config.ties(), d);
    double[][] m = d.information();
    double maxDiagonal = 0;
    for (int j = 0; j < p; j++) {
      maxDiagonal = Math.max(maxDiagonal, m[j][j]);
    }
    for (int j = 0; j < p; j++) {
      if (!info.singular(j)) {
        continue;
      }
      if (!(m[j][j] > config.cholTolerance() * maxDiagonal)) {
        throw new DegenerateDataException("covariate '" + names.get(j)
            + "' does not vary among the rows at risk at any event time",
            "drop it from the model; it carries no information about the hazard");
      }
      List<String> involved = dependence(m, info, j, names);
      String who = involved.isEmpty() ? "covariate '" + names.get(j) + "' is"
          : "covariates " + String.join(", ", involved) + " and '" + names.get(j) + "' are";
      throw new DegenerateDataException(who + " collinear: '" + names.get(j)
          + "' is a linear combination of the others",
          "drop '" + names.get(j) + "' or one of the covariates it depends on");
    }
  }

  /**
   * The kept columns before {@code j} that column {@code j} depends on: the regression of column
   * {@code j} on them in the information metric, keeping those with a non-negligible share.
   */
  private static List<String> dependence(double[][] m, GeneralizedCholesky info, int j, List<String> names) {
    List<Integer> before = new ArrayList<>();
    for (int k = 0; k < j; k++) {
      if (!info.singular(k)) {
        before.add(k);
      }
    }
    List<String> involved = new ArrayList<>();
    if (before.isEmpty()) {
      return involved;
    }
    double[][] sub = new double[before.size()][before.size()];
    double[] rhs = new double[before.size()];
    for (int a = 0; a < before.size(); a++) {
      rhs[a] = m[before.get(a)][j];
      for (int b = 0; b < before.size(); b++) {
        sub[a][b] = m[before.get(a)][before.get(b)];
      }
    }
    double[] c = GeneralizedCholesky.of(sub, 0).solve(rhs);
    for (int a = 0; a < before.size(); a++) {
      int k = before.get(a);
      if (Math.abs(c[a]) * Math.sqrt(m[k][k]) > 1e-6 * Math.sqrt(m[j][j])) {
        involved.add("'" + names.get(k) + "'");
      }
    }
    return involved;
  }

  /** {@code |u' V|}: R's measure of how far each coefficient would still move. */
  private static double[] remainingSteps(double[] u, double[][] variance) {
    int p = u.length;
    double[] infs = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int k = 0; k < p; k++) {
        s += u[k] * variance[k][j];
      }
      infs[j] = Math.abs(s);
    }
    return infs;
  }

  /** The warnings of R's {@code coxph.fit} after {@code coxfit6}. */
  private static void convergenceWarnings(CoxPh config, NewtonRaphson.Outcome fit, List<String> names,
      double[] coef, double[] u, double[][] variance, DoubleSupplier maxEta, List<Warning> warnings) {
    if (config.maxIterations() <= 1) {
      return; // R warns only when iter.max > 1: one step is asked for, not convergence
    }
    int p = coef.length;
    double[] infs = remainingSteps(u, variance);
    boolean anyNonFinite = false;
    for (double v : infs) {
      anyNonFinite |= !Double.isFinite(v);
    }
    if (!fit.converged()) {
      warnings.add(Warning.of("did-not-converge",
          "ran out of iterations (" + config.maxIterations() + ") and did not converge"));
      if (anyNonFinite || maxEta.getAsDouble() > 500) {
        warnings.add(Warning.of("coefficients-may-be-infinite", "one or more coefficients may be infinite"));
      }
      return;
    }
    List<String> diverging = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      boolean inf = !Double.isFinite(u[j])
          || (infs[j] > config.convergenceTolerance() && infs[j] > config.infiniteTolerance() * Math.abs(coef[j]));
      if (inf) {
        diverging.add("'" + names.get(j) + "'");
      }
    }
    addDiverging(diverging, warnings);
  }

  /**
   * The warnings of R's {@code agreg.fit} after {@code agfit4}: running out of iterations is all it
   * says then; after convergence a coefficient may be infinite when {@code |(V u)_j|} exceeds
   * {@code toler.inf * (1 + |coef_j|)}.
   */
  private static void countingProcessWarnings(CoxPh config, NewtonRaphson.Outcome fit, List<String> names,
      double[] coef, double[] u, double[][] variance, List<Warning> warnings) {
    if (config.maxIterations() <= 1) {
      return; // R warns only when iter.max > 1: one step is asked for, not convergence
    }
    if (!fit.converged()) {
      warnings.add(Warning.of("did-not-converge",
          "ran out of iterations (" + config.maxIterations() + ") and did not converge"));
      return;
    }
    double[] infs = remainingSteps(u, variance);
    List<String> diverging = new ArrayList<>();
    for (int j = 0; j < coef.length; j++) {
      if (!Double.isFinite(u[j]) || infs[j] > config.infiniteTolerance() * (1 + Math.abs(coef[j]))) {
        diverging.add("'" + names.get(j) + "'");
      }
    }
    addDiverging(diverging, warnings);
  }

  private static void addDiverging(List<String> diverging, List<Warning> warnings) {
    if (!diverging.isEmpty()) {
      warnings.add(Warning.of("coefficient-may-be-infinite", "Loglik converged before variable "
          + String.join(", ", diverging) + "; coefficient may be infinite (monotone likelihood)"));
    }
  }
}
