package org.outcome.stats.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.NoncentralHypergeometric;

/**
 * Fisher's exact test for a 2×2 table, with the conditional maximum likelihood estimate of the
 * odds ratio and its exact confidence interval, exactly as R's
 * {@code fisher.test(matrix(c(a, c, b, d), 2), or = ..., alternative = ..., conf.level = ...)}.
 * Immutable.
 *
 * <p>Conditioning on the margins, the top-left cell {@code a} follows Fisher's noncentral
 * hypergeometric distribution with the odds ratio as parameter. The two-sided p-value adds the
 * probabilities of every table no more likely than the observed one (R's rule, with a relative
 * fuzz of 1e-7); one-sided p-values are tail sums. The estimate solves {@code E(a) = a}; the
 * interval inverts the two one-sided tests. Both use R's root finder with R's default tolerance
 * ({@code uniroot}, tol ≈ 1.2e-4), as R does, so the numbers are R's to the digits R prints
 * and beyond.
 *
 * <p>Zero cells need no correction: when {@code a} is the smallest value the margins allow
 * (for example {@code a = 0}, or {@code d = 0}) the estimate is 0 and the lower limit 0; when it
 * is the largest ({@code b = 0} or {@code c = 0}) the estimate and the upper limit are infinite.
 * A warning says so.
 *
 * <p>Degenerate data: a table with an empty row or column (a margin of 0) has a single possible
 * table; R returns p = 1 and an uninformative interval, this class raises
 * {@link DegenerateDataException}.
 */
public final class FisherExactTest {
  private static final FisherExactTest DEFAULT = new FisherExactTest(Alternative.TWO_SIDED, 1, 0.95);

  private final Alternative alternative;
  private final double nullOddsRatio;
  private final double confLevel;

  private FisherExactTest(Alternative alternative, double nullOddsRatio, double confLevel) {
    this.alternative = alternative;
    this.nullOddsRatio = nullOddsRatio;
    this.confLevel = confLevel;
  }

  /** Two-sided, null odds ratio 1, 95% (R's defaults). */
  public static FisherExactTest withDefaults() {
    return DEFAULT;
  }

  /** This test with another alternative. */
  public FisherExactTest withAlternative(Alternative value) {
    return new FisherExactTest(Arguments.option(value, "alternative"), nullOddsRatio, confLevel);
  }

  /** This test against another null odds ratio (R's {@code or}), positive. */
  public FisherExactTest withNullOddsRatio(double value) {
    return new FisherExactTest(alternative, Arguments.positive(value, "null odds ratio"), confLevel);
  }

  /** This test with another confidence level. */
  public FisherExactTest withConfLevel(double value) {
    return new FisherExactTest(alternative, nullOddsRatio, Arguments.confLevel(value));
  }

  /**
   * Runs the test.
   *
   * @throws DegenerateDataException if a row or column of the table is empty
   * @throws org.outcome.api.InvalidInputException if the table total exceeds {@code 2^31 - 1}
   */
  public Result test(TwoByTwoTable table) {
    Tables.requireNonEmptyMargins(table);
    int total = Tables.total(table);
    int a = (int) table.a();
    int m = (int) (table.a() + table.c());
    int n = total - m;
    int k = (int) (table.a() + table.b());
    NoncentralHypergeometric h = new NoncentralHypergeometric(a, m, n, k);
    double p = switch (alternative) {
      case LESS -> h.cdf(a, nullOddsRatio, false);
      case GREATER -> h.cdf(a, nullOddsRatio, true);
      case TWO_SIDED -> h.twoSidedP(nullOddsRatio);
    };
    double estimate = h.mle();
    ConfidenceInterval interval = switch (alternative) {
      case LESS -> new ConfidenceInterval(0, h.upperLimit(1 - confLevel), confLevel);
      case GREATER -> new ConfidenceInterval(h.lowerLimit(1 - confLevel), Double.POSITIVE_INFINITY, confLevel);
      case TWO_SIDED -> {
        double alpha = (1 - confLevel) / 2;
        yield new ConfidenceInterval(h.lowerLimit(alpha), h.upperLimit(alpha), confLevel);
      }
    };
    List<Warning> warnings = new ArrayList<>();
    if (a == h.lo() || a == h.hi()) {
      warnings.add(Warning.of("odds-ratio-at-boundary", "the table is at the edge its margins allow (a zero cell): "
          + "the conditional odds ratio is " + (a == h.lo() ? "0" : "infinite") + " and its interval one-sided"));
    }
    return new FisherExactTestResult(total, table, Math.min(1, p),
        Estimate.of("conditional MLE odds ratio", estimate, interval), alternative, nullOddsRatio, warnings);
  }

  /**
   * Fisher's exact test result.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits FisherExactTestResult {
    /** The table total. */
    long n();

    /** The table. */
    TwoByTwoTable table();

    /** The exact p-value. */
    double pValue();

    /** The conditional MLE of the odds ratio with its exact interval. */
    Estimate oddsRatio();

    /** The alternative tested. */
    Alternative alternative();

    /** The null odds ratio. */
    double nullOddsRatio();
  }

  /** The one implementation of {@link Result}. */
  private record FisherExactTestResult(long n, TwoByTwoTable table, double pValue, Estimate oddsRatio,
      Alternative alternative, double nullOddsRatio, List<Warning> warnings) implements Result {
    FisherExactTestResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Fisher's exact test";
    }

    @Override
    public long nUsed() {
      return n;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(oddsRatio);
    }

    /** The exact test; the statistic reported is the cell {@code a}, on which the test conditions. */
    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("a", table.a(), pValue));
    }
  }
}
