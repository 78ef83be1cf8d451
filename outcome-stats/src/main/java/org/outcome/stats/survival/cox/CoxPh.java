package org.outcome.stats.survival.cox;

import java.util.Objects;
import java.util.OptionalDouble;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.survival.cox.internal.CoxEngine;

/**
 * The Cox proportional hazards model, configured: an immutable options object (R's
 * {@code coxph(...)} arguments and {@code coxph.control()}) whose {@link #fit(SurvivalSample)}
 * returns a {@link CoxResult} equal to R survival 3.5-3's.
 *
 * <pre>{@code
 * CoxResult fit = CoxPh.withDefaults().withTies(Ties.BRESLOW).fit(sample);
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
 * "Loglik converged before variable ...; coefficient may be infinite", naming the covariate.
 * When the information of a coefficient vanishes while fitting (its pivot falls below the
 * singularity tolerance where the iterations stop, though not at the start), the coefficient
 * diverges: R keeps the fit, reporting the coefficient as NA when it converged. Whether that pivot
 * test fires depends on the point of the divergent path the iterations stopped at, so on rounding
 * and even on the order of the rows; the fit is therefore never refused for it. The result carries
 * a warning ({@code information-vanished}) naming the covariate, whose standard error is reported as
 * infinite (z = 0, p = 1, hazard-ratio interval [0, ∞]) rather than as the 0 of R's generalized
 * inverse.
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
  public CoxResult fit(SurvivalSample sample) {
    return CoxEngine.fit(this, Objects.requireNonNull(sample, "sample"));
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
}
