package org.outcome.api.result;

import java.util.List;
import java.util.Optional;

/**
 * What every analysis result reports, whatever else it holds.
 *
 * <p>Implementations are immutable; {@link #warnings()} lists every approximation, exclusion or
 * numerical difficulty, and {@link #method()} names the method actually used (which may differ from
 * the one requested, as when the Wilcoxon test falls back to the normal approximation on ties).
 */
public interface AnalysisResult {
  /** The method actually used, for example {@code "Welch two-sample t-test"}. */
  String method();

  /** The number of observations the result is based on. */
  long nUsed();

  /** The primary estimate with its confidence interval, where the analysis estimates something. */
  Optional<Estimate> estimate();

  /**
   * Every estimate a one-line summary shows ({@link ResultText#oneLine}): by default the primary
   * estimate; a result with one per group and no single primary one (median survival per curve)
   * gives each, in its own order.
   */
  default List<Estimate> estimates() {
    return estimate().stream().toList();
  }

  /** The primary hypothesis test, where the analysis tests something. */
  Optional<HypothesisTest> test();

  /** Every warning, in the order raised; empty when there is none. */
  List<Warning> warnings();
}
