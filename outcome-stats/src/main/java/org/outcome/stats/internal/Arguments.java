package org.outcome.stats.internal;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Checks of configuration values, the one helper every analysis in {@code org.outcome.stats}
 * (paired, groups, tables, survival, Cox) uses for its options. A bad option is a programming
 * error of the caller, so these throw {@link IllegalArgumentException} naming the option and the
 * value. (Data are checked differently: samples report every bad row at once through
 * {@link org.outcome.api.sample.Checks} and {@link org.outcome.api.InvalidInputException}.)
 * Value objects keep the JDK's {@code Objects.requireNonNull} for their components.
 */
public final class Arguments {
  private Arguments() {}

  /** A confidence level strictly between 0 and 1. */
  public static double confLevel(double level) {
    return openUnit(level, "confidence level");
  }

  /** A number strictly between 0 and 1, for example a reliability coefficient. */
  public static double openUnit(double value, String name) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1), got " + value);
    }
    return value;
  }

  /** A finite number, for example a null value {@code mu}. */
  public static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
    return value;
  }

  /** A positive finite number. */
  public static double positive(double value, String name) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }
    return value;
  }

  /** A count that must not be negative, for example an iteration limit. */
  public static int nonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
    return value;
  }

  /** A finite number that must not be negative, for example a time to read a curve at. */
  public static double nonNegativeFinite(double value, String name) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and not negative, got " + value);
    }
    return value;
  }

  /** A number of significant digits for rounding before ranking, as R's {@code digits.rank}: 1 to 15. */
  public static int digitsRank(int digits) {
    if (digits < 1 || digits > 15) {
      throw new IllegalArgumentException("digits.rank must be 1 to 15, got " + digits);
    }
    return digits;
  }

  /**
   * Checks that a summary's values were ranked as a rank test ranks them: with its {@code mu} and
   * {@code digits.rank}.
   *
   * @param what what was ranked, for the message ({@code "differences"}, {@code "values"})
   * @throws IllegalArgumentException if either differs
   */
  public static void sameRanking(double summaryMu, OptionalInt summaryDigits, double mu, OptionalInt digits,
      String what) {
    if (Double.compare(summaryMu, mu) != 0 || !summaryDigits.equals(digits)) {
      throw new IllegalArgumentException("the summary ranked its " + what + " with mu " + summaryMu
          + " and digits.rank " + summaryDigits + "; this test uses mu " + mu + " and digits.rank " + digits);
    }
  }

  /** A non-null option. */
  public static <T> T option(T value, String name) {
    return Objects.requireNonNull(value, name);
  }
}
