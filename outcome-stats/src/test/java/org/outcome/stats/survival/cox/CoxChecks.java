package org.outcome.stats.survival.cox;

import java.util.Optional;
import java.util.function.Supplier;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.SurvivalSample;

/** What the Cox property tests share: a fit that may be refused as degenerate, and a relative comparison. */
final class CoxChecks {
  private CoxChecks() {}

  /** The fit, or empty when it is refused as degenerate. */
  static Optional<CoxPh.Result> fitOrDegenerate(Supplier<CoxPh.Result> fit) {
    try {
      return Optional.of(fit.get());
    } catch (DegenerateDataException e) {
      return Optional.empty();
    }
  }

  /**
   * Fails, describing the sample, unless {@code actual} is {@code expected} within {@code tolerance}
   * relative to the larger of 1 and their magnitudes.
   */
  static void close(double expected, double actual, double tolerance, String what, SurvivalSample s) {
    boolean ok = expected == actual
        || Math.abs(expected - actual) <= tolerance * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
    if (!ok) {
      throw new AssertionError(what + ": " + expected + " became " + actual + " for "
          + org.outcome.testkit.samples.Describe.survival(s));
    }
  }
}
