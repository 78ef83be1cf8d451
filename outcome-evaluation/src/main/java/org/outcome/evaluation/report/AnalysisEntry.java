package org.outcome.evaluation.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.AnalysisId;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.OutcomeException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Warning;
import org.outcome.stats.paired.AnalysisSet;

/**
 * One analysis as published: the parts every {@link AnalysisResult} has, with the number used
 * suppressed, or why the analysis could not be run on these data. Analyses from plugins appear
 * exactly like built-in ones.
 *
 * <p>An entry is in one of two {@link Status states}. When the analysis {@link Status#RAN ran},
 * {@code method} and {@code n} are present, {@code estimate} and {@code test} are present where the
 * analysis has them, and {@code reason} is empty. When it was {@link Status#NOT_RUN not run},
 * {@code reason} says why and {@code method}, {@code n}, {@code estimate}, {@code test} and
 * {@code warnings} are empty. The constructor enforces this.
 *
 * @param analysis the analysis id
 * @param name the analysis's name
 * @param set the analysis set in words
 * @param setKind the kind of analysis set, for machine reading ({@code INTENTION_TO_TREAT},
 *     {@code AS_TREATED}); absent where the analysis uses no before-and-after analysis set
 *     (community tenure)
 * @param group the group analysed, or the two groups compared ({@code "peer-support vs usual-care"})
 * @param status whether the analysis ran
 * @param method the method actually used, when it ran
 * @param n the number used, suppressed, when it ran
 * @param estimate the primary estimate, when the analysis ran and has one
 * @param test the primary test, when the analysis ran and has one
 * @param warnings the analysis's warnings, each with its machine-readable code
 * @param reason why the analysis was not run, when it was not
 */
public record AnalysisEntry(AnalysisId analysis, String name, String set, Optional<AnalysisSet.Kind> setKind,
    String group, Status status, Optional<String> method, Optional<SuppressedCount> n,
    Optional<EstimateEntry> estimate, Optional<TestEntry> test, List<Warning> warnings, Optional<NotRun> reason) {
  public AnalysisEntry {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(status, "status");
    warnings = List.copyOf(warnings);
    boolean ran = status == Status.RAN;
    if (ran != method.isPresent() || ran != n.isPresent() || ran == reason.isPresent()
        || !ran && (estimate.isPresent() || test.isPresent() || !warnings.isEmpty())) {
      throw new IllegalArgumentException("an entry that " + (ran ? "ran needs a method and n and no reason"
          : "was not run has a reason and no method, n, estimate, test or warnings"));
    }
  }

  /** Whether an analysis ran. */
  public enum Status {
    /** The analysis ran and its result is published. */
    RAN,
    /** The analysis could not be run on these data; the entry's {@code reason} says why. */
    NOT_RUN
  }

  /**
   * Why an analysis was not run.
   *
   * @param code a stable machine-readable code: {@code degenerate-data} (the data are valid but the
   *     analysis cannot give a meaningful number on them), {@code invalid-input} (the data break a
   *     rule of the analysis) or {@code plugin-failure} (a {@link org.outcome.api.PluginException},
   *     or any other exception an analysis threw)
   * @param summary the failure in a few words (the exception's {@link OutcomeException#summary()})
   * @param message the full explanation, naming what is at fault and what to do
   */
  public record NotRun(String code, String summary, String message) {
    public NotRun {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(message, "message");
    }

    /** The reason an exception gives. */
    public static NotRun of(OutcomeException e) {
      String code = e instanceof DegenerateDataException ? "degenerate-data"
          : e instanceof InvalidInputException ? "invalid-input"
          : "plugin-failure";
      return new NotRun(code, e.summary(), e.getMessage());
    }

    /**
     * The reason when an analysis failed with an unexpected exception (a bug in a plugin or in the
     * library): code {@code plugin-failure}. The exception's own message is left out, since it may
     * quote the data; only its type is named.
     */
    public static NotRun failure(AnalysisId analysis, RuntimeException e) {
      return new NotRun("plugin-failure", "the analysis failed", "analysis '" + analysis + "' failed with "
          + e.getClass().getName() + " instead of giving a result or a reason; its provider needs fixing");
    }
  }

  /** Whether the analysis ran (its status is {@link Status#RAN}). */
  public boolean ran() {
    return status == Status.RAN;
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
  public static AnalysisEntry of(AnalysisId analysis, String name, String set, Optional<AnalysisSet.Kind> setKind,
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
    return new AnalysisEntry(analysis, name, set, setKind, group, Status.RAN, Optional.of(result.method()),
        Optional.of(n), estimate, test, result.warnings(), Optional.empty());
  }

  private static boolean smallCount(double statistic, Suppression suppression) {
    return suppression.enabled() && statistic == Math.rint(statistic) && statistic >= 1
        && statistic <= suppression.maxSuppressed();
  }

  /** An analysis that could not be run on these data, with the reason the exception gives. */
  public static AnalysisEntry notRun(AnalysisId analysis, String name, String set, Optional<AnalysisSet.Kind> setKind,
      String group, OutcomeException reason) {
    return new AnalysisEntry(analysis, name, set, setKind, group, Status.NOT_RUN, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.of(NotRun.of(reason)));
  }

  /** An analysis that failed with an unexpected exception: not run, code {@code plugin-failure}. */
  public static AnalysisEntry failed(AnalysisId analysis, String name, String set, Optional<AnalysisSet.Kind> setKind,
      String group, RuntimeException failure) {
    return new AnalysisEntry(analysis, name, set, setKind, group, Status.NOT_RUN, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.of(NotRun.failure(analysis, failure)));
  }
}
