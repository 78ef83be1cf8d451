package org.outcome.tenure;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Counts and totals over a run of community tenure, for the summary table of a report.
 *
 * @param people rows of the people file read, accepted, rejected
 * @param episodes rows of the episodes file read, accepted, rejected
 * @param episodesOutsideSettings accepted episodes ignored because their setting is not counted
 * @param included people in time to readmission
 * @param excluded people left out of it (each once)
 * @param excludedByFlag for each excluding flag, how many people carry it
 * @param events included people readmitted within follow-up
 * @param censoredByReason included people not readmitted, by why follow-up ended
 * @param medianDaysFollowed the median of days followed over every accepted person (the mean of
 *     the middle two for an even count); empty with no people
 * @param totalDaysFollowed Σ days followed, accepted people
 * @param totalBedDays Σ bed-days within follow-up, accepted people
 * @param totalDaysInCommunity Σ days in the community, accepted people
 * @param totalReadmissions Σ readmissions, accepted people
 * @param readmitted30 the 30-day flags of the included people
 * @param readmitted90 the 90-day flags of the included people
 */
public record TenureSummary(
    RowCounts people,
    RowCounts episodes,
    long episodesOutsideSettings,
    int included,
    int excluded,
    Map<TenureFlag, Integer> excludedByFlag,
    int events,
    Map<CensorReason, Integer> censoredByReason,
    OptionalDouble medianDaysFollowed,
    long totalDaysFollowed,
    long totalBedDays,
    long totalDaysInCommunity,
    long totalReadmissions,
    HorizonCounts readmitted30,
    HorizonCounts readmitted90) {

  public TenureSummary {
    Objects.requireNonNull(people, "people");
    Objects.requireNonNull(episodes, "episodes");
    excludedByFlag = Map.copyOf(excludedByFlag);
    censoredByReason = Map.copyOf(censoredByReason);
    Objects.requireNonNull(medianDaysFollowed, "medianDaysFollowed");
    Objects.requireNonNull(readmitted30, "readmitted30");
    Objects.requireNonNull(readmitted90, "readmitted90");
  }

  /** Summarises results. Every flag and reason appears in the maps, with 0 when absent. */
  static TenureSummary of(TenureResults results) {
    List<TenureResult> people = results.people();
    Map<TenureFlag, Integer> byFlag = new EnumMap<>(TenureFlag.class);
    for (TenureFlag f : TenureFlag.values()) {
      if (f.excludesFromTimeToReadmission()) {
        byFlag.put(f, 0);
      }
    }
    Map<CensorReason, Integer> byReason = new EnumMap<>(CensorReason.class);
    for (CensorReason c : CensorReason.values()) {
      byReason.put(c, 0);
    }
    int included = 0;
    int events = 0;
    long followed = 0;
    long bed = 0;
    long community = 0;
    long readmissions = 0;
    int[] h30 = new int[3];
    int[] h90 = new int[3];
    int[] days = new int[people.size()];
    for (int i = 0; i < people.size(); i++) {
      TenureResult r = people.get(i);
      days[i] = r.daysFollowed();
      followed += r.daysFollowed();
      bed += r.bedDays();
      community += r.daysInCommunity();
      readmissions += r.readmissions();
      if (r.included()) {
        included++;
        if (r.event().orElseThrow()) {
          events++;
        } else {
          byReason.merge(r.censorReason().orElseThrow(), 1, Integer::sum);
        }
        count(h30, r.readmitted30());
        count(h90, r.readmitted90());
      } else {
        for (TenureFlag f : r.flags()) {
          if (f.excludesFromTimeToReadmission()) {
            byFlag.merge(f, 1, Integer::sum);
          }
        }
      }
    }
    Arrays.sort(days);
    OptionalDouble median = days.length == 0 ? OptionalDouble.empty()
        : OptionalDouble.of(days.length % 2 == 1 ? days[days.length / 2]
            : (days[days.length / 2 - 1] + (double) days[days.length / 2]) / 2);
    return new TenureSummary(results.peopleCounts(), results.episodeCounts(),
        results.episodesOutsideSettings(), included, people.size() - included, byFlag, events, byReason,
        median, followed, bed, community, readmissions,
        new HorizonCounts(h30[0], h30[1], h30[2]), new HorizonCounts(h90[0], h90[1], h90[2]));
  }

  private static void count(int[] counts, Optional<Boolean> flag) {
    counts[flag.isEmpty() ? 2 : flag.get() ? 0 : 1]++;
  }
}
