package org.outcome.stats.survival.cox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.ClusterSums;
import org.outcome.stats.survival.cox.Concordance;
import org.outcome.stats.survival.cox.CovarianceMatrix;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.ProportionalHazardsTest;
import org.outcome.stats.survival.cox.Ties;
import org.outcome.stats.survival.cox.Variance;

/**
 * Fits a {@link CoxPh} configuration to a sample in R's three steps (R's {@code coxph.R},
 * {@code coxph.fit.R}, {@code summary.coxph.R}, {@code cox.zph.R}): build and check the inputs
 * ({@link CoxModelFrame}), run Newton–Raphson and the checks that follow it ({@link CoxModelFit}),
 * then derive what is reported after the fit ({@link CoxSummaries}).
 */
public final class CoxEngine {
  private static final Warning CLUSTER_IGNORED = Warning.of("cluster-ignored",
      "the sample has a cluster column but the model-based variance was asked for; the cluster is ignored");
  private CoxEngine() {}

  /**
   * Every component of a fitted model, for {@link CoxPh} to wrap in its result; see
   * {@link CoxPh.Result} for what each means.
   */
  public record Fitted(
      Ties ties,
      List<CoxTerm> terms,
      CovarianceMatrix variance,
      Optional<CovarianceMatrix> naiveVariance,
      double loglikNull,
      double loglik,
      HypothesisTest likelihoodRatio,
      HypothesisTest wald,
      HypothesisTest score,
      Optional<HypothesisTest> robustScore,
      Optional<Concordance> concordance,
      Optional<ProportionalHazardsTest> proportionalHazards,
      int iterations,
      boolean converged,
      int n,
      int nEvent,
      OptionalInt clusters,
      double confLevel,
      List<Warning> warnings) {}

  /** Fits rows held elsewhere; see {@link CoxPh#fit(CoxRows)}. */
  public static Fitted fit(CoxPh config, CoxRows rows) {
    List<String> names = rows.covariates();
    int p = names.size();
    int strata = rows.strata();
    CoxModelFrame.requireTerms(names);
    boolean robust = config.variance() == Variance.ROBUST
        || (config.variance() == Variance.AUTOMATIC && rows.clustered());
    CoxFolds.Summary summary = rows.fold(new CoxFolds.Summary(p, strata));
    if (summary.invalid > 0) {
      throw InvalidInputException.of("rows that cannot be modelled", Violation.at("rows", summary.invalid
          + " rows have a time below 0 or not a finite number, or a covariate that is not a finite number"));
    }
    CoxModelFrame.requireRowsAndEvents(summary.rows, summary.events);
    double[] center = new double[p];
    double[] scale = new double[p];
    for (int j = 0; j < p; j++) {
      CoxModelFrame.requireVariance(names.get(j), summary.constant(j), strata > 1 && summary.constantWithinStrata(j));
      if (!summary.zeroOne[j]) {
        center[j] = summary.sum[j] / summary.rows;
      }
    }
    double[] absSum = rows.fold(new CoxFolds.Deviations(center)).absSum;
    for (int j = 0; j < p; j++) {
      scale[j] = summary.zeroOne[j] ? 1 : CoxData.scale(summary.rows, absSum[j]);
    }
    double[] rawTimes = summary.distinctTimes();
    int[] block = new int[rawTimes.length];
    double[] distinct = config.timeFix() ? CoxData.fixTimes(rawTimes, block) : CoxData.identity(rawTimes, block);
    CoxFolds.Layout layout = new CoxFolds.Layout(p, strata, center, scale, rawTimes, block, distinct.length);
    CoxModelFit fit = CoxModelFit.of(new FoldedCoxInputs(rows, layout), names, config);

    List<Warning> warnings = new ArrayList<>(fit.warnings);
    if (config.variance() == Variance.MODEL_BASED && rows.clustered()) {
      warnings.add(CLUSTER_IGNORED);
    }
    double[][] variance = fit.naive;
    Optional<HypothesisTest> robustScore = Optional.empty();
    OptionalInt clusters = OptionalInt.empty();
    if (robust) {
      ClusterSums atFit = rows.clusterSums(FoldedResiduals.at(rows, layout, config.ties(), fit.outcome.beta(),
          summary.rows).times(fit.naive), p);
      variance = atFit.crossProducts(); // D'D
      robustScore = Optional.of(CoxSummaries.robustScoreTest(
          rows.clusterSums(FoldedResiduals.at(rows, layout, config.ties(), new double[p], summary.rows), p), config.cholTolerance()));
      if (rows.clustered()) {
        clusters = OptionalInt.of(Math.toIntExact(atFit.clusters()));
      }
    }
    if (config.concordance()) {
      warnings.add(Warning.of("concordance-not-computed", "the concordance compares the rows pair by pair and is "
          + "not computed where the rows are reached through folds (on Spark)"));
    }
    Optional<ProportionalHazardsTest> zph = Optional.empty();
    if (config.proportionalHazardsTest()) {
      double[] beta = fit.outcome.beta();
      double shift = CoxFolds.overflowShift(rows, layout, beta, summary.rows);
      zph = CoxSummaries.proportionalHazards(names,
          ZphComputation.compute(rows.fold(new CoxFolds.BlockSums(layout, beta, shift)), config.ties()), warnings);
    }
    return new Fitted(config.ties(), CoxSummaries.terms(config, names, robust, fit, variance),
        CovarianceMatrix.of(names, variance),
        robust ? Optional.of(CovarianceMatrix.of(names, fit.naive)) : Optional.empty(), fit.outcome.loglikInit(),
        fit.outcome.loglik(), CoxSummaries.likelihoodRatio(fit), CoxSummaries.wald(config, fit, variance),
        CoxSummaries.score(fit), robustScore, Optional.empty(), zph, fit.outcome.iterations(),
        fit.outcome.converged(), Math.toIntExact(summary.rows), Math.toIntExact(summary.events), clusters,
        config.confLevel(), warnings);
  }

  /** The value of a computation run beside this thread, its exception as thrown there. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Fits; see {@link CoxPh#fit(SurvivalSample)} and {@link CoxPh#fit(SurvivalSample, double[])}.
   *
   * @param weights case weights, one per row, or {@code null} for none
   * @param starts the start of each row's interval (counting-process rows), or {@code null}
   */
  public static Fitted fit(CoxPh config, SurvivalSample sample, double[] weights, double[] starts) {
    CoxModelFrame frame = CoxModelFrame.of(config, sample, weights, starts);
    // the robust score test is taken at coefficients zero, so it needs no fit: its score residuals
    // (as long to compute as the variance's) are found beside the fit, on another core where there
    // is one; the frame's data are not written after it is built
    CompletableFuture<Optional<HypothesisTest>> robustScoreAtZero = frame.robust
        ? CompletableFuture.supplyAsync(() -> CoxSummaries.robustScore(config, frame))
        : CompletableFuture.completedFuture(Optional.empty());
    CoxModelFit fit = CoxModelFit.of(frame.data.inputs(), frame.names, config);

    List<Warning> warnings = new ArrayList<>(fit.warnings);
    if (frame.clusterIgnored) {
      warnings.add(CLUSTER_IGNORED);
    }
    double[][] variance = CoxSummaries.variance(config, frame, fit);
    Optional<HypothesisTest> robustScore = joined(robustScoreAtZero);
    List<CoxTerm> terms = CoxSummaries.terms(config, frame.names, frame.robust, fit, variance);
    HypothesisTest likelihoodRatio = CoxSummaries.likelihoodRatio(fit);
    HypothesisTest wald = CoxSummaries.wald(config, fit, variance);
    HypothesisTest score = CoxSummaries.score(fit);
    Optional<Concordance> concordance = CoxSummaries.concordance(config, frame, fit, warnings);
    Optional<ProportionalHazardsTest> zph = CoxSummaries.proportionalHazards(config, frame, fit, warnings);

    return new Fitted(config.ties(), terms, CovarianceMatrix.of(frame.names, variance),
        frame.robust ? Optional.of(CovarianceMatrix.of(frame.names, fit.naive)) : Optional.empty(),
        fit.outcome.loglikInit(), fit.outcome.loglik(), likelihoodRatio, wald, score, robustScore, concordance, zph,
        fit.outcome.iterations(), fit.outcome.converged(), frame.n, frame.nEvent, frame.clustersUsed(),
        config.confLevel(), warnings);
  }
}
