package org.outcome.evaluation.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.result.AnalysisResult;
import org.outcome.stats.paired.AnalysisSet;

/**
 * One analysis as published: the parts every {@link AnalysisResult} has, with the number used
 * suppressed. Analyses from plugins appear exactly like built-in ones.
 *
 * @param analysis the analysis id
 * @param name the analysis's name
 * @param set the analysis set in words
 * @param setKind the kind of analysis set, for machine reading ({@code INTENTION_TO_TREAT},
 *     {@code AS_TREATED}); absent where the analysis uses no before-and-after analysis set
 *     (community tenure)
 * @param group the group analysed, or {@code "both"} for a comparison
 * @param method the method actually used
 * @param n the number used, suppressed
 * @param estimate the primary estimate, when the analysis has one
 * @param test the primary test, when the analysis has one
 * @param warnings the analysis's warnings
 */
public record AnalysisEntry(String analysis, String name, String set, Optional<AnalysisSet.Kind> setKind, String group,
    String method, SuppressedCount n, Optional<EstimateEntry> estimate, Optional<TestEntry> test,
    List<String> warnings) {
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
   * @param value its value; absent when it is a small count that suppression hides
   * @param df its degrees of freedom (the numerator's, for F), where it has them and the number
   *     used is not suppressed
   * @param denominatorDf the denominator degrees of freedom of an F statistic, where the number
   *     used is not suppressed
   * @param p the p-value
   */
  public record TestEntry(String statistic, OptionalDouble value, OptionalDouble df, OptionalDouble denominatorDf,
      double p) {}

  /** The published form of a result. */
  public static AnalysisEntry of(String analysis, String name, String set, Optional<AnalysisSet.Kind> setKind,
      String group, AnalysisResult result, Suppression suppression) {
    Optional<EstimateEntry> estimate = result.estimate().map(e -> new EstimateEntry(e.name(), e.value(),
        e.interval().map(ci -> OptionalDouble.of(ci.lower())).orElse(OptionalDouble.empty()),
        e.interval().map(ci -> OptionalDouble.of(ci.upper())).orElse(OptionalDouble.empty()),
        e.interval().map(ci -> OptionalDouble.of(ci.level())).orElse(OptionalDouble.empty())));
    SuppressedCount n = suppression.apply(result.nUsed());
    // degrees of freedom and count statistics (a cell of a table, events in a group) can give away
    // a small count: when the number used is suppressed they are left out, and a statistic that
    // is a small whole number is hidden like a count
    Optional<TestEntry> test = result.test().map(t -> new TestEntry(t.statisticName(),
        smallCount(t.statistic(), suppression) ? OptionalDouble.empty() : OptionalDouble.of(t.statistic()),
        n.hidden() ? OptionalDouble.empty() : t.df(), n.hidden() ? OptionalDouble.empty() : t.denominatorDf(),
        t.pValue()));
    return new AnalysisEntry(analysis, name, set, setKind, group, result.method(), n, estimate, test,
        result.warnings().stream().map(w -> w.message()).toList());
  }

  private static boolean smallCount(double statistic, Suppression suppression) {
    return suppression.enabled() && statistic == Math.rint(statistic) && statistic >= 1
        && statistic <= suppression.maxSuppressed();
  }

  /** An analysis that could not be run on these data, with the reason as its only warning. */
  public static AnalysisEntry notRun(String analysis, String name, String set, Optional<AnalysisSet.Kind> setKind,
      String group, String reason) {
    return new AnalysisEntry(analysis, name, set, setKind, group, "not run", SuppressedCount.shown(0), Optional.empty(),
        Optional.empty(), List.of(reason));
  }
}
