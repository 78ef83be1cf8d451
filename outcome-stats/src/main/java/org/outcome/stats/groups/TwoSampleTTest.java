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
import org.outcome.stats.common.Alternative;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Moments;
import org.outcome.stats.internal.TInference;

/**
 * The two-sample t-test of the difference in means (first group − second group), Welch's by
 * default, as R's {@code t.test(x, y, var.equal = ..., mu = ..., alternative = ...,
 * conf.level = ...)}. Immutable.
 *
 * <p>Welch ({@link VarianceAssumption#UNEQUAL}): {@code se = sqrt(v_1/n_1 + v_2/n_2)},
 * {@code df = se^4 / ((v_1/n_1)^2/(n_1-1) + (v_2/n_2)^2/(n_2-1))} (Satterthwaite). Student
 * ({@link VarianceAssumption#EQUAL}): pooled variance
 * {@code v = ((n_1-1)v_1 + (n_2-1)v_2)/(n_1+n_2-2)}, {@code se = sqrt(v (1/n_1 + 1/n_2))},
 * {@code df = n_1 + n_2 - 2}.
 *
 * <p>Degenerate data, as R: Welch needs two values in each group; Student one in each and three
 * in all; a group with no members, or data that are constant within both groups (R: "data are
 * essentially constant"), raise {@link DegenerateDataException}.
 */
public final class TwoSampleTTest {
  private static final TwoSampleTTest DEFAULT = new TwoSampleTTest(VarianceAssumption.UNEQUAL,
      Alternative.TWO_SIDED, 0, 0.95, GroupChoice.levelOrder());

  private final VarianceAssumption variance;
  private final Alternative alternative;
  private final double mu;
  private final double confLevel;
  private final GroupChoice groups;

  private TwoSampleTTest(VarianceAssumption variance, Alternative alternative, double mu, double confLevel,
      GroupChoice groups) {
    this.variance = variance;
    this.alternative = alternative;
    this.mu = mu;
    this.confLevel = confLevel;
    this.groups = groups;
  }

  /** Welch, two-sided, {@code mu = 0}, 95%, groups in level order (R's defaults). */
  public static TwoSampleTTest withDefaults() {
    return DEFAULT;
  }

  /** Student's pooled-variance test: {@code withVariance(VarianceAssumption.EQUAL)}. */
  public static TwoSampleTTest student() {
    return DEFAULT.withVariance(VarianceAssumption.EQUAL);
  }

  /** This test with another variance assumption. */
  public TwoSampleTTest withVariance(VarianceAssumption value) {
    return new TwoSampleTTest(Arguments.option(value, "variance"), alternative, mu, confLevel, groups);
  }

  /** This test with another alternative. */
  public TwoSampleTTest withAlternative(Alternative value) {
    return new TwoSampleTTest(variance, Arguments.option(value, "alternative"), mu, confLevel, groups);
  }

  /** This test with another null value of the difference in means. */
  public TwoSampleTTest withMu(double value) {
    return new TwoSampleTTest(variance, alternative, Arguments.finite(value, "mu"), confLevel, groups);
  }

  /** This test with another confidence level. */
  public TwoSampleTTest withConfLevel(double value) {
    return new TwoSampleTTest(variance, alternative, mu, Arguments.confLevel(value), groups);
  }

  /** This test comparing other groups, or in another order. */
  public TwoSampleTTest withGroups(GroupChoice value) {
    return new TwoSampleTTest(variance, alternative, mu, confLevel, Arguments.option(value, "groups"));
  }

  /**
   * Runs the test on the chosen groups.
   *
   * @throws org.outcome.api.InvalidInputException if the groups cannot be chosen as configured
   * @throws DegenerateDataException on too few values or constant data
   */
  public Result test(GroupedSample sample) {
    GroupChoice.Chosen chosen = groups.resolve(sample);
    return test(chosen.first(), chosen.x(), chosen.second(), chosen.y());
  }

  /** Runs the test on two arrays of values, named for the result. */
  public Result test(String firstName, double[] x, String secondName, double[] y) {
    return run(firstName, Moments.of(x), secondName, Moments.of(y));
  }

  /**
   * Runs the test on a summary of the two groups (for example one computed on a cluster): the
   * summary's groups, in its order; the numbers are those of {@link #test(GroupedSample)} on the
   * values, to rounding error when the summary was merged from parts.
   *
   * @throws DegenerateDataException as {@link #test(GroupedSample)}
   */
  public Result test(TwoGroupSummary summary) {
    return run(summary.firstLevel(), Moments.of(summary.first()), summary.secondLevel(), Moments.of(summary.second()));
  }

  private Result run(String firstName, Moments mx, String secondName, Moments my) {
    long nx = mx.n();
    long ny = my.n();
    boolean equal = variance == VarianceAssumption.EQUAL;
    if (nx < 1 || (!equal && nx < 2)) {
      throw tooFew(firstName, nx, equal);
    }
    if (ny < 1 || (!equal && ny < 2)) {
      throw tooFew(secondName, ny, equal);
    }
    if (equal && nx + ny < 3) {
      throw new DegenerateDataException("Student's t-test needs at least three values in all; there are " + (nx + ny),
          "collect more data");
    }
    double se;
    double df;
    if (equal) {
      df = nx + ny - 2.0;
      double v = 0;
      if (nx > 1) {
        v += (nx - 1) * mx.variance();
      }
      if (ny > 1) {
        v += (ny - 1) * my.variance();
      }
      v /= df;
      se = Math.sqrt(v * (1.0 / nx + 1.0 / ny));
    } else {
      double sx2 = mx.variance() / nx;
      double sy2 = my.variance() / ny;
      se = Math.sqrt(sx2 + sy2);
      df = Math.pow(se, 4) / (sx2 * sx2 / (nx - 1) + sy2 * sy2 / (ny - 1));
    }
    if (!(se >= 10 * Math.ulp(1.0) * Math.max(Math.abs(mx.mean()), Math.abs(my.mean())) && se > 0)) {
      throw new DegenerateDataException("the values are constant within both groups (zero variance), so t is undefined",
          "there is no variation to test against: report the two group values");
    }
    double difference = mx.mean() - my.mean();
    TInference inference = TInference.of(difference, se, df, mu, alternative, confLevel);
    return new TwoSampleTTestResult(summary(firstName, mx), summary(secondName, my), difference, se, inference.t(),
        inference.df(), inference.pValue(), inference.interval(), variance, alternative, mu, List.of());
  }

  private static GroupSummary summary(String level, Moments m) {
    return new GroupSummary(level, m.n(), m.mean(), m.n() > 1 ? m.sd() : Double.NaN);
  }

  private static DegenerateDataException tooFew(String level, long n, boolean equal) {
    return new DegenerateDataException("group '" + level + "' has " + n + (n == 1 ? " value" : " values")
        + (equal ? "" : "; Welch's t-test needs at least two in each group"),
        equal ? "a group with no members cannot be compared" : "collect more data, or use Student's t-test");
  }

  /**
   * A two-sample t-test result.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits TwoSampleTTestResult {
    /** The first group's summary. */
    GroupSummary first();

    /** The second group's summary. */
    GroupSummary second();

    /** The difference in means, first − second. */
    double difference();

    /** The standard error of the difference. */
    double standardError();

    /** The statistic. */
    double t();

    /** The degrees of freedom (fractional for Welch). */
    double df();

    /** The p-value. */
    double pValue();

    /** The confidence interval for the difference. */
    ConfidenceInterval interval();

    /** The variance assumption used. */
    VarianceAssumption variance();

    /** The alternative tested. */
    Alternative alternative();

    /** The null value. */
    double mu();
  }

  /** The one implementation of {@link Result}. */
  private record TwoSampleTTestResult(GroupSummary first, GroupSummary second, double difference,
      double standardError, double t, double df, double pValue, ConfidenceInterval interval,
      VarianceAssumption variance, Alternative alternative, double mu, List<Warning> warnings) implements Result {
    TwoSampleTTestResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return variance == VarianceAssumption.EQUAL ? "Two-sample t-test (Student, equal variances)"
          : "Welch two-sample t-test";
    }

    @Override
    public long nUsed() {
      return first.n() + second.n();
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(Estimate.of("difference in means (" + first.level() + " - " + second.level() + ")",
          difference, interval));
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("t", t, df, pValue));
    }
  }
}
