package org.outcome.examples.signtest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.PairedSample;

/**
 * The exact sign test of paired data: under the null hypothesis a non-zero difference
 * {@code after - before} is as likely positive as negative, so the number of positive differences
 * among the {@code n} non-zero ones is Binomial(n, 1/2). Zero differences are dropped, as in R's
 * {@code binom.test(sum(d > 0), sum(d != 0))}.
 *
 * <p>Two-sided p = min(1, 2 P(X &le; min(S, n - S))), which for p = 1/2 equals R's
 * {@code binom.test} rule (sum of the probabilities not above that of the observed count). The
 * estimate is the median of all differences, with the distribution-free interval from order
 * statistics: the k-th smallest and k-th largest non-zero-dropped difference, k the largest with
 * P(X &lt; k) &le; (1 - level)/2, so that the coverage is at least the level (Conover 1999, 3.6).
 *
 * @param confLevel the confidence level, in (0, 1)
 */
public record SignTest(double confLevel) {
  public SignTest {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confLevel);
    }
  }

  /** A 95% sign test. */
  public static SignTest withDefaults() {
    return new SignTest(0.95);
  }

  /** This test with another confidence level. */
  public SignTest withConfLevel(double level) {
    return new SignTest(level);
  }

  /**
   * The result of a sign test.
   *
   * @param positive differences above zero
   * @param negative differences below zero
   * @param zeros differences equal to zero (dropped from the test)
   * @param pValue the exact two-sided p-value
   * @param median the median of all differences
   * @param interval the order-statistic interval for the median, when the sample is large enough
   * @param warnings zeros dropped; an interval not available
   */
  public record Result(int positive, int negative, int zeros, double pValue, double median,
      Optional<ConfidenceInterval> interval, List<Warning> warnings) implements AnalysisResult {
    public Result {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "exact sign test";
    }

    @Override
    public long nUsed() {
      return (long) positive + negative;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(new Estimate("median difference", median, interval));
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("S", positive, pValue));
    }
  }

  /**
   * Tests a paired sample.
   *
   * @throws DegenerateDataException if every difference is zero
   */
  public Result test(PairedSample sample) {
    double[] d = sample.differences();
    int positive = 0;
    int negative = 0;
    for (double v : d) {
      positive += v > 0 ? 1 : 0;
      negative += v < 0 ? 1 : 0;
    }
    int n = positive + negative;
    if (n == 0) {
      throw new DegenerateDataException("all " + d.length + " differences are zero",
          "there is no change to test; report the data as unchanged");
    }
    double p = Math.min(1, 2 * binomialHalfCdf(Math.min(positive, negative), n));
    Arrays.sort(d);
    double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    List<Warning> warnings = new java.util.ArrayList<>();
    int zeros = d.length - n;
    if (zeros > 0) {
      warnings.add(Warning.of("zeros-dropped", zeros + " zero differences were dropped from the test"));
    }
    Optional<ConfidenceInterval> interval = interval(d);
    if (interval.isEmpty()) {
      warnings.add(Warning.of("no-interval", "too few pairs for a " + confLevel + " interval for the median"));
    }
    return new Result(positive, negative, zeros, p, median, interval, warnings);
  }

  private Optional<ConfidenceInterval> interval(double[] sorted) {
    int n = sorted.length;
    double alpha = 1 - confLevel;
    int k = 0;
    while (k + 1 <= n / 2 && binomialHalfCdf(k, n) <= alpha / 2) {
      k++;
    }
    if (k == 0) {
      return Optional.empty();
    }
    return Optional.of(new ConfidenceInterval(sorted[k - 1], sorted[n - k], confLevel));
  }

  /** P(X &le; k) for X ~ Binomial(n, 1/2), summed in log space so large n cannot underflow. */
  static double binomialHalfCdf(int k, int n) {
    double logTerm = -n * Math.log(2);
    double max = logTerm;
    double[] logs = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      logs[i] = logTerm;
      max = Math.max(max, logTerm);
      logTerm += Math.log(n - i) - Math.log(i + 1);
    }
    double sum = 0;
    for (double l : logs) {
      sum += Math.exp(l - max);
    }
    return Math.min(1, Math.exp(max + Math.log(sum)));
  }
}
