package org.outcome.stats.survival.cox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;

/**
 * A fitted Cox proportional hazards model: every component R's {@code summary(coxph)} and
 * {@code cox.zph} report, kept raw. Printing it is the caller's business.
 *
 * <p>As an {@link AnalysisResult} the primary {@link #estimate()} is the hazard ratio of the
 * <em>first</em> term (put the exposure, for example the peer-support group, first) with its
 * confidence interval, and the primary {@link #test()} is that term's Wald z test.
 *
 * @param ties the ties method used
 * @param terms one line per covariate, in the model's order
 * @param variance the variance of the coefficients behind {@code se}: robust when
 *     {@code naiveVariance} is present, else the inverse information (R's generalized inverse:
 *     a zero row and column for a covariate whose information vanished while fitting)
 * @param naiveVariance the model-based variance (inverse information), present when
 *     {@code variance} is robust
 * @param loglikNull the log partial likelihood at coefficients zero
 * @param loglik the log partial likelihood at the estimates
 * @param likelihoodRatio {@code 2 (loglik - loglikNull)} on p degrees of freedom
 * @param wald {@code b' V^-1 b} with {@code V = variance} (robust when robust), p degrees of freedom
 * @param score the score (log-rank) test at coefficients zero, model-based, p degrees of freedom
 * @param robustScore the robust score test (R's {@code rscore}), present with the robust variance
 * @param concordance Harrell's concordance, present when asked for and defined
 * @param proportionalHazards the {@code cox.zph} test, present when asked for and computable
 * @param iterations Newton–Raphson iterations used (the limit when it did not converge, where R
 *     reports the limit plus one)
 * @param converged whether R's convergence rule was met within the iterations allowed
 * @param n the number of rows used
 * @param nEvent the number of events
 * @param clusters the number of clusters (with at least one row) behind a robust variance, when it
 *     used a cluster column
 * @param confLevel the confidence level of the hazard-ratio intervals
 * @param warnings every warning raised: a coefficient that may be infinite (monotone likelihood),
 *     a covariate whose information vanished while fitting, no convergence, an ignored cluster
 *     column, a statistic that could not be computed
 */
public record CoxResult(
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
    List<Warning> warnings) implements AnalysisResult {

  public CoxResult {
    Objects.requireNonNull(ties, "ties");
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a Cox model has at least one term");
    }
    Objects.requireNonNull(variance, "variance");
    Objects.requireNonNull(naiveVariance, "naiveVariance");
    Objects.requireNonNull(likelihoodRatio, "likelihoodRatio");
    Objects.requireNonNull(wald, "wald");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(robustScore, "robustScore");
    Objects.requireNonNull(concordance, "concordance");
    Objects.requireNonNull(proportionalHazards, "proportionalHazards");
    Objects.requireNonNull(clusters, "clusters");
    warnings = List.copyOf(warnings);
  }

  /** Whether the standard errors, z, p, intervals and Wald test use the robust variance. */
  public boolean robust() {
    return naiveVariance.isPresent();
  }

  /** The term of a covariate, by name. */
  public Optional<CoxTerm> term(String name) {
    return terms.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The coefficients, in term order (a fresh array). */
  public double[] coefficients() {
    return terms.stream().mapToDouble(CoxTerm::coef).toArray();
  }

  @Override
  public String method() {
    String name = "Cox proportional hazards, " + (ties == Ties.EFRON ? "Efron" : "Breslow") + " ties";
    if (!robust()) {
      return name;
    }
    return name + ", robust variance" + (clusters.isPresent() ? " (" + clusters.getAsInt() + " clusters)" : "");
  }

  @Override
  public long nUsed() {
    return n;
  }

  /** The hazard ratio of the first term with its confidence interval. */
  @Override
  public Optional<Estimate> estimate() {
    CoxTerm first = terms.get(0);
    return Optional.of(Estimate.of("hazard ratio (" + first.name() + ")", first.hazardRatio(),
        first.hazardRatioInterval()));
  }

  /** The Wald z test of the first term. */
  @Override
  public Optional<HypothesisTest> test() {
    CoxTerm first = terms.get(0);
    return Optional.of(HypothesisTest.of("z", first.z(), first.p()));
  }
}
