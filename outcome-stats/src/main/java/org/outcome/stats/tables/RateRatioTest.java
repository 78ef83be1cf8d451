package org.outcome.stats.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.ExactBinomial;

/**
 * The ratio of two event rates on person-time (readmissions per person-year, first group over
 * second) with the exact conditional test and interval, as R's
 * {@code poisson.test(c(x1, x2), c(T1, T2), r = ..., alternative = ..., conf.level = ...)}.
 * Immutable.
 *
 * <p>Given the total {@code x1 + x2}, the first count is binomial with probability
 * {@code r T1 / (r T1 + T2)} under the null rate ratio {@code r}; R's {@code binom.test} on it gives
 * the p-value, and its Clopper–Pearson interval {@code (p_L, p_U)} for the probability gives the
 * rate-ratio interval {@code p / (1 - p) * T2 / T1}. The estimate is {@code (x1 / T1) / (x2 / T2)}.
 *
 * <p>Zero counts: with {@code x1 = 0} the ratio and its lower limit are 0; with {@code x2 = 0} the
 * ratio and its upper limit are infinite (as R). Degenerate data: no events at all
 * ({@code x1 = x2 = 0}; R stops) raise {@link DegenerateDataException}. Person-time of zero is
 * rejected earlier, by {@link PersonTimeCounts}.
 */
public final class RateRatioTest {
  private static final RateRatioTest DEFAULT = new RateRatioTest(Alternative.TWO_SIDED, 1, 0.95);

  private final Alternative alternative;
  private final double nullRatio;
  private final double confLevel;

  private RateRatioTest(Alternative alternative, double nullRatio, double confLevel) {
    this.alternative = alternative;
    this.nullRatio = nullRatio;
    this.confLevel = confLevel;
  }

  /** Two-sided, null ratio 1, 95% (R's defaults). */
  public static RateRatioTest withDefaults() {
    return DEFAULT;
  }

  /** This test with another alternative. */
  public RateRatioTest withAlternative(Alternative value) {
    return new RateRatioTest(Arguments.option(value, "alternative"), nullRatio, confLevel);
  }

  /** This test against another null rate ratio (R's {@code r}), positive. */
  public RateRatioTest withNullRatio(double value) {
    return new RateRatioTest(alternative, Arguments.positive(value, "null rate ratio"), confLevel);
  }

  /** This test with another confidence level. */
  public RateRatioTest withConfLevel(double value) {
    return new RateRatioTest(alternative, nullRatio, Arguments.confLevel(value));
  }

  /**
   * Runs the test.
   *
   * @throws DegenerateDataException if there are no events in either group
   * @throws InvalidInputException if the total count exceeds {@code 2^31 - 1}
   */
  public Result test(PersonTimeCounts counts) {
    long x1 = counts.events1();
    long x2 = counts.events2();
    double t1 = counts.personTime1();
    double t2 = counts.personTime2();
    long total = x1 + x2;
    if (total == 0) {
      throw new DegenerateDataException("there are no events in either group, so the rate ratio is undefined",
          "report the person-time at risk and that no events occurred");
    }
    if (total > Integer.MAX_VALUE) {
      throw InvalidInputException.of("counts too large", Violation.at("events",
          "the total " + total + " exceeds " + Integer.MAX_VALUE));
    }
    double p = nullRatio * t1 / (nullRatio * t1 + t2);
    ExactBinomial binomial = ExactBinomial.test((int) x1, (int) total, p, alternative, confLevel);
    ConfidenceInterval pp = binomial.interval();
    ConfidenceInterval interval = new ConfidenceInterval(ratio(pp.lower(), t1, t2), ratio(pp.upper(), t1, t2), confLevel);
    double estimate = x2 == 0 ? Double.POSITIVE_INFINITY : (x1 / t1) / (x2 / t2);
    List<Warning> warnings = new ArrayList<>();
    if (x1 == 0 || x2 == 0) {
      warnings.add(Warning.of("zero-count", "a group has no events: the rate ratio is "
          + (x1 == 0 ? "0" : "infinite") + " and its interval one-sided"));
    }
    double expected = total * nullRatio * t1 / (t1 * 1 + t2 * nullRatio);
    return new RateRatioTestResult(x1, t1, x2, t2, Estimate.of("rate ratio (first / second)", estimate, interval),
        binomial.pValue(), expected, alternative, nullRatio, warnings);
  }

  private static double ratio(double p, double t1, double t2) {
    return p >= 1 ? Double.POSITIVE_INFINITY : p / (1 - p) * t2 / t1;
  }

  /**
   * The rate-ratio result.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits RateRatioTestResult {
    /** Events in the first group. */
    long events1();

    /** Person-time of the first group. */
    double personTime1();

    /** Events in the second group. */
    long events2();

    /** Person-time of the second group. */
    double personTime2();

    /** The rate ratio with its exact interval. */
    Estimate rateRatio();

    /** The exact conditional p-value. */
    double pValue();

    /** R's {@code parameter}: the expected first count under the null. */
    double expectedEvents1();

    /** The alternative tested. */
    Alternative alternative();

    /** The null rate ratio. */
    double nullRatio();

    /** The first group's rate, events per unit of person-time. */
    double rate1();

    /** The second group's rate. */
    double rate2();
  }

  /** The one implementation of {@link Result}. */
  private record RateRatioTestResult(long events1, double personTime1, long events2, double personTime2,
      Estimate rateRatio, double pValue, double expectedEvents1, Alternative alternative, double nullRatio,
      List<Warning> warnings) implements Result {
    RateRatioTestResult {
      warnings = List.copyOf(warnings);
    }

    /** The first group's rate, events per unit of person-time. */
    @Override
    public double rate1() {
      return events1 / personTime1;
    }

    /** The second group's rate. */
    @Override
    public double rate2() {
      return events2 / personTime2;
    }

    @Override
    public String method() {
      return "Comparison of Poisson rates (exact conditional test)";
    }

    @Override
    public long nUsed() {
      return events1 + events2;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(rateRatio);
    }

    /** The exact test; the statistic is the first count, on which the test conditions. */
    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("count1", events1, pValue));
    }
  }
}
