package org.outcome.stats.groups;

import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.GroupedSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.EffectSizes;
import org.outcome.stats.internal.Moments;

/**
 * Cohen's d and Hedges' g for two independent groups (first − second), with confidence
 * intervals. Immutable.
 *
 * <p>{@code d = (m_1 - m_2) / s_p} with the pooled standard deviation
 * {@code s_p = sqrt(((n_1-1)s_1^2 + (n_2-1)s_2^2) / (n_1+n_2-2))} (Cohen 1988, eq. 2.5.2; Hedges
 * 1981). Hedges' {@code g = J d} with the exact correction
 * {@code J = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2))}, {@code df = n_1 + n_2 - 2}.
 *
 * <p>The interval for d is exact under normality and equal variances: Student's t statistic is
 * {@code d / sqrt(1/n_1 + 1/n_2)}, noncentral t on {@code df} with noncentrality
 * {@code delta / sqrt(1/n_1 + 1/n_2)}; the noncentrality limits (pivoting R's
 * {@code pt(t, df, ncp)}) times {@code sqrt(1/n_1 + 1/n_2)} bound delta (Steiger and Fouladi 1997;
 * Cumming and Finch 2001). The interval for g is J times that of d.
 *
 * <p>Degenerate data: a group with no members, fewer than four values in all ({@code df < 2},
 * where J is not defined), or constant data within both groups (also "essentially constant", the
 * t-test's rule) raise {@link DegenerateDataException}. For very large effects with few values
 * the intervals are absent with an {@code interval-unavailable} warning (see
 * {@link org.outcome.stats.paired.PairedEffectSize}).
 */
public final class StandardizedMeanDifference {
  private static final StandardizedMeanDifference DEFAULT =
      new StandardizedMeanDifference(0.95, GroupChoice.levelOrder());

  private final double confLevel;
  private final GroupChoice groups;

  private StandardizedMeanDifference(double confLevel, GroupChoice groups) {
    this.confLevel = confLevel;
    this.groups = groups;
  }

  /** 95% intervals, groups in level order. */
  public static StandardizedMeanDifference withDefaults() {
    return DEFAULT;
  }

  /** Another confidence level. */
  public StandardizedMeanDifference withConfLevel(double value) {
    return new StandardizedMeanDifference(Arguments.confLevel(value), groups);
  }

  /** Other groups, or another order. */
  public StandardizedMeanDifference withGroups(GroupChoice value) {
    return new StandardizedMeanDifference(confLevel, Arguments.option(value, "groups"));
  }

  /** Computes d and g for the chosen groups. */
  public Result compute(GroupedSample sample) {
    GroupChoice.Chosen chosen = groups.resolve(sample);
    return compute(chosen.first(), chosen.x(), chosen.second(), chosen.y());
  }

  /** Computes d and g for two arrays of values, named for the result. */
  public Result compute(String firstName, double[] x, String secondName, double[] y) {
    return run(firstName, Moments.of(x), secondName, Moments.of(y));
  }

  /**
   * Computes d and g from a summary of the two groups (for example one computed on a cluster):
   * the summary's groups, in its order; the numbers are those of {@link #compute(GroupedSample)}
   * on the values, to rounding error when the summary was merged from parts.
   *
   * @throws DegenerateDataException as {@link #compute(GroupedSample)}
   */
  public Result compute(TwoGroupSummary summary) {
    return run(summary.firstLevel(), Moments.of(summary.first()), summary.secondLevel(), Moments.of(summary.second()));
  }

  private Result run(String firstName, Moments mx, String secondName, Moments my) {
    long nx = mx.n();
    long ny = my.n();
    if (nx == 0 || ny == 0) {
      throw new DegenerateDataException("group '" + (nx == 0 ? firstName : secondName) + "' has no members",
          "a group with no members cannot be compared");
    }
    double df = nx + ny - 2.0;
    if (df < 2) {
      throw new DegenerateDataException("a standardized difference needs at least four values in all; there are "
          + (nx + ny), "collect more data");
    }
    double pooledVariance = ((nx > 1 ? (nx - 1) * mx.variance() : 0) + (ny > 1 ? (ny - 1) * my.variance() : 0)) / df;
    double sp = Math.sqrt(pooledVariance);
    if (!(sp > 0) || !Double.isFinite(sp)) {
      throw new DegenerateDataException("the values are constant within both groups (pooled SD 0), so d is undefined",
          "report the difference in the scores' own units");
    }
    double factor = Math.sqrt(1.0 / nx + 1.0 / ny);
    if (sp * factor < 10 * Math.ulp(1.0) * Math.max(Math.abs(mx.mean()), Math.abs(my.mean()))) {
      throw new DegenerateDataException("the values are essentially constant within both groups (they differ only in "
          + "rounding of the last binary digits), so d is undefined", "report the difference in the scores' own units");
    }
    double d = (mx.mean() - my.mean()) / sp;
    Optional<ConfidenceInterval> dInterval = EffectSizes.noncentralInterval(d / factor, df, factor, confLevel);
    List<Warning> warnings = dInterval.isPresent() ? List.of()
        : List.of(EffectSizes.intervalUnavailable("d and g", d / factor, df));
    double j = EffectSizes.hedgesCorrection(df);
    return new StandardizedMeanDifferenceResult(
        new GroupSummary(firstName, nx, mx.mean(), nx > 1 ? mx.sd() : Double.NaN),
        new GroupSummary(secondName, ny, my.mean(), ny > 1 ? my.sd() : Double.NaN), sp,
        new Estimate("Cohen's d", d, dInterval), new Estimate("Hedges' g", j * d, EffectSizes.scale(dInterval, j)),
        j, warnings);
  }

  /**
   * Cohen's d and Hedges' g.
   *
   * <p>Only {@link #compute} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits StandardizedMeanDifferenceResult {
    /** The first group's summary. */
    GroupSummary first();

    /** The second group's summary. */
    GroupSummary second();

    /** The pooled standard deviation. */
    double pooledSd();

    /** Cohen's d with its noncentral-t interval. */
    Estimate d();

    /** Hedges' g with its interval. */
    Estimate g();

    /** The factor J(n_1 + n_2 - 2). */
    double hedgesCorrection();
  }

  /** The one implementation of {@link Result}. */
  private record StandardizedMeanDifferenceResult(GroupSummary first, GroupSummary second, double pooledSd,
      Estimate d, Estimate g, double hedgesCorrection, List<Warning> warnings) implements Result {
    StandardizedMeanDifferenceResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Standardized mean difference (Cohen's d, Hedges' g; noncentral t intervals)";
    }

    @Override
    public long nUsed() {
      return first.n() + second.n();
    }

    /** Hedges' g, the less biased of the two. */
    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(g);
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.empty();
    }
  }
}
