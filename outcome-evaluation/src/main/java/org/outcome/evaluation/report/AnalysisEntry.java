package org.outcome.evaluation.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.result.AnalysisResult;

/**
 * One analysis as published: the parts every {@link AnalysisResult} has, with the number used
 * suppressed. Analyses from plugins appear exactly like built-in ones.
 *
 * @param analysis the analysis id
 * @param name the analysis's name
 * @param set the analysis set in words
 * @param group the group analysed, or {@code "both"} for a comparison
 * @param method the method actually used
 * @param n the number used, suppressed
 * @param estimate the primary estimate, when the analysis has one
 * @param test the primary test, when the analysis has one
 * @param warnings the analysis's warnings
 */
public record AnalysisEntry(String analysis, String name, String set, String group, String method, SuppressedCount n,
    Optional<EstimateEntry> estimate, Optional<TestEntry> test, List<String> warnings) {
  public AnalysisEntry {
    warnings = List.copyOf(warnings);
  }

  /**
   * An estimate with its interval.
   *
   * @param name what is estimated
   * @param value the estimate
   * @param lower the interval's lower limit, when there is an interval
   * @param upper the interval's upper limit
   * @param level the interval's confidence level
   */
  public record EstimateEntry(String name, double value, OptionalDouble lower, OptionalDouble upper,
      OptionalDouble level) {}

  /**
   * A test.
   *
   * @param statistic the statistic's name
   * @param value its value
   * @param df its degrees of freedom, where it has them
   * @param p the p-value
   */
  public record TestEntry(String statistic, double value, OptionalDouble df, double p) {}

  /** The published form of a result. */
  public static AnalysisEntry of(String analysis, String name, String set, String group, AnalysisResult result,
      Suppression suppression) {
    Optional<EstimateEntry> estimate = result.estimate().map(e -> new EstimateEntry(e.name(), e.value(),
        e.interval().map(ci -> OptionalDouble.of(ci.lower())).orElse(OptionalDouble.empty()),
        e.interval().map(ci -> OptionalDouble.of(ci.upper())).orElse(OptionalDouble.empty()),
        e.interval().map(ci -> OptionalDouble.of(ci.level())).orElse(OptionalDouble.empty())));
    Optional<TestEntry> test = result.test().map(t -> new TestEntry(t.statisticName(), t.statistic(), t.df(), t.pValue()));
    return new AnalysisEntry(analysis, name, set, group, result.method(), suppression.apply(result.nUsed()),
        estimate, test, result.warnings().stream().map(w -> w.message()).toList());
  }

  /** An analysis that could not be run on these data, with the reason as its only warning. */
  public static AnalysisEntry notRun(String analysis, String name, String set, String group, String reason) {
    return new AnalysisEntry(analysis, name, set, group, "not run", SuppressedCount.shown(0), Optional.empty(),
        Optional.empty(), List.of(reason));
  }
}
