package org.outcome.stats.survival.cox.internal;

import static org.outcome.stats.internal.Distributions.chiSquareUpper;
import static org.outcome.stats.internal.Distributions.normalQuantile;
import static org.outcome.stats.internal.Distributions.normalTwoSided;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.Covariate;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.Concordance;
import org.outcome.stats.survival.cox.CovarianceMatrix;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxResult;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.ProportionalHazardsTest;
import org.outcome.stats.survival.cox.Variance;

/**
 * Fits a {@link CoxPh} configuration to a sample: builds the design, checks it for degeneracy,
 * runs {@link NewtonRaphson}, then derives what {@code summary(coxph)} and {@code cox.zph} report
 * (R's {@code coxph.R}, {@code coxph.fit.R}, {@code summary.coxph.R}).
 */
public final class CoxEngine {
  private CoxEngine() {}

  /** Fits; see {@link CoxPh#fit(SurvivalSample)}. */
  public static CoxResult fit(CoxPh config, SurvivalSample sample) {
    int n = sample.size();
    List<String> names = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    sample.group().ifPresent(group -> addGroupIndicators(group, names, columns));
    for (Covariate c : sample.covariates()) {
      names.add(c.name());
      columns.add(c.values());
    }
    if (names.isEmpty()) {
      throw InvalidInputException.of("nothing to model",
          Violation.at("covariates", "a Cox model needs at least one covariate or a group column"));
    }
    if (n == 0) {
      throw new DegenerateDataException("the sample has no rows", "a Cox model needs data");
    }
    int nEvent = sample.eventCount();
    if (nEvent == 0) {
      throw new DegenerateDataException("no events: all " + n + " rows are censored",
          "a Cox model needs at least one observed event");
    }
    int p = names.size();
    double[][] x = columns.toArray(new double[0][]);
    int[] strata = sample.strata().map(Factor::codes).orElse(null);
    int strataLevels = sample.strata().map(Factor::levelCount).orElse(1);
    checkVariance(names, x, strata, strataLevels);

    CoxData data = CoxData.of(sample.times(), sample.events(), strata, strataLevels, x, config.timeFix());
    NewtonRaphson.Outcome fit = NewtonRaphson.fit(data, config.ties(), config.maxIterations(),
        config.convergenceTolerance(), config.cholTolerance());
    checkSingular(fit.initialInformation(), names, data, config);
    // A covariate whose information is singular where the iterations stopped (not at the start,
    // which checkSingular has ruled out) has a coefficient diverging along a monotone likelihood.
    // R reports it as NA when the fit converged and keeps its numbers when it did not; either way R
    // returns a fit, never an error. Whether the pivot falls below toler.chol there depends on the
    // point of a divergent path the iterations stopped at, hence on rounding and even on the order
    // of the rows: so this never refuses the data for it, but names the covariate in a warning and
    // reports its standard error as infinite (no information), not as the 0 of R's generalized
    // inverse, which would give z = infinity and p = 0.
    boolean[] vanished = new boolean[p];
    List<String> vanishedNames = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      vanished[j] = fit.finalInformation().singular(j);
      if (vanished[j]) {
        vanishedNames.add("'" + names.get(j) + "'");
      }
    }

    double[] scale = data.scale;
    double[] coef = new double[p];
    double[] u = new double[p];
    for (int j = 0; j < p; j++) {
      coef[j] = fit.beta()[j] * scale[j];
      u[j] = fit.u()[j] / scale[j];
    }
    double[][] naive = unscale(fit.variance(), scale);

    List<Warning> warnings = new ArrayList<>();
    double[] eta = data.linearPredictor(fit.beta());
    convergenceWarnings(config, fit, names, coef, u, naive, eta, warnings);
    if (!vanishedNames.isEmpty()) {
      warnings.add(Warning.of("information-vanished", "the information for " + String.join(", ", vanishedNames)
          + " vanished while fitting: the coefficient diverges (monotone likelihood) and has no finite estimate; "
          + "its standard error is reported as infinite (R reports the coefficient as NA). Check for a covariate "
          + "value that only ever occurs with events, or only without; combine categories or drop the covariate"));
    }

    boolean hasCluster = sample.cluster().isPresent();
    boolean robust = config.variance() == Variance.ROBUST || (config.variance() == Variance.AUTOMATIC && hasCluster);
    if (config.variance() == Variance.MODEL_BASED && hasCluster) {
      warnings.add(Warning.of("cluster-ignored",
          "the sample has a cluster column but the model-based variance was asked for; the cluster is ignored"));
    }
    int[] cluster = null;
    int clusterCount = 0;
    int clustersUsed = 0;
    if (robust && hasCluster) {
      Factor f = sample.cluster().orElseThrow();
      cluster = new int[n];
      boolean[] used = new boolean[f.levelCount()];
      for (int i = 0; i < n; i++) {
        cluster[i] = f.code(data.rowOf[i]);
        if (!used[cluster[i]]) {
          used[cluster[i]] = true;
          clustersUsed++;
        }
      }
      clusterCount = f.levelCount();
    }

    double[] safeEta = withoutOverflow(eta);
    double[][] variance = naive;
    Optional<HypothesisTest> robustScore = Optional.empty();
    if (robust) {
      double[] resid = ScoreResiduals.compute(data, config.ties(), safeEta);
      double[][] robustScaled = sandwich(resid, fit.variance(), p, cluster, clusterCount, n);
      variance = unscale(robustScaled, scale);
      double[] resid0 = ScoreResiduals.compute(data, config.ties(), new double[n]);
      robustScore = Optional.of(robustScoreTest(resid0, p, cluster, clusterCount, n, config.cholTolerance()));
    }

    double q = normalQuantile((1 + config.confLevel()) / 2); // R: qnorm((1 + conf.int) / 2)
    List<CoxTerm> terms = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      double se = vanished[j] ? Double.POSITIVE_INFINITY : Math.sqrt(variance[j][j]);
      if (Double.isNaN(se) || Double.isNaN(coef[j])) {
        throw new DegenerateDataException("the " + (robust ? "robust " : "") + "variance of '" + names.get(j)
            + "' cannot be computed: the coefficients diverge so far that the risk scores overflow",
            "the likelihood has no finite maximum (see the coefficient warnings of the model-based fit); "
                + "combine categories or drop covariates");
      }
      double z = vanished[j] ? 0 : coef[j] / se;
      OptionalDouble naiveSe = robust
          ? OptionalDouble.of(vanished[j] ? Double.POSITIVE_INFINITY : Math.sqrt(naive[j][j]))
          : OptionalDouble.empty();
      ConfidenceInterval ci = new ConfidenceInterval(Math.exp(coef[j] - q * se), Math.exp(coef[j] + q * se),
          config.confLevel());
      terms.add(new CoxTerm(names.get(j), coef[j], se, naiveSe, Math.exp(coef[j]), z, normalTwoSided(z), ci));
    }

    double lr = 2 * (fit.loglik() - fit.loglikInit());
    double wald = GeneralizedCholesky.of(variance, config.cholTolerance()).quadraticForm(coef);
    HypothesisTest lrTest = HypothesisTest.of("chisq", lr, p, chiSquareUpper(lr, p));
    HypothesisTest waldTest = HypothesisTest.of("chisq", wald, p, chiSquareUpper(wald, p));
    HypothesisTest scoreTest = HypothesisTest.of("chisq", fit.scoreTest(), p, chiSquareUpper(fit.scoreTest(), p));

    Optional<Concordance> concordance = Optional.empty();
    if (config.concordance()) {
      ConcordanceCounter.Counts c = ConcordanceCounter.count(data, eta, cluster, clusterCount);
      if (Double.isNaN(c.concordance())) {
        warnings.add(Warning.of("concordance-undefined", "no pair of rows is comparable, so the concordance is undefined"));
      } else {
        concordance = Optional.of(new Concordance(c.concordance(), Math.sqrt(c.variance()), c.concordant(),
            c.discordant(), c.tiedRisk(), c.tiedTime(), c.tiedBoth()));
      }
    }

    Optional<ProportionalHazardsTest> zph = Optional.empty();
    if (config.proportionalHazardsTest()) {
      ZphComputation.Statistics z = ZphComputation.compute(data, config.ties(), safeEta);
      if (z == null) {
        warnings.add(Warning.of("zph-singular",
            "the proportional-hazards test could not be computed: its information matrix is singular "
                + "(for example, all events at one time)"));
      } else {
        List<ProportionalHazardsTest.Row> rows = new ArrayList<>();
        for (int j = 0; j < p; j++) {
          rows.add(new ProportionalHazardsTest.Row(names.get(j), z.chisq()[j], z.df()[j],
              chiSquareUpper(z.chisq()[j], z.df()[j])));
        }
        ProportionalHazardsTest.Row global = new ProportionalHazardsTest.Row("GLOBAL", z.chisq()[p], z.df()[p],
            chiSquareUpper(z.chisq()[p], z.df()[p]));
        zph = Optional.of(new ProportionalHazardsTest(rows, global));
      }
    }

    return new CoxResult(config.ties(), terms, CovarianceMatrix.of(names, variance),
        robust ? Optional.of(CovarianceMatrix.of(names, naive)) : Optional.empty(),
        fit.loglikInit(), fit.loglik(), lrTest, waldTest, scoreTest, robustScore, concordance, zph,
        fit.iterations(), fit.converged(), n, nEvent,
        cluster != null ? OptionalInt.of(clustersUsed) : OptionalInt.empty(), config.confLevel(), warnings);
  }

  /**
   * The linear predictor shifted down when its largest value would overflow {@code exp} (as R's
   * {@code coxph.fit} shifts it before computing residuals): score residuals and the
   * {@code cox.zph} statistics use only ratios of risks within a stratum, so a common shift leaves
   * them unchanged.
   */
  private static double[] withoutOverflow(double[] eta) {
    double max = Double.NEGATIVE_INFINITY;
    for (double e : eta) {
      max = Math.max(max, e);
    }
    double limit = Math.log(Double.MAX_VALUE) - Math.log(eta.length) - 1;
    if (!(max > limit)) {
      return eta;
    }
    double[] shifted = new double[eta.length];
    for (int i = 0; i < eta.length; i++) {
      shifted[i] = eta[i] - (max - limit);
    }
    return shifted;
  }

  /** A variance of coefficients on the scaled covariates, on the original ones: {@code V_jk s_j s_k}, exactly symmetric. */
  private static double[][] unscale(double[][] v, double[] scale) {
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

  /** R's treatment coding of a factor: an indicator for each level after the first. */
  private static void addGroupIndicators(Factor group, List<String> names, List<double[]> columns) {
    for (int level = 1; level < group.levelCount(); level++) {
      double[] indicator = new double[group.size()];
      for (int i = 0; i < indicator.length; i++) {
        indicator[i] = group.code(i) == level ? 1 : 0;
      }
      names.add("group" + group.levels().get(level));
      columns.add(indicator);
    }
  }

  private static void checkVariance(List<String> names, double[][] x, int[] strata, int strataLevels) {
    for (int j = 0; j < x.length; j++) {
      double[] col = x[j];
      boolean constant = true;
      for (int i = 1; i < col.length && constant; i++) {
        constant = col[i] == col[0];
      }
      if (constant) {
        throw new DegenerateDataException("covariate '" + names.get(j) + "' has no variance: every row has the same value",
            "drop it from the model");
      }
      if (strata != null) {
        double[] first = new double[strataLevels];
        boolean[] seen = new boolean[strataLevels];
        boolean varies = false;
        for (int i = 0; i < col.length && !varies; i++) {
          int s = strata[i];
          if (!seen[s]) {
            seen[s] = true;
            first[s] = col[i];
          } else if (col[i] != first[s]) {
            varies = true;
          }
        }
        if (!varies) {
          throw new DegenerateDataException("covariate '" + names.get(j)
              + "' is constant within every stratum, so a stratified model cannot estimate it",
              "drop it from the model, or do not stratify by a variable that determines it");
        }
      }
    }
  }

  /** Names covariates whose information is singular at the start: no variance in the risk sets, or collinear. */
  private static void checkSingular(GeneralizedCholesky info, List<String> names, CoxData data, CoxPh config) {
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
    new PartialLikelihood(data, config.ties()).evaluate(new double[p], d);
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

  private static void convergenceWarnings(CoxPh config, NewtonRaphson.Outcome fit, List<String> names,
      double[] coef, double[] u, double[][] variance, double[] eta, List<Warning> warnings) {
    if (config.maxIterations() <= 1) {
      if (!fit.converged() && config.maxIterations() == 1) {
        warnings.add(Warning.of("did-not-converge", "ran out of iterations (1) and did not converge"));
      }
      return;
    }
    int p = coef.length;
    double[] infs = new double[p];
    boolean anyNonFinite = false;
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int k = 0; k < p; k++) {
        s += u[k] * variance[k][j];
      }
      infs[j] = Math.abs(s);
      anyNonFinite |= !Double.isFinite(infs[j]);
    }
    if (!fit.converged()) {
      warnings.add(Warning.of("did-not-converge",
          "ran out of iterations (" + config.maxIterations() + ") and did not converge"));
      double maxEta = Double.NEGATIVE_INFINITY;
      for (double e : eta) {
        maxEta = Math.max(maxEta, e);
      }
      if (maxEta > 500 || anyNonFinite) {
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
    if (!diverging.isEmpty()) {
      warnings.add(Warning.of("coefficient-may-be-infinite", "Loglik converged before variable "
          + String.join(", ", diverging) + "; coefficient may be infinite (monotone likelihood)"));
    }
  }

  /** {@code D'D} with {@code D = U V} (rows of {@code U} summed within clusters first, as the sum commutes). */
  private static double[][] sandwich(double[] resid, double[][] v, int p, int[] cluster, int clusters, int n) {
    double[] collapsed = collapse(resid, p, cluster, clusters, n);
    int rows = collapsed.length / p;
    double[][] out = new double[p][p];
    double[] drow = new double[p];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < p; k++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += collapsed[r * p + j] * v[j][k];
        }
        drow[k] = s;
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b <= a; b++) {
          out[a][b] += drow[a] * drow[b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        out[b][a] = out[a][b];
      }
    }
    return out;
  }

  private static HypothesisTest robustScoreTest(double[] resid0, int p, int[] cluster, int clusters, int n,
      double tolerChol) {
    double[] collapsed = collapse(resid0, p, cluster, clusters, n);
    int rows = collapsed.length / p;
    double[] total = new double[p];
    double[][] cross = new double[p][p];
    for (int r = 0; r < rows; r++) {
      for (int a = 0; a < p; a++) {
        double va = collapsed[r * p + a];
        total[a] += va;
        for (int b = 0; b < p; b++) {
          cross[a][b] += va * collapsed[r * p + b];
        }
      }
    }
    GeneralizedCholesky g = GeneralizedCholesky.of(cross, tolerChol);
    double stat = g.quadraticForm(total);
    return HypothesisTest.of("chisq", stat, g.rank(), chiSquareUpper(stat, g.rank()));
  }

  private static double[] collapse(double[] resid, int p, int[] cluster, int clusters, int n) {
    if (cluster == null) {
      return resid;
    }
    double[] out = new double[clusters * p];
    for (int i = 0; i < n; i++) {
      int base = cluster[i] * p;
      for (int j = 0; j < p; j++) {
        out[base + j] += resid[i * p + j];
      }
    }
    return out;
  }

}
