package org.outcome.api.result;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The test of a null hypothesis: the statistic, its degrees of freedom where it has them, and the
 * p-value. An F statistic has two degrees of freedom, the numerator's ({@code df}) and the
 * denominator's ({@code denominatorDf}), as R prints {@code F(1, 48)}; other statistics have at
 * most one.
 *
 * @param statisticName the statistic's conventional name: {@code "t"}, {@code "V"}, {@code "W"},
 *     {@code "chisq"}, {@code "z"}, {@code "F"}
 * @param statistic the statistic's value
 * @param df degrees of freedom, for statistics that have them (the numerator's, for F)
 * @param denominatorDf the denominator degrees of freedom, for F statistics; present only with {@code df}
 * @param pValue the p-value, in [0, 1]
 */
public record HypothesisTest(String statisticName, double statistic, OptionalDouble df, OptionalDouble denominatorDf,
    double pValue) {
  public HypothesisTest {
    Objects.requireNonNull(statisticName, "statisticName");
    Objects.requireNonNull(df, "df");
    Objects.requireNonNull(denominatorDf, "denominatorDf");
    if (denominatorDf.isPresent() && df.isEmpty()) {
      throw new IllegalArgumentException("a denominator df needs a numerator df");
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("p-value must be in [0, 1], got " + pValue);
    }
  }

  /** A test with at most one degrees of freedom (no denominator df). */
  public HypothesisTest(String statisticName, double statistic, OptionalDouble df, double pValue) {
    this(statisticName, statistic, df, OptionalDouble.empty(), pValue);
  }

  /** A test with degrees of freedom. */
  public static HypothesisTest of(String statisticName, double statistic, double df, double pValue) {
    return new HypothesisTest(statisticName, statistic, OptionalDouble.of(df), pValue);
  }

  /** A test with numerator and denominator degrees of freedom: an F test. */
  public static HypothesisTest of(String statisticName, double statistic, double df, double denominatorDf,
      double pValue) {
    return new HypothesisTest(statisticName, statistic, OptionalDouble.of(df), OptionalDouble.of(denominatorDf),
        pValue);
  }

  /** A test without degrees of freedom. */
  public static HypothesisTest of(String statisticName, double statistic, double pValue) {
    return new HypothesisTest(statisticName, statistic, OptionalDouble.empty(), pValue);
  }
}
