package org.outcome.stats.survival.cox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.Concordance;
import org.outcome.stats.survival.cox.CovarianceMatrix;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.ProportionalHazardsTest;
import org.outcome.stats.survival.cox.Ties;

/**
 * Fits a {@link CoxPh} configuration to a sample in R's three steps (R's {@code coxph.R},
 * {@code coxph.fit.R}, {@code summary.coxph.R}, {@code cox.zph.R}): build and check the inputs
 * ({@link CoxModelFrame}), run Newton–Raphson and the checks that follow it ({@link CoxModelFit}),
 * then derive what is reported after the fit ({@link CoxSummaries}).
 */
public final class CoxEngine {
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

  /** Fits; see {@link CoxPh#fit(SurvivalSample)}. */
  public static Fitted fit(CoxPh config, SurvivalSample sample) {
    CoxModelFrame frame = CoxModelFrame.of(config, sample);
    CoxModelFit fit = CoxModelFit.of(frame, config);

    List<Warning> warnings = new ArrayList<>(fit.warnings);
    if (frame.clusterIgnored) {
      warnings.add(Warning.of("cluster-ignored",
          "the sample has a cluster column but the model-based variance was asked for; the cluster is ignored"));
    }
    double[][] variance = CoxSummaries.variance(config, frame, fit);
    Optional<HypothesisTest> robustScore = CoxSummaries.robustScore(config, frame);
    List<CoxTerm> terms = CoxSummaries.terms(config, frame, fit, variance);
    HypothesisTest likelihoodRatio = CoxSummaries.likelihoodRatio(frame, fit);
    HypothesisTest wald = CoxSummaries.wald(config, frame, fit, variance);
    HypothesisTest score = CoxSummaries.score(frame, fit);
    Optional<Concordance> concordance = CoxSummaries.concordance(config, frame, fit, warnings);
    Optional<ProportionalHazardsTest> zph = CoxSummaries.proportionalHazards(config, frame, fit, warnings);

    return new Fitted(config.ties(), terms, CovarianceMatrix.of(frame.names, variance),
        frame.robust ? Optional.of(CovarianceMatrix.of(frame.names, fit.naive)) : Optional.empty(),
        fit.outcome.loglikInit(), fit.outcome.loglik(), likelihoodRatio, wald, score, robustScore, concordance, zph,
        fit.outcome.iterations(), fit.outcome.converged(), frame.n, frame.nEvent, frame.clustersUsed(),
        config.confLevel(), warnings);
  }
}
