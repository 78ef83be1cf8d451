package org.outcome.stats.internal;

import java.util.Objects;

/**
 * Checks of configuration values. A bad option is a programming error of the caller, so these
 * throw {@link IllegalArgumentException} naming the option and the value.
 */
public final class Arguments {
  private Arguments() {}

  /** A confidence level strictly between 0 and 1. */
  public static double confLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
    }
    return level;
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

  /** A number of significant digits for rounding before ranking, as R's {@code digits.rank}: 1 to 15. */
  public static int digitsRank(int digits) {
    if (digits < 1 || digits > 15) {
      throw new IllegalArgumentException("digits.rank must be 1 to 15, got " + digits);
    }
    return digits;
  }

  /** A non-null option. */
  public static <T> T option(T value, String name) {
    return Objects.requireNonNull(value, name);
  }
}
