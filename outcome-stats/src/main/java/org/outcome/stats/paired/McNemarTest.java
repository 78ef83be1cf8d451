package org.outcome.stats.paired;

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
import org.outcome.api.sample.PairedBinaryTable;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;
import org.outcome.stats.internal.ExactBinomial;

/**
 * McNemar's test for a binary outcome measured before and after on the same people. Immutable.
 *
 * <p>Only the discordant pairs count: {@code b} (yes before, no after) and {@code c} (no before,
 * yes after) of the {@link PairedBinaryTable}. The result holds all three versions R users
 * meet, and {@link Result#test()} reports the one chosen with {@link #withMethod(Method)}:
 * <ul>
 *   <li>{@link Method#CHI_SQUARE_CORRECTED} (default, R's {@code mcnemar.test(m)}):
 *       {@code (|b - c| - 1)^2 / (b + c)} on 1 df. As in R the correction is applied only when
 *       {@code b != c}; with {@code b = c} the statistic is 0.
 *   <li>{@link Method#CHI_SQUARE} ({@code mcnemar.test(m, correct = FALSE)}): {@code (b - c)^2 / (b + c)}.
 *   <li>{@link Method#EXACT} ({@code binom.test(b, b + c)}): the exact conditional test, two-sided
 *       by R's rule.
 * </ul>
 *
 * <p>The estimate is the conditional (paired) odds ratio {@code b / c} with the exact interval
 * obtained from the Clopper–Pearson interval for {@code b / (b + c)} by {@code p / (1 - p)}
 * (Breslow and Day 1980, section 7.2; as {@code exact2x2::mcnemar.exact}). With {@code c = 0} the
 * odds ratio is infinite and its upper limit too; with {@code b = 0} it is 0.
 *
 * <p>Degenerate data: with no discordant pairs ({@code b = c = 0}) nobody changed and the test is
 * undefined (R gives NaN): {@link DegenerateDataException}.
 */
public final class McNemarTest {
  /** Which version of the test {@link Result#test()} reports. */
  public enum Method {
    /** Chi-square with the continuity correction (R's default). */
    CHI_SQUARE_CORRECTED,
    /** Chi-square without correction. */
    CHI_SQUARE,
    /** The exact binomial test on the discordant pairs. */
    EXACT
  }

  private static final McNemarTest DEFAULT = new McNemarTest(Method.CHI_SQUARE_CORRECTED, 0.95);

  private final Method method;
  private final double confLevel;

  private McNemarTest(Method method, double confLevel) {
    this.method = method;
    this.confLevel = confLevel;
  }

  /** The continuity-corrected chi-square test and a 95% interval for the odds ratio. */
  public static McNemarTest withDefaults() {
    return DEFAULT;
  }

  /** This test reporting another version as primary. */
  public McNemarTest withMethod(Method value) {
    return new McNemarTest(Arguments.option(value, "method"), confLevel);
  }

  /** This test with another confidence level for the odds ratio. */
  public McNemarTest withConfLevel(double value) {
    return new McNemarTest(method, Arguments.confLevel(value));
  }

  /**
   * Runs the test.
   *
   * @throws DegenerateDataException when there are no discordant pairs
   * @throws InvalidInputException when the discordant pairs number more than {@code 2^31 - 1}
   */
  public Result test(PairedBinaryTable table) {
    long b = table.b();
    long c = table.c();
    long discordant = b + c;
    if (discordant == 0) {
      throw new DegenerateDataException("there are no discordant pairs (b = c = 0): nobody changed",
          "McNemar's test has nothing to compare; report that no one changed category");
    }
    if (discordant > Integer.MAX_VALUE) {
      throw InvalidInputException.of("table too large", Violation.at("b + c",
          discordant + " discordant pairs exceed the exact test's limit of " + Integer.MAX_VALUE));
    }
    double diff = Math.abs((double) b - c);
    double chisq = diff * diff / discordant;
    // R applies the correction only when b != c; with b = c both statistics are 0
    double corrected = b != c ? (diff - 1) * (diff - 1) / discordant : 0;
    ExactBinomial exact = ExactBinomial.test((int) b, (int) discordant, 0.5, Alternative.TWO_SIDED, confLevel);
    ConfidenceInterval p = exact.interval();
    double or = c == 0 ? Double.POSITIVE_INFINITY : (double) b / c;
    ConfidenceInterval orInterval = new ConfidenceInterval(odds(p.lower()), odds(p.upper()), confLevel);
    List<Warning> warnings = new ArrayList<>();
    if (discordant < 10 && method != Method.EXACT) {
      warnings.add(Warning.of("small-discordant-count", "only " + discordant
          + " discordant pairs: the chi-square approximation is poor; prefer the exact test"));
    }
    return new McNemarTestResult(table.a() + b + c + table.d(), b, c, corrected,
        Distributions.chiSquareUpper(corrected, 1), chisq, Distributions.chiSquareUpper(chisq, 1),
        exact.pValue(), Estimate.of("conditional odds ratio (b / c)", or, orInterval), method, warnings);
  }

  private static double odds(double p) {
    return p >= 1 ? Double.POSITIVE_INFINITY : p / (1 - p);
  }

  /**
   * McNemar's test result: the three versions of the test, the odds ratio, and which version is primary.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits McNemarTestResult {
    /** The number of pairs in the table. */
    long pairs();

    /** Yes before, no after. */
    long b();

    /** No before, yes after. */
    long c();

    /** The continuity-corrected statistic. */
    double chisqCorrected();

    /** Its p-value. */
    double pCorrected();

    /** The uncorrected statistic. */
    double chisq();

    /** Its p-value. */
    double p();

    /** The exact two-sided p-value. */
    double exactP();

    /** The conditional odds ratio {@code b / c} with its exact interval. */
    Estimate oddsRatio();

    /** The version {@link #test()} reports. */
    Method primary();
  }

  /** The one implementation of {@link Result}. */
  private record McNemarTestResult(long pairs, long b, long c, double chisqCorrected, double pCorrected,
      double chisq, double p, double exactP, Estimate oddsRatio, Method primary,
      List<Warning> warnings) implements Result {
    McNemarTestResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return switch (primary) {
        case CHI_SQUARE_CORRECTED -> b != c ? "McNemar's chi-squared test with continuity correction"
            : "McNemar's chi-squared test (no correction needed: b = c)";
        case CHI_SQUARE -> "McNemar's chi-squared test";
        case EXACT -> "McNemar's exact test (binomial on discordant pairs)";
      };
    }

    @Override
    public long nUsed() {
      return pairs;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(oddsRatio);
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(switch (primary) {
        case CHI_SQUARE_CORRECTED -> HypothesisTest.of("McNemar's chi-squared", chisqCorrected, 1, pCorrected);
        case CHI_SQUARE -> HypothesisTest.of("McNemar's chi-squared", chisq, 1, p);
        case EXACT -> HypothesisTest.of("b (discordant yes-then-no)", b, exactP);
      });
    }
  }
}
