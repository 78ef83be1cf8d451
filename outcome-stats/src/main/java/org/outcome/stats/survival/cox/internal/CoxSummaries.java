package org.outcome.stats.survival.cox.internal;

import static org.outcome.stats.internal.Distributions.chiSquareUpper;
import static org.outcome.stats.internal.Distributions.normalQuantile;
import static org.outcome.stats.internal.Distributions.normalTwoSided;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.stats.survival.cox.ClusterSums;
import org.outcome.stats.survival.cox.Concordance;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.ProportionalHazardsTest;

/**
 * What R reports after a Cox fit, each from the {@link CoxModelFrame} and its {@link CoxModelFit}
 * alone: the robust (sandwich) variance and robust score test ({@code coxph}'s
 * {@code robust = TRUE}), the coefficient table and the likelihood-ratio, Wald and score tests
 * ({@code summary.coxph}), Harrell's concordance ({@code concordance}) and the test of
 * proportional hazards ({@code cox.zph}).
 *
 * <p>Contract: each method reads its inputs and changes none; a statistic that is asked for but
 * undefined (no comparable pair, a singular {@code cox.zph} information) is absent and adds a
 * warning to the list it is given. {@link #terms} throws {@link DegenerateDataException} when a
 * standard error cannot be computed because the risk scores overflow.
 */
final class CoxSummaries {
  private CoxSummaries() {}

  /**
   * The variance behind the standard errors: the model-based one, or R's sandwich {@code D'D}
   * (rows of the score residuals, times the case weights, summed within clusters) when the frame's
   * variance is robust.
   */
  static double[][] variance(CoxPh config, CoxModelFrame frame, CoxModelFit fit) {
    if (!frame.robust) {
      return fit.naive;
    }
    CoxData data = frame.data;
    double[] resid = weighted(data, ScoreResiduals.compute(data, config.ties(), withoutOverflow(eta(frame, fit))));
    return sandwich(resid, fit.naive, frame.p(), frame.cluster, frame.clusterCount, frame.n);
  }

  /** R's robust score test ({@code rscore}) at coefficients zero, present when the variance is robust. */
  static Optional<HypothesisTest> robustScore(CoxPh config, CoxModelFrame frame) {
    if (!frame.robust) {
      return Optional.empty();
    }
    double[] resid0 = weighted(frame.data, ScoreResiduals.compute(frame.data, config.ties(), new double[frame.n]));
    return Optional.of(robustScoreTest(clusterSums(resid0, frame.p(), frame.cluster, frame.clusterCount, frame.n),
        config.cholTolerance()));
  }

  /**
   * One line per covariate, as {@code summary(coxph)}: coefficient, standard error (infinite when
   * the information vanished), hazard ratio with its {@code qnorm((1 + conf.int) / 2)} interval,
   * z and two-sided p.
   *
   * @throws DegenerateDataException if a standard error or coefficient is NaN (the risk scores overflow)
   */
  static List<CoxTerm> terms(CoxPh config, List<String> names, boolean robust, CoxModelFit fit,
      double[][] variance) {
    double[] coef = fit.coef;
    boolean[] vanished = fit.vanished;
    double q = normalQuantile((1 + config.confLevel()) / 2); // R: qnorm((1 + conf.int) / 2)
    List<CoxTerm> terms = new ArrayList<>();
    for (int j = 0; j < coef.length; j++) {
      double se = vanished[j] ? Double.POSITIVE_INFINITY : Math.sqrt(variance[j][j]);
      if (Double.isNaN(se) || Double.isNaN(coef[j])) {
        throw new DegenerateDataException("the " + (robust ? "robust " : "") + "variance of '" + names.get(j)
            + "' cannot be computed: the coefficients diverge so far that the risk scores overflow",
            "the likelihood has no finite maximum (see the coefficient warnings of the model-based fit); "
                + "combine categories or drop covariates");
      }
      double z = vanished[j] ? 0 : coef[j] / se;
      OptionalDouble naiveSe = robust
          ? OptionalDouble.of(vanished[j] ? Double.POSITIVE_INFINITY : Math.sqrt(fit.naive[j][j]))
          : OptionalDouble.empty();
      ConfidenceInterval ci = new ConfidenceInterval(Math.exp(coef[j] - q * se), Math.exp(coef[j] + q * se),
          config.confLevel());
      terms.add(new CoxTerm(names.get(j), coef[j], se, naiveSe, Math.exp(coef[j]), z, normalTwoSided(z), ci));
    }
    return terms;
  }

  /** The likelihood-ratio test, {@code 2 (loglik - loglikNull)} on p degrees of freedom. */
  static HypothesisTest likelihoodRatio(CoxModelFit fit) {
    double lr = 2 * (fit.outcome.loglik() - fit.outcome.loglikInit());
    return chisq(lr, fit.coef.length);
  }

  /**
   * The Wald test {@code b' V^-1 b} on p degrees of freedom, with {@code V} the variance behind
   * the standard errors.
   */
  static HypothesisTest wald(CoxPh config, CoxModelFit fit, double[][] variance) {
    double wald = GeneralizedCholesky.of(variance, config.cholTolerance()).quadraticForm(fit.coef);
    return chisq(wald, fit.coef.length);
  }

  /** The model-based score (log-rank) test at coefficients zero, on p degrees of freedom. */
  static HypothesisTest score(CoxModelFit fit) {
    return chisq(fit.outcome.scoreTest(), fit.coef.length);
  }

  private static HypothesisTest chisq(double statistic, int df) {
    return HypothesisTest.of("chisq", statistic, df, chiSquareUpper(statistic, df));
  }

  /** Harrell's concordance when asked for; absent, with a warning, when no pair of rows is comparable. */
  static Optional<Concordance> concordance(CoxPh config, CoxModelFrame frame, CoxModelFit fit,
      List<Warning> warnings) {
    if (!config.concordance()) {
      return Optional.empty();
    }
    if (frame.data.weighted || frame.data.start != null) {
      warnings.add(notComputed(frame.data, "concordance", "the concordance"));
      return Optional.empty();
    }
    ConcordanceCounter.Counts c = ConcordanceCounter.count(frame.data, eta(frame, fit), frame.cluster, frame.clusterCount);
    if (Double.isNaN(c.concordance())) {
      warnings.add(Warning.of("concordance-undefined", "no pair of rows is comparable, so the concordance is undefined"));
      return Optional.empty();
    }
    return Optional.of(new Concordance(c.concordance(), Math.sqrt(c.variance()), c.concordant(),
        c.discordant(), c.tiedRisk(), c.tiedTime(), c.tiedBoth()));
  }

  /** The {@code cox.zph} test when asked for; absent, with a warning, when its information matrix is singular. */
  static Optional<ProportionalHazardsTest> proportionalHazards(CoxPh config, CoxModelFrame frame, CoxModelFit fit,
      List<Warning> warnings) {
    if (!config.proportionalHazardsTest()) {
      return Optional.empty();
    }
    if (frame.data.weighted || frame.data.start != null) {
      warnings.add(notComputed(frame.data, "zph", "the proportional-hazards test"));
      return Optional.empty();
    }
    return proportionalHazards(frame.names,
        ZphComputation.compute(frame.data, config.ties(), withoutOverflow(eta(frame, fit))), warnings);
  }

  /** The {@code cox.zph} table from its statistics; absent, with a warning, when they are {@code null} (singular). */
  static Optional<ProportionalHazardsTest> proportionalHazards(List<String> names, ZphComputation.Statistics z,
      List<Warning> warnings) {
    int p = names.size();
    if (z == null) {
      warnings.add(Warning.of("zph-singular",
          "the proportional-hazards test could not be computed: its information matrix is singular "
              + "(for example, all events at one time)"));
      return Optional.empty();
    }
    List<ProportionalHazardsTest.Row> rows = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      rows.add(new ProportionalHazardsTest.Row(names.get(j), z.chisq()[j], z.df()[j],
          chiSquareUpper(z.chisq()[j], z.df()[j])));
    }
    ProportionalHazardsTest.Row global = new ProportionalHazardsTest.Row("GLOBAL", z.chisq()[p], z.df()[p],
        chiSquareUpper(z.chisq()[p], z.df()[p]));
    return Optional.of(new ProportionalHazardsTest(rows, global));
  }

  /** The warning that a statistic was not computed because the model has case weights or (start, stop] rows. */
  private static Warning notComputed(CoxData data, String code, String what) {
    return Warning.of(code + "-not-computed", what + " is not computed for a model with "
        + (data.start != null ? "counting-process (start, stop] rows" : "case weights"));
  }

  /** The linear predictor of each sorted row at the estimates. */
  private static double[] eta(CoxModelFrame frame, CoxModelFit fit) {
    return frame.data.linearPredictor(fit.outcome.beta());
  }

  /**
   * The linear predictor shifted down when its largest value would overflow {@code exp} (as R's
   * {@code coxph.fit} shifts it before computing residuals): score residuals and the
   * {@code cox.zph} statistics use only ratios of risks within a stratum, so a common shift leaves
   * them unchanged. {@link FoldedResiduals} shifts as this does.
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

  /**
   * R's sandwich {@code D'D}: {@code D} has a row per cluster (per row without clusters), the
   * cluster's summed score residuals times the model-based variance {@code V} (R's
   * {@code naive.var}, whatever R made of it: for a fit that ran out of iterations, see
   * {@link NewtonRaphson}). Accumulated as a sum of squares, so a variance that the residuals
   * nearly cancel stays accurate.
   */
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


  /** {@code sum_c R_c R_c'} and {@code sum_c R_c} of residuals (row-major n × p) summed within clusters. */
  private static ClusterSums clusterSums(double[] resid, int p, int[] cluster, int clusters, int n) {
    double[] collapsed = collapse(resid, p, cluster, clusters, n);
    ClusterSums.Accumulator sums = new ClusterSums.Accumulator(p);
    for (int r = 0; r < collapsed.length / p; r++) {
      sums.add(Arrays.copyOfRange(collapsed, r * p, (r + 1) * p));
    }
    return sums.result();
  }


  /** Score residuals (row-major, sorted order) times their rows' case weights, in place: R's {@code weighted = TRUE}. */
  private static double[] weighted(CoxData data, double[] resid) {
    if (data.weighted) {
      int p = data.p;
      for (int i = 0; i < data.n; i++) {
        for (int j = 0; j < p; j++) {
          resid[i * p + j] *= data.weight[i];
        }
      }
    }
    return resid;
  }

  /** R's robust score test {@code rscore}: {@code U' (sum_c R_c R_c')^- U} with the residuals at coefficients zero. */
  static HypothesisTest robustScoreTest(ClusterSums atZero, double tolerChol) {
    GeneralizedCholesky g = GeneralizedCholesky.of(atZero.crossProducts(), tolerChol);
    double stat = g.quadraticForm(atZero.total());
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
