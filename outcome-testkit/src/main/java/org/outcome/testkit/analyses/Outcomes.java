package org.outcome.testkit.analyses;

import java.util.Optional;
import java.util.function.Function;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;

/** Running an analysis under a contract: degenerate data may be refused, nothing else may fail. */
final class Outcomes {
  static final double TOLERANCE = 1e-8;

  private Outcomes() {}

  /** The analysis's result, or empty when it refused degenerate data with the typed error. */
  static <S, R> Optional<R> run(Function<S, R> analysis, S sample) {
    try {
      R result = analysis.apply(sample);
      if (result == null) {
        throw new AssertionError("the analysis returned null for " + sample);
      }
      return Optional.of(result);
    } catch (DegenerateDataException e) {
      if (e.problem().isBlank() || e.remedy().isBlank()) {
        throw new AssertionError("DegenerateDataException without a problem and a remedy: " + e.getMessage());
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new AssertionError("the analysis threw " + e + " on " + sample, e);
    }
  }

  /** The result, failing when the analysis refused data that is not degenerate. */
  static <S, R> R require(Function<S, R> analysis, S sample, String why) {
    return run(analysis, sample).orElseThrow(() ->
        new AssertionError("the analysis refused " + why + " as degenerate: " + sample));
  }

  /** p in [0, 1], a CI that holds its estimate, n used not above the sample size. */
  static void sane(AnalysisResult result, int sampleSize, Object sample) {
    result.test().ifPresent(t -> check(t.pValue() >= 0 && t.pValue() <= 1, "p-value " + t.pValue(), sample));
    result.estimate().ifPresent(e -> e.interval().ifPresent(ci ->
        check(ci.lower() <= e.value() + TOLERANCE * Math.max(1, Math.abs(e.value()))
                && e.value() <= ci.upper() + TOLERANCE * Math.max(1, Math.abs(e.value())),
            "estimate " + e.value() + " outside its interval [" + ci.lower() + ", " + ci.upper() + "]", sample)));
    check(result.nUsed() >= 0 && result.nUsed() <= sampleSize,
        "n used " + result.nUsed() + " for a sample of " + sampleSize, sample);
    check(!result.method().isBlank(), "no method named", sample);
  }

  static void check(boolean condition, String message, Object sample) {
    if (!condition) {
      throw new AssertionError(message + "\n  sample: " + sample);
    }
  }

  static boolean close(double a, double b) {
    return a == b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  static double estimate(AnalysisResult r) {
    return r.estimate().map(Estimate::value).orElse(Double.NaN);
  }

  static double p(AnalysisResult r) {
    return r.test().map(HypothesisTest::pValue).orElse(Double.NaN);
  }

  static double statistic(AnalysisResult r) {
    return r.test().map(HypothesisTest::statistic).orElse(Double.NaN);
  }

  static Optional<ConfidenceInterval> interval(AnalysisResult r) {
    return r.estimate().flatMap(Estimate::interval);
  }

  /** Equal, treating two absent values (NaN) as equal. */
  static boolean same(double a, double b) {
    return (Double.isNaN(a) && Double.isNaN(b)) || close(a, b);
  }
}
