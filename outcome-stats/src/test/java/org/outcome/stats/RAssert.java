package org.outcome.stats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreement with a value R printed with {@code options(digits = 17)}: within {@code 1e-12}
 * absolute plus {@code 1e-9} relative, the tolerance of the R fixtures, unless a test says
 * otherwise.
 */
public final class RAssert {
  private RAssert() {}

  /** Asserts agreement within 1e-9 relative + 1e-12 absolute. */
  public static void close(double actual, double expected) {
    close(actual, expected, 1e-9);
  }

  /** Asserts agreement within {@code relative} + 1e-12 absolute. */
  public static void close(double actual, double expected, double relative) {
    if (Double.isInfinite(expected)) {
      assertThat(actual).isEqualTo(expected);
      return;
    }
    double allowed = 1e-12 + relative * Math.abs(expected);
    assertThat(Math.abs(actual - expected))
        .as("actual %s vs R's %s (allowed difference %s)", actual, expected, allowed)
        .isLessThanOrEqualTo(allowed);
  }
}
