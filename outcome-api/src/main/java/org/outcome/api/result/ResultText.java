package org.outcome.api.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plain text for the parts every {@link AnalysisResult} has, the way an evaluator writes them in
 * a report: {@code oneLine(result)} gives
 * <pre>mean difference (after - before) 1.58 (95% CI 0.7001 to 2.46); t = 4.062, df = 9, p = 0.002833</pre>
 * and the pieces ({@link #estimate}, {@link #interval}, {@link #test}, {@link #number},
 * {@link #pValue}) are here for tables that place them in columns.
 *
 * <h2>Numbers</h2>
 * Four significant digits, as R prints a number with {@code format(x, digits = 4)}:
 * <ul>
 *   <li>the value is rounded to four significant digits and trailing zeros are dropped
 *       ({@code 0.70011} prints {@code 0.7001}, {@code 2.4599} prints {@code 2.46});
 *   <li>digits before the decimal point are never rounded away ({@code 1234.56} prints
 *       {@code 1235});
 *   <li>fixed or scientific notation, whichever is narrower, fixed on a tie ({@code 0.002833},
 *       {@code 8.203e-05}, {@code 1e-20}), as R chooses with {@code scipen = 0};
 *   <li>whole numbers below 10<sup>15</sup> print whole ({@code 24}, {@code 100000}), as R prints
 *       integers such as counts and degrees of freedom;
 *   <li>NaN prints {@code NA}, infinities {@code Inf} and {@code -Inf}.
 * </ul>
 * Rounding is half-even on the exact binary value, as C's {@code printf} and so R round.
 *
 * <h2>p-values</h2>
 * As R's {@code format.pval(p, digits = 4)}: the number rules above, and below the machine epsilon
 * (2.2e-16) {@code < 2.2e-16}.
 *
 * <h2>Tests and estimates</h2>
 * A test is {@code name = statistic, df = d, p = p}; an F test shows both degrees of freedom,
 * {@code F = 7.275, df = 1, 48, p = 0.009619}; a test without degrees of freedom leaves them out.
 * An estimate is {@code name value (95% CI lower to upper)}, the level taken from its interval, or
 * {@code name value} without one.
 *
 * <p>Stateless; every method is a pure function of its arguments.
 */
public final class ResultText {
  /** The significant digits of every number this class writes unless told otherwise. */
  public static final int DIGITS = 4;

  private static final double EPSILON = Math.ulp(1.0);
  private static final double WHOLE_LIMIT = 1e15;

  private ResultText() {}

  /**
   * The estimates with their intervals ({@link AnalysisResult#estimates()}: the primary one, or one
   * per group where there is no single one) and the test, separated by {@code "; "}: either part is
   * left out when the result does not have it; a result with neither gives its {@link
   * AnalysisResult#method() method}.
   */
  public static String oneLine(AnalysisResult result) {
    List<String> parts = new ArrayList<>(2);
    result.estimates().forEach(e -> parts.add(estimate(e)));
    result.test().ifPresent(t -> parts.add(test(t)));
    return parts.isEmpty() ? result.method() : String.join("; ", parts);
  }

  /**
   * The whole result, one line each: the method and the number used ({@code Welch two-sample
   * t-test, n = 51}), {@link #oneLine}, then each warning ({@code warning: ...}). Lines are
   * separated by {@code '\n'}.
   */
  public static String summary(AnalysisResult result) {
    StringBuilder text = new StringBuilder();
    text.append(result.method()).append(", n = ").append(result.nUsed());
    if (!result.estimates().isEmpty() || result.test().isPresent()) {
      text.append('\n').append(oneLine(result));
    }
    for (Warning w : result.warnings()) {
      text.append("\nwarning: ").append(w.message());
    }
    return text.toString();
  }

  /** {@code name value (95% CI lower to upper)}, or {@code name value} without an interval. */
  public static String estimate(Estimate estimate) {
    String text = estimate.name() + " " + number(estimate.value());
    return estimate.interval().map(ci -> text + " (" + interval(ci) + ")").orElse(text);
  }

  /** {@code 95% CI lower to upper}. */
  public static String interval(ConfidenceInterval interval) {
    return number(100 * interval.level()) + "% CI " + number(interval.lower()) + " to " + number(interval.upper());
  }

  /** {@code t = 4.062, df = 9, p = 0.002833}; {@code F = 7.275, df = 1, 48, p = ...}; {@code W = 12, p = ...}. */
  public static String test(HypothesisTest test) {
    StringBuilder text = new StringBuilder();
    text.append(test.statisticName()).append(" = ").append(number(test.statistic()));
    if (test.df().isPresent()) {
      text.append(", df = ").append(number(test.df().getAsDouble()));
      if (test.denominatorDf().isPresent()) {
        text.append(", ").append(number(test.denominatorDf().getAsDouble()));
      }
    }
    String p = pValue(test.pValue());
    return text.append(p.startsWith("<") ? ", p " : ", p = ").append(p).toString();
  }

  /** A number to {@value #DIGITS} significant digits (see the class documentation). */
  public static String number(double value) {
    return number(value, DIGITS);
  }

  /**
   * A number to {@code digits} significant digits, as R's {@code format(value, digits = digits)}
   * (see the class documentation for the rules).
   *
   * @throws IllegalArgumentException if {@code digits} is not 1 to 15
   */
  public static String number(double value, int digits) {
    if (digits < 1 || digits > 15) {
      throw new IllegalArgumentException("digits must be 1 to 15, got " + digits);
    }
    if (Double.isNaN(value)) {
      return "NA";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < WHOLE_LIMIT) {
      return Long.toString((long) value);
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int significant = rounded.precision();
    int power = rounded.precision() - rounded.scale() - 1;     // the exponent of the leading digit
    int negative = value < 0 ? 1 : 0;
    int decimals = Math.max(0, significant - power - 1);
    int fixedWidth = negative + (power >= 0 ? power + 1 : 1) + (decimals > 0 ? decimals + 1 : 0);
    int scientificWidth = negative + (significant > 1 ? significant + 1 : 1) + (Math.abs(power) >= 100 ? 5 : 4);
    if (fixedWidth <= scientificWidth) {
      return exact.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
    String mantissa = rounded.unscaledValue().abs().toString();
    String digitsText = mantissa.length() > 1 ? mantissa.charAt(0) + "." + mantissa.substring(1) : mantissa;
    return (negative == 1 ? "-" : "") + digitsText + "e" + (power < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(power));
  }

  /**
   * A p-value as R's {@code format.pval(p, digits = 4)}: {@link #number(double)}, or
   * {@code < 2.2e-16} below the machine epsilon.
   */
  public static String pValue(double p) {
    return p < EPSILON ? "< " + number(EPSILON, Math.max(1, DIGITS - 2)) : number(p);
  }
}
