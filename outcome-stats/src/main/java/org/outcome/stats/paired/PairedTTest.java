package org.outcome.stats.paired;

import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Moments;
import org.outcome.stats.internal.TInference;

/**
 * The paired t-test of the mean difference {@code after - before}, as R's
 * {@code t.test(after, before, paired = TRUE, mu = mu, alternative = ..., conf.level = ...)}.
 * Immutable; derive variants with the {@code with...} methods.
 *
 * <pre>{@code
 * PairedTTest.Result r = PairedTTest.withDefaults().withConfLevel(0.90).test(sample);
 * r.meanDifference(); r.interval(); r.pValue();
 * }</pre>
 *
 * <p>With {@code d_i = after_i - before_i}, {@code n} pairs, mean {@code m} and standard deviation
 * {@code s} of the differences: {@code t = (m - mu) / (s / sqrt(n))} on {@code n - 1} degrees of
 * freedom; the interval is {@code m ± qt(1 - alpha/2, n - 1) s / sqrt(n)} (one-sided alternatives
 * give a one-sided interval, as R does).
 *
 * <p>Degenerate data: fewer than two pairs, or differences that are all equal (R: "data are
 * essentially constant", also when the standard error is below {@code 10 * EPS * |m|}), raise
 * {@link DegenerateDataException}.
 */
public final class PairedTTest {
  private static final PairedTTest DEFAULT = new PairedTTest(Alternative.TWO_SIDED, 0, 0.95);

  private final Alternative alternative;
  private final double mu;
  private final double confLevel;

  private PairedTTest(Alternative alternative, double mu, double confLevel) {
    this.alternative = alternative;
    this.mu = mu;
    this.confLevel = confLevel;
  }

  /** Two-sided, {@code mu = 0}, 95% confidence interval (R's defaults). */
  public static PairedTTest withDefaults() {
    return DEFAULT;
  }

  /** This test with another alternative hypothesis. */
  public PairedTTest withAlternative(Alternative value) {
    return new PairedTTest(Arguments.option(value, "alternative"), mu, confLevel);
  }

  /** This test with another null value of the mean difference. */
  public PairedTTest withMu(double value) {
    return new PairedTTest(alternative, Arguments.finite(value, "mu"), confLevel);
  }

  /** This test with another confidence level, in (0, 1). */
  public PairedTTest withConfLevel(double value) {
    return new PairedTTest(alternative, mu, Arguments.confLevel(value));
  }

  /** The alternative hypothesis. */
  public Alternative alternative() {
    return alternative;
  }

  /** The null value of the mean difference. */
  public double mu() {
    return mu;
  }

  /** The confidence level. */
  public double confLevel() {
    return confLevel;
  }

  /**
   * Runs the test on every pair of the sample.
   *
   * @throws DegenerateDataException with fewer than two pairs or constant differences
   */
  public Result test(PairedSample sample) {
    return run(Moments.of(sample::difference, sample.size()));
  }

  /**
   * Runs the test on a summary of the pairs (for example one computed on a cluster); the
   * numbers are those of {@link #test(PairedSample)} on the pairs, to rounding error when the
   * summary was merged from parts.
   *
   * @throws DegenerateDataException with fewer than two pairs or constant differences
   */
  public Result test(PairedSummary summary) {
    return run(Moments.of(summary.differences()));
  }

  private Result run(Moments d) {
    long n = d.n();
    if (n < 2) {
      throw new DegenerateDataException("a paired t-test needs at least two pairs; there are " + n,
          "collect follow-up for more people, or report the single change descriptively");
    }
    double se = Math.sqrt(d.variance() / n);
    if (!Double.isFinite(d.mean()) || !Double.isFinite(se)) {
      throw new DegenerateDataException("the differences are too large to sum in double precision",
          "rescale the scores before the analysis");
    }
    if (se == 0) {
      throw new DegenerateDataException("all " + n + " differences are equal (zero variance), so t is undefined",
          "there is no variation to test against: report the common change, or use the sign test");
    }
    if (d.essentiallyConstant()) {
      throw new DegenerateDataException("the " + n + " differences are essentially constant (they differ only in "
          + "rounding of the last binary digits), so t is undefined; R's t.test stops here too",
          "there is no variation to test against: report the common change, or use the sign test");
    }
    TInference inference = TInference.of(d.mean(), se, n - 1.0, mu, alternative, confLevel);
    return new PairedTTestResult(n, d.mean(), d.sd(), se, inference.t(), inference.df(), inference.pValue(),
        inference.interval(), alternative, mu, List.of());
  }

  /**
   * The paired t-test result: every raw component.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits PairedTTestResult {
    /** The number of pairs. */
    long n();

    /** The mean of {@code after - before}. */
    double meanDifference();

    /** The standard deviation of the differences. */
    double sdDifference();

    /** {@code sdDifference / sqrt(n)}. */
    double standardError();

    /** The t statistic. */
    double t();

    /** The degrees of freedom, {@code n - 1}. */
    double df();

    /** The p-value for the alternative. */
    double pValue();

    /** The confidence interval for the mean difference. */
    ConfidenceInterval interval();

    /** The alternative tested. */
    Alternative alternative();

    /** The null value. */
    double mu();
  }

  /** The one implementation of {@link Result}. */
  private record PairedTTestResult(long n, double meanDifference, double sdDifference, double standardError,
      double t, double df, double pValue, ConfidenceInterval interval, Alternative alternative, double mu,
      List<Warning> warnings) implements Result {
    PairedTTestResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Paired t-test";
    }

    @Override
    public long nUsed() {
      return n;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(Estimate.of("mean difference (after - before)", meanDifference, interval));
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("t", t, df, pValue));
    }
  }
}
