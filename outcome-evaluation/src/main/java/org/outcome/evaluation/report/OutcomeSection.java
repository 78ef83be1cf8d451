package org.outcome.evaluation.report;

import java.util.List;
import java.util.Optional;
import org.outcome.api.InstrumentId;

/**
 * One questionnaire outcome.
 *
 * @param instrument the instrument's id
 * @param name the instrument's name
 * @param score the score analysed, for example {@code "Empowerment (mean of 28 items)"}
 * @param range the score's range, for example {@code "1 to 4"}
 * @param primary whether it is a primary outcome
 * @param descriptives per group and set: n and means at baseline, follow-up and change
 * @param exclusions who each set left out and why (counts suppressed)
 * @param beforeAndAfter the before-and-after analyses, per group and set
 * @param comparison the comparison-group analyses, per set
 * @param reliableChange reliable change per group, when the instrument has the constants
 * @param reliableChangeNote why reliable change is missing, when it is
 * @param distributions five-number summaries for the before/after chart
 */
public record OutcomeSection(InstrumentId instrument, String name, String score, String range, boolean primary,
    List<Descriptive> descriptives, List<Exclusion> exclusions, List<AnalysisEntry> beforeAndAfter,
    List<AnalysisEntry> comparison, List<ReliableChangeRow> reliableChange, Optional<String> reliableChangeNote,
    List<Distribution> distributions) {
  public OutcomeSection {
    descriptives = List.copyOf(descriptives);
    exclusions = List.copyOf(exclusions);
    beforeAndAfter = List.copyOf(beforeAndAfter);
    comparison = List.copyOf(comparison);
    reliableChange = List.copyOf(reliableChange);
    distributions = List.copyOf(distributions);
  }

  /**
   * Means of the people with both scores.
   *
   * @param group the group
   * @param set the analysis set
   * @param n people with both scores, suppressed
   * @param meanBefore mean baseline score
   * @param meanAfter mean follow-up score
   * @param meanChange mean change (follow-up minus baseline)
   * @param sdChange standard deviation of the change
   */
  public record Descriptive(String group, String set, SuppressedCount n, double meanBefore, double meanAfter,
      double meanChange, double sdChange) {}

  /**
   * Who an analysis set left out.
   *
   * @param group the group
   * @param set the analysis set
   * @param enrolled people in the group
   * @param included people in the analysis
   * @param excluded by reason
   */
  public record Exclusion(String group, String set, SuppressedCount enrolled, SuppressedCount included,
      List<Reason> excluded) {
    public Exclusion {
      excluded = List.copyOf(excluded);
    }
  }

  /**
   * A reason for exclusion and how many it excluded.
   *
   * @param reason the reason
   * @param count how many, suppressed
   */
  public record Reason(String reason, SuppressedCount count) {}

  /**
   * Jacobson-Truax reliable change in one group.
   *
   * @param group the group
   * @param set the analysis set
   * @param n people classified, suppressed
   * @param improved reliably improved (including recovered), suppressed
   * @param unchanged within measurement error, suppressed
   * @param deteriorated reliably worse, suppressed
   * @param recovered reliably improved and crossed the clinical cut-off, where one is defined
   * @param threshold the smallest reliable change on the score's scale
   */
  public record ReliableChangeRow(String group, String set, SuppressedCount n, SuppressedCount improved,
      SuppressedCount unchanged, SuppressedCount deteriorated, Optional<SuppressedCount> recovered, double threshold) {}

  /**
   * A disclosure-safe summary of a group's scores at one time: the 10th, 25th, 50th, 75th and 90th
   * percentiles (no extreme values), only for groups of at least 10.
   *
   * @param group the group
   * @param time {@code "before"} or {@code "after"}
   * @param p10 10th percentile
   * @param p25 25th percentile
   * @param p50 median
   * @param p75 75th percentile
   * @param p90 90th percentile
   */
  public record Distribution(String group, String time, double p10, double p25, double p50, double p75, double p90) {}
}
