package org.outcome.stats.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * Pearson's chi-square test of independence for a 2×2 table, with Yates' continuity correction
 * by default, as R's {@code chisq.test(m)} and {@code chisq.test(m, correct = FALSE)}. Immutable.
 *
 * <p>With expected counts {@code E = row total * column total / n}: uncorrected
 * {@code X² = sum((O - E)^2 / E)}; corrected (R's rule) {@code X² = sum((|O - E| - Y)^2 / E)} with
 * {@code Y = min(0.5, |O - E|)}, so the correction never overshoots. One degree of freedom. As R
 * does, a warning is raised when an expected count is below 5 (Fisher's exact test is then the
 * better choice).
 *
 * <p>Degenerate data: an empty row or column makes an expected count 0 and the statistic
 * undefined (R: NaN); this class raises {@link DegenerateDataException}.
 */
public final class ChiSquareTest {
  private static final ChiSquareTest DEFAULT = new ChiSquareTest(ContinuityCorrection.APPLY);

  private final ContinuityCorrection correction;

  private ChiSquareTest(ContinuityCorrection correction) {
    this.correction = correction;
  }

  /** With Yates' correction (R's default). */
  public static ChiSquareTest withDefaults() {
    return DEFAULT;
  }

  /** This test with or without Yates' correction. */
  public ChiSquareTest withCorrection(ContinuityCorrection value) {
    return new ChiSquareTest(Arguments.option(value, "correction"));
  }

  /**
   * Runs the test.
   *
   * @throws DegenerateDataException if a row or column is empty
   */
  public Result test(TwoByTwoTable table) {
    Tables.requireNonEmptyMargins(table);
    double a = table.a();
    double b = table.b();
    double c = table.c();
    double d = table.d();
    double n = a + b + c + d;
    double[] observed = {a, b, c, d};
    double[] expected = {
      (a + b) * (a + c) / n, (a + b) * (b + d) / n, (c + d) * (a + c) / n, (c + d) * (b + d) / n
    };
    double yates = 0;
    if (correction == ContinuityCorrection.APPLY) {
      yates = 0.5;
      for (int i = 0; i < 4; i++) {
        yates = Math.min(yates, Math.abs(observed[i] - expected[i]));
      }
    }
    double statistic = 0;
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 4; i++) {
      double dev = Math.abs(observed[i] - expected[i]) - yates;
      statistic += dev * dev / expected[i];
      smallest = Math.min(smallest, expected[i]);
    }
    List<Warning> warnings = new ArrayList<>();
    if (smallest < 5) {
      warnings.add(Warning.of("small-expected-count", "an expected count is below 5 (smallest "
          + String.format(java.util.Locale.ROOT, "%.3g", smallest)
          + "): the chi-square approximation may be incorrect; prefer Fisher's exact test"));
    }
    return new ChiSquareTestResult((long) n, statistic, Distributions.chiSquareUpper(statistic, 1), yates, expected,
        warnings);
  }

  /**
   * The chi-square test result.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits ChiSquareTestResult {
    /** The table total. */
    long n();

    /** X². */
    double statistic();

    /** The upper-tail p-value on 1 df. */
    double pValue();

    /** The correction subtracted from each |O - E| (0 when uncorrected). */
    double yatesCorrection();

    /** The expected counts, in the order a, b, c, d (copied). */
    double[] expected();
  }

  /** The one implementation of {@link Result}. */
  private record ChiSquareTestResult(long n, double statistic, double pValue, double yatesCorrection,
      double[] expected, List<Warning> warnings) implements Result {
    ChiSquareTestResult {
      expected = expected.clone();
      warnings = List.copyOf(warnings);
    }

    /** A copy of the expected counts. */
    @Override
    public double[] expected() {
      return expected.clone();
    }

    @Override
    public String method() {
      return yatesCorrection > 0 ? "Pearson's chi-squared test with Yates' continuity correction"
          : "Pearson's chi-squared test";
    }

    @Override
    public long nUsed() {
      return n;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.empty();
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("X-squared", statistic, 1, pValue));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ChiSquareTestResult r && n == r.n && Double.compare(statistic, r.statistic) == 0
          && Double.compare(pValue, r.pValue) == 0 && Double.compare(yatesCorrection, r.yatesCorrection) == 0
          && java.util.Arrays.equals(expected, r.expected) && warnings.equals(r.warnings);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(n, statistic, pValue, yatesCorrection, java.util.Arrays.hashCode(expected));
    }

    @Override
    public String toString() {
      return "ChiSquareTest.Result[X-squared=" + statistic + ", p=" + pValue + ", yates=" + yatesCorrection + "]";
    }
  }
}
