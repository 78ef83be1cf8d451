package org.outcome.api.result;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The test of a null hypothesis: the statistic, its degrees of freedom where it has them, and the
 * p-value.
 *
 * @param statisticName the statistic's conventional name: {@code "t"}, {@code "V"}, {@code "W"},
 *     {@code "chisq"}, {@code "z"}
 * @param statistic the statistic's value
 * @param df degrees of freedom, for statistics that have them
 * @param pValue the p-value, in [0, 1]
 */
public record HypothesisTest(String statisticName, double statistic, OptionalDouble df, double pValue) {
  public HypothesisTest {
    Objects.requireNonNull(statisticName, "statisticName");
    Objects.requireNonNull(df, "df");
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("p-value must be in [0, 1], got " + pValue);
    }
  }

  /** A test with degrees of freedom. */
  public static HypothesisTest of(String statisticName, double statistic, double df, double pValue) {
    return new HypothesisTest(statisticName, statistic, OptionalDouble.of(df), pValue);
  }

  /** A test without degrees of freedom. */
  public static HypothesisTest of(String statisticName, double statistic, double pValue) {
    return new HypothesisTest(statisticName, statistic, OptionalDouble.empty(), pValue);
  }
}
