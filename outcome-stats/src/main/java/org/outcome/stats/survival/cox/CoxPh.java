package org.outcome.stats.survival.cox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.survival.cox.internal.CoxEngine;

/**
 * The Cox proportional hazards model, configured: an immutable options object (R's
 * {@code coxph(...)} arguments and {@code coxph.control()}) whose {@link #fit(SurvivalSample)}
 * returns a {@link CoxPh.Result} equal to R survival 3.5-3's.
 *
 * <pre>{@code
 * CoxPh.Result fit = CoxPh.withDefaults().withTies(Ties.BRESLOW).fit(sample);
 * double hr = fit.term("peer").orElseThrow().hazardRatio();
 * }</pre>
 *
 * <h2>The model</h2>
 * The sample's covariates are the model's terms, in order; when the sample also has a group
 * column it enters first, coded as R codes a factor (an indicator for each level after the first,
 * named {@code "group" + level}). The sample's strata give separate baseline hazards (R's
 * {@code strata()}); its cluster column, with {@link Variance#AUTOMATIC}, a robust variance
 * (R's {@code cluster()}). Times equal within {@code sqrt(double epsilon)} are treated as tied
 * first, as R's {@code timefix} does ({@link #withTimeFix(boolean)}).
 *
 * <h2>Fitting</h2>
 * Newton–Raphson from zero with step halving; it stops when the relative change of the log
 * partial likelihood {@code |1 - old/new|} is at most {@link #convergenceTolerance()} (R's
 * {@code eps}, 1e-9), or after {@link #maxIterations()} (R's {@code iter.max}, 20). Each iteration is
 * one pass over the rows sorted once by stratum and time: O(n p^2). A column of the information
 * matrix whose Cholesky pivot falls below {@link #cholTolerance()} times its largest diagonal (R's
 * {@code toler.chol}, {@code .Machine$double.eps^0.75}) is singular: at the start this means a
 * covariate with no variance or covariates that are collinear, and the fit stops with a
 * {@link org.outcome.api.DegenerateDataException} naming them (R would report the coefficient as
 * NA); during the iterations R's generalized inverse is used, as R does.
 *
 * <p>When the fit converges but a coefficient's last step {@code |(V u)_j|} still exceeds both
 * {@code eps} and {@link #infiniteTolerance()} (R's {@code toler.inf}, {@code sqrt(eps)}) times
 * {@code |coef_j|}, the likelihood is monotone in it: the result carries the warning R gives,
 * "Loglik converged before variable ...; coefficient may be infinite", naming the covariate (for
 * counting-process rows R's {@code agreg.fit} rule: {@code |(V u)_j| > toler.inf (1 + |coef_j|)}).
 * When the information of a coefficient vanishes while fitting (its pivot falls below the
 * singularity tolerance where the iterations stop, though not at the start), the coefficient
 * diverges: R keeps the fit, reporting the coefficient as NA when it converged. Whether that pivot
 * test fires depends on the point of the divergent path the iterations stopped at, so on rounding
 * and even on the order of the rows; the fit is therefore never refused for it. The result carries
 * a warning ({@code information-vanished}) naming the covariate, whose standard error is reported as
 * infinite (z = 0, p = 1, hazard-ratio interval [0, ∞]) rather than as the 0 of R's generalized
 * inverse.
 *
 * <h2>When the iterations run out</h2>
 * A fit that has not converged after {@link #maxIterations()} is returned, with the
 * {@code did-not-converge} warning unless one iteration was asked for (R is silent then: one
 * Newton step, not convergence, was wanted) (and {@code coefficients-may-be-infinite} when R would add "one
 * or more coefficients may be infinite": a linear predictor above 500, or a non-finite
 * {@code |u'V|}), and every number is the one R 3.5-3 reports for it, though they describe where
 * the iterations stopped, not a maximum:
 * <ul>
 *   <li>right-censored rows (R's {@code coxfit6.c}): the last accepted coefficients, their log
 *       likelihood, {@code iterations = maxIterations + 1}, and as model-based variance
 *       {@code 1 / I_jj} on the diagonal and 0 elsewhere: R recomputes the information there and
 *       hands it to {@code chinv2} without factoring it first, and {@code chinv2} takes its
 *       diagonal for the pivots and its lower triangle, left at zero, for a unit Cholesky factor.
 *       With {@code maxIterations = 1} R recomputes nothing: the variance is the generalized
 *       inverse of the information at the one step taken, even when that step was rejected and
 *       the coefficients are zero (R gives no warning then; this still warns);
 *   <li>counting-process rows (R's {@code agfit4.c}, whose iterations also count a change of the
 *       information's rank after {@code toler.chol} as a failed step and never stop right after a
 *       halved one): the last proposal with the generalized inverse of its information, unless its
 *       log likelihood is below the best by more than {@code eps} relatively (then the best
 *       point's), and {@code iterations = maxIterations}; R's only warning is that it did not
 *       converge.
 * </ul>
 * The robust variance (the dfbeta residuals times that variance), the standard errors, z, p, the
 * intervals and the Wald test follow from it as in R. A variance diagonal that is not positive
 * (R's would be 0 or negative) counts as vanished information, as above.
 */
public final class CoxPh {
  private static final double DEFAULT_EPS = 1e-9;
  private static final double DEFAULT_TOLER_CHOL = Math.pow(Math.ulp(1.0), 0.75);

  private final Ties ties;
  private final int maxIterations;
  private final double eps;
  private final double tolerChol;
  private final OptionalDouble tolerInf;
  private final Variance variance;
  private final double confLevel;
  private final boolean concordance;
  private final boolean proportionalHazardsTest;
  private final boolean timeFix;

  private CoxPh(Ties ties, int maxIterations, double eps, double tolerChol, OptionalDouble tolerInf,
      Variance variance, double confLevel, boolean concordance, boolean proportionalHazardsTest, boolean timeFix) {
    this.ties = ties;
    this.maxIterations = maxIterations;
    this.eps = eps;
    this.tolerChol = tolerChol;
    this.tolerInf = tolerInf;
    this.variance = variance;
    this.confLevel = confLevel;
    this.concordance = concordance;
    this.proportionalHazardsTest = proportionalHazardsTest;
    this.timeFix = timeFix;
  }

  /**
   * R's defaults: Efron ties, 20 iterations, {@code eps = 1e-9}, {@code toler.chol =
   * .Machine$double.eps^0.75}, {@code toler.inf = sqrt(eps)}, automatic variance, 95% intervals,
   * time fix on; concordance and the proportional-hazards test computed.
   */
  public static CoxPh withDefaults() {
    return new CoxPh(Ties.EFRON, 20, DEFAULT_EPS, DEFAULT_TOLER_CHOL, OptionalDouble.empty(), Variance.AUTOMATIC,
        0.95, true, true, true);
  }

  /** This configuration with another ties method. */
  public CoxPh withTies(Ties newTies) {
    return new CoxPh(Arguments.option(newTies, "ties"), maxIterations, eps, tolerChol, tolerInf, variance,
        confLevel, concordance, proportionalHazardsTest, timeFix);
  }

  /**
   * This configuration with another iteration limit (R's {@code iter.max}); 0 returns the
   * coefficients zero with the information there.
   *
   * @throws IllegalArgumentException if negative
   */
  public CoxPh withMaxIterations(int iterations) {
    Arguments.nonNegative(iterations, "the iteration limit");
    return new CoxPh(ties, iterations, eps, tolerChol, tolerInf, variance, confLevel, concordance,
        proportionalHazardsTest, timeFix);
  }

  /**
   * This configuration with another convergence tolerance (R's {@code eps}).
   *
   * @throws IllegalArgumentException unless positive and finite
   */
  public CoxPh withConvergenceTolerance(double tolerance) {
    Arguments.positive(tolerance, "convergence tolerance");
    return new CoxPh(ties, maxIterations, tolerance, tolerChol, tolerInf, variance, confLevel, concordance,
        proportionalHazardsTest, timeFix);
  }

  /**
   * This configuration with another singularity tolerance for the information matrix (R's
   * {@code toler.chol}).
   *
   * @throws IllegalArgumentException unless positive and finite
   */
  public CoxPh withCholTolerance(double tolerance) {
    Arguments.positive(tolerance, "Cholesky tolerance");
    return new CoxPh(ties, maxIterations, eps, tolerance, tolerInf, variance, confLevel, concordance,
        proportionalHazardsTest, timeFix);
  }

  /**
   * This configuration with another tolerance for the infinite-coefficient warning (R's
   * {@code toler.inf}; by default {@code sqrt} of the convergence tolerance).
   *
   * @throws IllegalArgumentException unless positive and finite
   */
  public CoxPh withInfiniteTolerance(double tolerance) {
    Arguments.positive(tolerance, "infinite-coefficient tolerance");
    return new CoxPh(ties, maxIterations, eps, tolerChol, OptionalDouble.of(tolerance), variance, confLevel,
        concordance, proportionalHazardsTest, timeFix);
  }

  /** This configuration with another choice of variance. */
  public CoxPh withVariance(Variance newVariance) {
    return new CoxPh(ties, maxIterations, eps, tolerChol, tolerInf, Arguments.option(newVariance, "variance"),
        confLevel, concordance, proportionalHazardsTest, timeFix);
  }

  /**
   * This configuration with another confidence level for the hazard-ratio intervals.
   *
   * @throws IllegalArgumentException unless in (0, 1)
   */
  public CoxPh withConfLevel(double level) {
    Arguments.confLevel(level);
    return new CoxPh(ties, maxIterations, eps, tolerChol, tolerInf, variance, level, concordance,
        proportionalHazardsTest, timeFix);
  }

  /** This configuration with or without the concordance (O(n log n); on by default). */
  public CoxPh withConcordance(boolean compute) {
    return new CoxPh(ties, maxIterations, eps, tolerChol, tolerInf, variance, confLevel, compute,
        proportionalHazardsTest, timeFix);
  }

  /** This configuration with or without the {@code cox.zph} test (one more linear pass; on by default). */
  public CoxPh withProportionalHazardsTest(boolean compute) {
    return new CoxPh(ties, maxIterations, eps, tolerChol, tolerInf, variance, confLevel, concordance, compute,
        timeFix);
  }

  /** This configuration with or without R's {@code timefix} merging of nearly equal times (on by default). */
  public CoxPh withTimeFix(boolean fix) {
    return new CoxPh(ties, maxIterations, eps, tolerChol, tolerInf, variance, confLevel, concordance,
        proportionalHazardsTest, fix);
  }

  /**
   * Fits the model.
   *
   * @throws org.outcome.api.InvalidInputException if the sample has no covariate and no group
   * @throws org.outcome.api.DegenerateDataException with no rows, no events, a covariate without
   *     variance (overall, within every stratum, or among the rows at risk at every event time),
   *     collinear covariates (naming them), or coefficients diverging so far that the risk scores
   *     overflow
   */
  public Result fit(SurvivalSample sample) {
    return result(CoxEngine.fit(this, Objects.requireNonNull(sample, "sample"), null, null));
  }

  /**
   * Fits the model with case weights, as R's {@code coxph(..., weights = w)}: each row's
   * contributions to the log partial likelihood, its score and information are multiplied by its
   * weight (with Efron's ties, a tied time's events share their mean weight, as R does), and the
   * covariates are centred at their weighted means. Weights from a propensity score (IPTW, overlap,
   * matching) make this the adjusted hazard ratio of {@link org.outcome.stats.balance}'s designs.
   *
   * <p>With {@link Variance#AUTOMATIC} the variance is robust when the sample has a cluster column
   * or when any weight is not a whole number (R's rule): the sandwich of the score residuals times
   * the weights, summed within clusters (each row its own without one), which is what
   * {@code coxph(..., weights = w, robust = TRUE)} reports. Whole-number weights with the
   * model-based variance are frequency weights: with Breslow's ties a weight of k is k copies of
   * the row. The concordance and the {@code cox.zph} test are not computed for a weighted model
   * (each is absent with a warning saying so).
   *
   * @param weights one positive finite case weight per row of the sample (not kept)
   * @throws org.outcome.api.InvalidInputException as {@link #fit(SurvivalSample)}, or if the
   *     weights are not one per row or one is not a positive finite number (naming its row, from 1;
   *     R refuses such weights too)
   * @throws org.outcome.api.DegenerateDataException as {@link #fit(SurvivalSample)}
   */
  public Result fit(SurvivalSample sample, double[] weights) {
    return result(CoxEngine.fit(this, Objects.requireNonNull(sample, "sample"),
        Objects.requireNonNull(weights, "weights").clone(), null));
  }

  /**
   * Fits the model to counting-process rows {@code (start, stop]}, as R's
   * {@code coxph(Surv(start, stop, event) ~ ..., cluster = id)}: the Andersen–Gill model of
   * recurrent events when each person has a row per interval between events. A row is in the risk
   * set of the event times {@code t} with {@code start < t <= stop}; everything else (ties, the
   * time fix over start and stop times together, the convergence rule) is as
   * {@link #fit(SurvivalSample)}, except that the iterations are R's {@code agfit4.c}'s (see
   * "When the iterations run out" in {@link CoxPh}). With {@link Variance#AUTOMATIC} the variance
   * is robust, clustered on the person, when the sample has an id (R's {@code cluster(id)}): the
   * model-based variance treats a person's intervals as independent, which recurrent events are
   * not. The concordance and {@code cox.zph} are not computed for such rows (each is absent with a
   * warning).
   *
   * <p>Stratifying by the event number (the interval's position in its person's history) gives the
   * Prentice–Williams–Peterson total-time model; with each interval's clock restarted at zero, its
   * gap-time model ({@code org.outcome.stats.survival.recurrent.RecurrentEvents} builds both).
   *
   * @throws org.outcome.api.InvalidInputException as {@link #fit(SurvivalSample)}, or if the time
   *     fix makes a start equal to its stop
   * @throws org.outcome.api.DegenerateDataException as {@link #fit(SurvivalSample)}
   */
  public Result fit(CountingProcessSample sample) {
    Objects.requireNonNull(sample, "sample");
    return result(CoxEngine.fit(this, sample.atStop(), null, sample.starts()));
  }

  /**
   * Fits the model to counting-process rows with case weights: {@link #fit(CountingProcessSample)}
   * with the weights of {@link #fit(SurvivalSample, double[])}.
   *
   * @param weights one positive finite case weight per row (not kept)
   */
  public Result fit(CountingProcessSample sample, double[] weights) {
    Objects.requireNonNull(sample, "sample");
    return result(CoxEngine.fit(this, sample.atStop(), Objects.requireNonNull(weights, "weights").clone(),
        sample.starts()));
  }

  /**
   * Fits the model to rows held elsewhere (a Spark dataset, a database), reached only by folds
   * (see {@link CoxRows}): the same Newton–Raphson, checks, coefficients, model-based variance and
   * tests as {@link #fit(SurvivalSample)} on the same rows, equal to it up to the order in which
   * floating-point sums are added. Each iteration is one fold over the rows; two more come
   * before (counts and distinct times; the covariates' scaling) and two after a fit that ran out
   * of more than one iteration (the information at the coefficients returned, and the largest
   * linear predictor, for R's infinite-coefficient warning).
   *
   * <p>The robust variance (asked for, or automatic when the rows have a cluster column) takes two
   * more folds and two {@link CoxRows#clusterSums} passes (the score residuals at the estimates and
   * at zero, for the robust score test); it is refused when the rows do not provide
   * {@code clusterSums}. The {@code cox.zph} test takes two more folds (the per-time sums at the
   * estimates). Not computed from folds: Harrell's concordance, which compares rows pair by pair
   * (absent, with a warning saying so when this configuration asks for it).
   *
   * @throws UnsupportedOperationException if the robust variance is due and the rows cannot be
   *     summed by cluster
   * @throws org.outcome.api.InvalidInputException if a fold saw a time below 0 or a value that is
   *     not a finite number, or there is nothing to model
   * @throws org.outcome.api.DegenerateDataException as {@link #fit(SurvivalSample)}
   */
  public Result fit(CoxRows rows) {
    return result(CoxEngine.fit(this, Objects.requireNonNull(rows, "rows")));
  }

  private static Result result(CoxEngine.Fitted f) {
    return new CoxResult(f.ties(), f.terms(), f.variance(), f.naiveVariance(), f.loglikNull(), f.loglik(),
        f.likelihoodRatio(), f.wald(), f.score(), f.robustScore(), f.concordance(), f.proportionalHazards(),
        f.iterations(), f.converged(), f.n(), f.nEvent(), f.clusters(), f.confLevel(), f.warnings());
  }

  /** The ties method. */
  public Ties ties() {
    return ties;
  }

  /** The iteration limit (R's {@code iter.max}). */
  public int maxIterations() {
    return maxIterations;
  }

  /** The convergence tolerance (R's {@code eps}). */
  public double convergenceTolerance() {
    return eps;
  }

  /** The singularity tolerance (R's {@code toler.chol}). */
  public double cholTolerance() {
    return tolerChol;
  }

  /** The infinite-coefficient tolerance (R's {@code toler.inf}): as set, else {@code sqrt(eps)}. */
  public double infiniteTolerance() {
    return tolerInf.orElse(Math.sqrt(eps));
  }

  /** The variance choice. */
  public Variance variance() {
    return variance;
  }

  /** The confidence level of the intervals. */
  public double confLevel() {
    return confLevel;
  }

  /** Whether the concordance is computed. */
  public boolean concordance() {
    return concordance;
  }

  /** Whether the proportional-hazards test is computed. */
  public boolean proportionalHazardsTest() {
    return proportionalHazardsTest;
  }

  /** Whether nearly equal times are merged first. */
  public boolean timeFix() {
    return timeFix;
  }

  @Override
  public String toString() {
    return "CoxPh[ties=" + ties + ", maxIterations=" + maxIterations + ", eps=" + eps + ", tolerChol=" + tolerChol
        + ", tolerInf=" + infiniteTolerance() + ", variance=" + variance + ", confLevel=" + confLevel
        + ", concordance=" + concordance + ", zph=" + proportionalHazardsTest + ", timeFix=" + timeFix + "]";
  }

  /**
   * A fitted Cox proportional hazards model: every component R's {@code summary(coxph)} and
   * {@code cox.zph} report, kept raw. Printing it is the caller's business.
   *
   * <p>As an {@link AnalysisResult} the primary {@link #estimate()} is the hazard ratio of the
   * <em>first</em> term (put the exposure, for example the peer-support group, first) with its
   * confidence interval, and the primary {@link #test()} is that term's Wald z test. Its
   * {@link #warnings()} are every warning raised: a coefficient that may be infinite (monotone
   * likelihood), a covariate whose information vanished while fitting, no convergence, an ignored
   * cluster column, a statistic that could not be computed.
   *
   * <p>Only {@link #fit} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits CoxResult {
    /** The ties method used. */
    Ties ties();

    /** One line per covariate, in the model's order. */
    List<CoxTerm> terms();

    /**
     * The variance of the coefficients behind {@code se}: robust when {@code naiveVariance} is
     * present, else the inverse information (R's generalized inverse: a zero row and column for a
     * covariate whose information vanished while fitting). When the iterations ran out it is what
     * R reports then (see {@link CoxPh}): for right-censored rows the reciprocal of each diagonal
     * element of the information, zero off the diagonal.
     */
    CovarianceMatrix variance();

    /**
     * The model-based variance (inverse information, or R's stand-in for it when the iterations ran
     * out), present when {@code variance} is robust.
     */
    Optional<CovarianceMatrix> naiveVariance();

    /** The log partial likelihood at coefficients zero. */
    double loglikNull();

    /** The log partial likelihood at the estimates. */
    double loglik();

    /** {@code 2 (loglik - loglikNull)} on p degrees of freedom. */
    HypothesisTest likelihoodRatio();

    /** {@code b' V^-1 b} with {@code V = variance} (robust when robust), p degrees of freedom. */
    HypothesisTest wald();

    /** The score (log-rank) test at coefficients zero, model-based, p degrees of freedom. */
    HypothesisTest score();

    /** The robust score test (R's {@code rscore}), present with the robust variance. */
    Optional<HypothesisTest> robustScore();

    /** Harrell's concordance, present when asked for and defined. */
    Optional<Concordance> concordance();

    /** The {@code cox.zph} test, present when asked for and computable. */
    Optional<ProportionalHazardsTest> proportionalHazards();

    /**
     * The Newton–Raphson iterations as R counts them: when the iterations ran out, the limit plus
     * one for right-censored rows (R's {@code coxfit6.c} loop counter), the limit for
     * counting-process rows ({@code agfit4.c}).
     */
    int iterations();

    /** Whether R's convergence rule was met within the iterations allowed. */
    boolean converged();

    /** The number of rows used. */
    int n();

    /** The number of events. */
    int nEvent();

    /**
     * The number of clusters (with at least one row) behind a robust variance, when it used a
     * cluster column.
     */
    OptionalInt clusters();

    /** The confidence level of the hazard-ratio intervals. */
    double confLevel();

    /** Whether the standard errors, z, p, intervals and Wald test use the robust variance. */
    boolean robust();

    /** The term of a covariate, by name. */
    Optional<CoxTerm> term(String name);

    /** The coefficients, in term order (a fresh array). */
    double[] coefficients();
  }

  /** The one implementation of {@link Result}. */
  private record CoxResult(Ties ties, List<CoxTerm> terms, CovarianceMatrix variance,
      Optional<CovarianceMatrix> naiveVariance, double loglikNull, double loglik, HypothesisTest likelihoodRatio,
      HypothesisTest wald, HypothesisTest score, Optional<HypothesisTest> robustScore,
      Optional<Concordance> concordance, Optional<ProportionalHazardsTest> proportionalHazards, int iterations,
      boolean converged, int n, int nEvent, OptionalInt clusters, double confLevel, List<Warning> warnings)
      implements Result {
    CoxResult {
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
    @Override
    public boolean robust() {
      return naiveVariance.isPresent();
    }

    /** The term of a covariate, by name. */
    @Override
    public Optional<CoxTerm> term(String name) {
      return terms.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The coefficients, in term order (a fresh array). */
    @Override
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
}
