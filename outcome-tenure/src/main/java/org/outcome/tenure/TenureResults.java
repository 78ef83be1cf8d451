package org.outcome.tenure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.outcome.api.InvalidInputException;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.tenure.internal.ResultsView;

/**
 * Community tenure for a batch of people: one {@link TenureResult} per accepted person, in input
 * order, every rejected row with its reasons, and the row counts ({@code read = accepted +
 * rejected} for both inputs).
 *
 * @param options the options used
 * @param people one result per accepted person, in the order of the people input; in a batch that
 *     {@link TenureCalculator} read, each result is computed from compactly held people and
 *     episodes when it is read (reading it again gives an equal result), so that a batch of
 *     millions of people stays small
 * @param rejected every rejected row, people rows first, each input in row order
 * @param peopleCounts rows of the people input
 * @param episodeCounts rows of the episodes input
 * @param episodesOutsideSettings accepted episodes not counted because of their setting
 */
public record TenureResults(TenureOptions options, List<TenureResult> people, List<Rejection> rejected,
    RowCounts peopleCounts, RowCounts episodeCounts, long episodesOutsideSettings) {
  public TenureResults {
    Objects.requireNonNull(options, "options");
    // a batch's own results are computed as they are read, and never change: no copy
    people = people instanceof ResultsView ? people : List.copyOf(people);
    rejected = List.copyOf(rejected);
    Objects.requireNonNull(peopleCounts, "peopleCounts");
    Objects.requireNonNull(episodeCounts, "episodeCounts");
    if (peopleCounts.accepted() != people.size()
        || peopleCounts.rejected() != rejected.stream().filter(r -> r.file() == InputFile.PEOPLE).count()
        || episodeCounts.rejected() != rejected.stream().filter(r -> r.file() == InputFile.EPISODES).count()
        || episodesOutsideSettings < 0 || episodesOutsideSettings > episodeCounts.accepted()) {
      throw new IllegalArgumentException("the counts do not match the results and rejections");
    }
  }

  /** Counts and totals for a summary table. */
  public TenureSummary summary() {
    return TenureSummary.of(this);
  }

  /**
   * Time to first readmission of the included people as a survival sample (time in days, event =
   * readmitted), with the group as a factor (levels sorted as R sorts them) when every included
   * person has a group, and no group when none has.
   *
   * @throws InvalidInputException if some included people have a group and others do not
   */
  public TenureSurvivalSample toSurvivalSample() {
    return survivalSample(r -> true, Optional.empty());
  }

  /**
   * Time to first readmission of the included people in the given groups, with the group as a
   * factor whose levels are {@code groups} in the order given: the first is the reference level of
   * analyses that use treatment coding (a Cox model's hazard ratio, an RMST difference), and a
   * group with no included person is kept as an empty level. People with no group or another
   * group are left out of the sample and of its exclusion counts.
   *
   * @param groups the groups, in level order; not empty, none twice
   * @throws IllegalArgumentException if {@code groups} is empty or names a group twice
   */
  public TenureSurvivalSample toSurvivalSample(List<String> groups) {
    List<String> levels = List.copyOf(groups);
    if (levels.isEmpty() || Set.copyOf(levels).size() != levels.size()) {
      throw new IllegalArgumentException("give each group once, and at least one");
    }
    return survivalSample(r -> r.group().filter(levels::contains).isPresent(), Optional.of(levels));
  }

  private TenureSurvivalSample survivalSample(Predicate<TenureResult> inScope, Optional<List<String>> levels) {
    int inScopeCount = 0;
    int n = 0;
    for (TenureResult r : people) {
      if (inScope.test(r)) {
        inScopeCount++;
        if (r.included()) {
          n++;
        }
      }
    }
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    String[] groups = new String[n];
    List<SubjectId> subjects = new ArrayList<>(n);
    Map<TenureFlag, Integer> byFlag = new EnumMap<>(TenureFlag.class);
    int withGroup = 0;
    int i = 0;
    for (TenureResult r : people) {
      if (!inScope.test(r)) {
        continue;
      }
      if (!r.included()) {
        r.flags().stream().filter(TenureFlag::excludesFromTimeToReadmission)
            .forEach(f -> byFlag.merge(f, 1, Integer::sum));
        continue;
      }
      TimeToReadmission t = r.timeToReadmission().orElseThrow();
      time[i] = t.days();
      event[i] = t.event();
      if (r.group().isPresent()) {
        groups[i] = r.group().get();
        withGroup++;
      }
      subjects.add(r.subject());
      i++;
    }
    if (withGroup > 0 && withGroup < n) {
      throw InvalidInputException.of("cannot make a grouped survival sample", Violation.at("group",
          (n - withGroup) + " of the " + n + " included people have no group; give every person a group, or none"));
    }
    SurvivalSample.Builder builder = SurvivalSample.builder(time, event);
    if (levels.isPresent()) {
      builder.group(Factor.withLevels(groups, levels.get()));
    } else if (withGroup > 0) {
      builder.group(Factor.grouping("group", groups));
    }
    return new TenureSurvivalSample(builder.build(), subjects, inScopeCount - n, byFlag);
  }

  /** Bed-days saved by the included people against a comparator; see {@link BedDaysSaved}. */
  public BedDaysSaved bedDaysSaved(BedDayComparator comparator) {
    return BedDaysSaved.of(people, comparator);
  }
}
