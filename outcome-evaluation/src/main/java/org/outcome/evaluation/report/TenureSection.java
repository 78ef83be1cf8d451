package org.outcome.evaluation.report;

import java.util.List;
import java.util.Optional;

/**
 * Community tenure: time to psychiatric readmission and what follows from it.
 *
 * @param rules the derivation rules in words (window, gap, extraction date, settings)
 * @param excluded people left out of time to readmission, with why (counts suppressed)
 * @param groups per group: people, readmitted, censored, person-years, bed-days
 * @param curves Kaplan-Meier curves per group, for the chart and the survival table
 * @param atDays the days at which survival and numbers at risk are reported
 * @param analyses every tenure analysis run (Kaplan-Meier, log-rank, Cox, RMST, rate ratio, 2x2)
 * @param readmissionTable readmitted within the horizon, by group (counts suppressed)
 * @param bedDays bed-days against the historical comparator, when one is given
 * @param costs the cost-offset table, when costs are given
 * @param meanReadmissions with a recurrent-event analysis: per group, the mean cumulative number of
 *     readmissions per person (the curve's value; robust limits), at risk between stays
 * @param incidence with a competing-risks analysis: per group, the cumulative incidence of
 *     readmission with death competing (limits: estimate ± z SE, within [0, 1])
 */
public record TenureSection(List<String> rules, List<OutcomeSection.Reason> excluded, List<GroupTenure> groups,
    List<Curve> curves, List<Integer> atDays, List<AnalysisEntry> analyses, List<ReadmissionRow> readmissionTable,
    Optional<BedDays> bedDays, Optional<CostOffset> costs, List<Curve> meanReadmissions, List<Curve> incidence) {
  public TenureSection {
    meanReadmissions = List.copyOf(meanReadmissions);
    incidence = List.copyOf(incidence);
    rules = List.copyOf(rules);
    excluded = List.copyOf(excluded);
    groups = List.copyOf(groups);
    curves = List.copyOf(curves);
    atDays = List.copyOf(atDays);
    analyses = List.copyOf(analyses);
    readmissionTable = List.copyOf(readmissionTable);
  }

  /**
   * A group's tenure totals.
   *
   * @param group the group
   * @param people people in time to readmission, suppressed
   * @param readmitted people readmitted within follow-up, suppressed
   * @param censored people censored, suppressed
   * @param readmissions readmissions (stays) in follow-up, suppressed
   * @param personYears person-years followed
   * @param personYearsInCommunity person-years in the community
   * @param bedDays hospital nights in follow-up, suppressed
   * @param medianDays the median time to readmission, when reached
   * @param medianLower its lower confidence limit, when defined
   * @param medianUpper its upper confidence limit, when defined
   */
  public record GroupTenure(String group, SuppressedCount people, SuppressedCount readmitted, SuppressedCount censored,
      SuppressedCount readmissions, double personYears, double personYearsInCommunity, SuppressedCount bedDays,
      java.util.OptionalDouble medianDays, java.util.OptionalDouble medianLower, java.util.OptionalDouble medianUpper) {}

  /**
   * A step curve by group: a Kaplan-Meier curve (its values survival), or a mean cumulative
   * function or a cumulative incidence (its values those, starting at 0). Immutable, with value
   * equality; non-finite values are written to JSON as {@code null}.
   *
   * @param group the group
   * @param time event and censoring times
   * @param survival survival just after each time
   * @param lower lower confidence limit (NaN where undefined)
   * @param upper upper confidence limit (NaN where undefined)
   * @param survivalAt survival at each of the section's {@code atDays}
   * @param atRisk numbers at risk at each of the section's {@code atDays}, suppressed
   * @param nRisk numbers at risk at each time, exact: only in the internal (exact) report, empty
   *     when published
   * @param nEvent events at each time, exact: only in the internal (exact) report, empty when
   *     published
   */
  public record Curve(String group, List<Double> time, List<Double> survival, List<Double> lower,
      List<Double> upper, List<Double> survivalAt, List<SuppressedCount> atRisk, List<Long> nRisk,
      List<Long> nEvent) {
    public Curve {
      nRisk = List.copyOf(nRisk);
      nEvent = List.copyOf(nEvent);
      if (!nRisk.isEmpty() && nRisk.size() != time.size() || nRisk.size() != nEvent.size()) {
        throw new IllegalArgumentException("numbers at risk and events must be given at every time, or not at all");
      }
      time = List.copyOf(time);
      survival = List.copyOf(survival);
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
      survivalAt = List.copyOf(survivalAt);
      atRisk = List.copyOf(atRisk);
      if (survival.size() != time.size() || lower.size() != time.size() || upper.size() != time.size()) {
        throw new IllegalArgumentException("curve lists differ in length");
      }
    }

    /** A curve from arrays, which are copied. */
    public static Curve of(String group, double[] time, double[] survival, double[] lower, double[] upper,
        List<Double> survivalAt, List<SuppressedCount> atRisk) {
      return new Curve(group, list(time), list(survival), list(lower), list(upper), survivalAt, atRisk, List.of(),
          List.of());
    }

    /** An exact curve with its numbers at risk and events at each time (arrays are copied). */
    public static Curve exact(String group, double[] time, double[] survival, double[] lower, double[] upper,
        List<Double> survivalAt, List<SuppressedCount> atRisk, long[] nRisk, long[] nEvent) {
      return new Curve(group, list(time), list(survival), list(lower), list(upper), survivalAt, atRisk,
          java.util.Arrays.stream(nRisk).boxed().toList(), java.util.Arrays.stream(nEvent).boxed().toList());
    }

    private static List<Double> list(double[] values) {
      return java.util.Arrays.stream(values).boxed().toList();
    }
  }

  /**
   * Readmitted within the horizon (or followed for the whole horizon without), by group.
   *
   * @param group the group
   * @param readmitted readmitted within the horizon, suppressed
   * @param notReadmitted followed for the horizon without readmission, suppressed
   * @param unknown censored before the horizon, suppressed
   */
  public record ReadmissionRow(String group, SuppressedCount readmitted, SuppressedCount notReadmitted,
      SuppressedCount unknown) {}

  /**
   * Bed-days of the intervention group against a historical comparator (Lawn et al. 2008).
   *
   * @param group the group compared
   * @param personYears its person-years of follow-up
   * @param observed its bed-days in follow-up, suppressed
   * @param expected bed-days the comparator's rates imply over the same person-years
   * @param saved expected minus observed
   * @param comparator the comparator's rates and source, in words
   */
  public record BedDays(String group, double personYears, SuppressedCount observed, double expected, double saved,
      String comparator) {}

  /**
   * Bed-days saved priced against the cost of peer support (Trachtenberg et al. 2013).
   *
   * @param currency the currency
   * @param bedDayCost the unit cost of a bed-day
   * @param bedDaysSaved bed-days saved
   * @param savings bed-days saved times the unit cost
   * @param peerSupportCost the cost of the service
   * @param net savings minus the cost of the service
   * @param source where the costs come from
   */
  public record CostOffset(String currency, double bedDayCost, double bedDaysSaved, double savings,
      double peerSupportCost, double net, String source) {}
}
