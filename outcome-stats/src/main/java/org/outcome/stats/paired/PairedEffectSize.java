package org.outcome.stats.paired;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.EffectSizes;
import org.outcome.stats.internal.Moments;

/**
 * Standardized mean change for a before-and-after design, with confidence intervals. Immutable.
 *
 * <p>With {@code n} pairs, mean difference {@code m} (after − before), standard deviation of the
 * differences {@code s_diff} and of the before and after scores {@code s_1}, {@code s_2}:
 * <ul>
 *   <li>Cohen's {@code d_z = m / s_diff} (Cohen 1988, section 2.3.5; Lakens 2013, eq. 6). Its
 *       interval is exact under normality: {@code d_z sqrt(n)} is the paired t statistic, which is
 *       noncentral t on {@code n - 1} df with noncentrality {@code delta_z sqrt(n)}; the limits for
 *       the noncentrality (pivoting R's {@code pt(t, df, ncp)}) divided by {@code sqrt(n)} are the
 *       limits for {@code delta_z} (Steiger and Fouladi 1997; Cumming and Finch 2001).
 *   <li>Cohen's {@code d_av = m / ((s_1 + s_2) / 2)} (Cumming 2012; Lakens 2013, eq. 10), which is
 *       on the scale of the scores rather than of the change. Its interval is approximate: the
 *       noncentral-t limits for the paired t converted with the observed ratio
 *       {@code s_diff / ((s_1 + s_2) / 2)}, that is, treating that ratio as known. No exact
 *       interval exists for {@code d_av}.
 *   <li>Hedges' {@code g_z = J d_z} and {@code g_av = J d_av} with the exact correction
 *       {@code J = J(n - 1)} (Hedges 1981); their intervals are J times those of d.
 *       Hedges' g needs at least three pairs (J(1) = 0); with two it is absent, with a warning.
 * </ul>
 *
 * <p>Degenerate data: fewer than two pairs, or differences that are all equal ({@code s_diff = 0},
 * d_z infinite) or essentially so (the paired t-test's rule, R's "data are essentially constant"):
 * {@link DegenerateDataException}. For very large effects with few pairs (|t| beyond about 37
 * with few degrees of freedom) R's noncentral t function is not accurate; the intervals are then
 * absent, with an {@code interval-unavailable} warning, rather than wrong.
 */
public final class PairedEffectSize {
  private static final PairedEffectSize DEFAULT = new PairedEffectSize(0.95);

  private final double confLevel;

  private PairedEffectSize(double confLevel) {
    this.confLevel = confLevel;
  }

  /** 95% confidence intervals. */
  public static PairedEffectSize withDefaults() {
    return DEFAULT;
  }

  /** Another confidence level, in (0, 1). */
  public PairedEffectSize withConfLevel(double value) {
    return new PairedEffectSize(Arguments.confLevel(value));
  }

  /**
   * Computes the effect sizes.
   *
   * @throws DegenerateDataException with fewer than two pairs or constant differences
   */
  public Result compute(PairedSample sample) {
    int n = sample.size();
    return run(Moments.of(sample::difference, n), Moments.of(sample::before, n), Moments.of(sample::after, n));
  }

  /**
   * Computes the effect sizes from a summary of the pairs (for example one computed on a
   * cluster); the numbers are those of {@link #compute(PairedSample)} on the pairs, to rounding
   * error when the summary was merged from parts.
   *
   * @throws DegenerateDataException with fewer than two pairs or constant differences
   */
  public Result compute(PairedSummary summary) {
    return run(Moments.of(summary.differences()), Moments.of(summary.before()), Moments.of(summary.after()));
  }

  /**
   * The before–after correlation from the three variances, {@code (s_b² + s_a² − s_d²) / (2 s_b s_a)},
   * the form a summary allows; NaN when either score is constant to rounding error (R's {@code cor}
   * warns and gives NA for a constant; here a rounding-level spread would otherwise give any value,
   * even an infinite one), and kept inside [−1, 1] where rounding carries it just past.
   */
  private static double correlation(Moments before, Moments after, Moments diff) {
    if (before.essentiallyConstant() || after.essentiallyConstant()) {
      return Double.NaN;
    }
    double r = (before.variance() + after.variance() - diff.variance()) / (2 * before.sd() * after.sd());
    return Math.max(-1, Math.min(1, r));
  }

  private Result run(Moments diff, Moments before, Moments after) {
    long n = diff.n();
    if (n < 2) {
      throw new DegenerateDataException("an effect size needs at least two pairs; there are " + n,
          "collect follow-up for more people");
    }
    double sdDiff = diff.sd();
    if (!(sdDiff > 0) || !Double.isFinite(sdDiff)) {
      throw new DegenerateDataException("all " + n + " differences are equal (zero variance), so d_z is undefined",
          "report the common change in the scores' own units instead of a standardized one");
    }
    if (diff.essentiallyConstant()) {
      throw new DegenerateDataException("the " + n + " differences are essentially constant (they differ only in "
          + "rounding of the last binary digits), so d_z is undefined",
          "report the common change in the scores' own units instead of a standardized one");
    }
    double sdAverage = (before.sd() + after.sd()) / 2;
    double dz = diff.mean() / sdDiff;
    double dav = diff.mean() / sdAverage;
    double t = dz * Math.sqrt(n);
    double df = n - 1.0;
    Optional<ConfidenceInterval> dzInterval = EffectSizes.noncentralInterval(t, df, 1 / Math.sqrt(n), confLevel);
    Optional<ConfidenceInterval> davInterval =
        EffectSizes.noncentralInterval(t, df, sdDiff / (Math.sqrt(n) * sdAverage), confLevel);
    List<Warning> warnings = new ArrayList<>();
    if (dzInterval.isEmpty()) {
      warnings.add(EffectSizes.intervalUnavailable("d_z, d_av and g", t, df));
    }
    Optional<Estimate> gz = Optional.empty();
    Optional<Estimate> gav = Optional.empty();
    double j = Double.NaN;
    if (df > 1) {
      j = EffectSizes.hedgesCorrection(df);
      gz = Optional.of(new Estimate("Hedges' g_z", j * dz, EffectSizes.scale(dzInterval, j)));
      gav = Optional.of(new Estimate("Hedges' g_av", j * dav, EffectSizes.scale(davInterval, j)));
    } else {
      warnings.add(Warning.of("hedges-g-undefined", "Hedges' g needs at least three pairs; only d is reported"));
    }
    double correlation = correlation(before, after, diff);
    return new PairedEffectSizeResult(n, diff.mean(), sdDiff, before.sd(), after.sd(), correlation,
        new Estimate("Cohen's d_z", dz, dzInterval), new Estimate("Cohen's d_av", dav, davInterval),
        gz, gav, j, warnings);
  }

  /**
   * The paired effect sizes.
   *
   * <p>Only {@link #compute} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits PairedEffectSizeResult {
    /** The number of pairs. */
    long n();

    /** The mean of after − before. */
    double meanDifference();

    /** The standard deviation of the differences. */
    double sdDifference();

    /** The standard deviation of the before scores. */
    double sdBefore();

    /** The standard deviation of the after scores. */
    double sdAfter();

    /** The before–after correlation, in [−1, 1]; NaN when either score is constant (to rounding error). */
    double correlation();

    /** Cohen's d_z with its exact interval (absent, with a warning, where it cannot be computed reliably). */
    Estimate dz();

    /** Cohen's d_av with its approximate interval (likewise). */
    Estimate dav();

    /** Hedges' g_z, with at least three pairs. */
    Optional<Estimate> gz();

    /** Hedges' g_av, with at least three pairs. */
    Optional<Estimate> gav();

    /** The factor J(n - 1), NaN with two pairs. */
    double hedgesCorrection();
  }

  /** The one implementation of {@link Result}. */
  private record PairedEffectSizeResult(long n, double meanDifference, double sdDifference, double sdBefore,
      double sdAfter, double correlation, Estimate dz, Estimate dav, Optional<Estimate> gz, Optional<Estimate> gav,
      double hedgesCorrection, List<Warning> warnings) implements Result {
    PairedEffectSizeResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Standardized mean change (Cohen's d_z, d_av; Hedges' g)";
    }

    @Override
    public long nUsed() {
      return n;
    }

    /** Cohen's d_z, whose interval is exact. */
    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(dz);
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.empty();
    }
  }
}
