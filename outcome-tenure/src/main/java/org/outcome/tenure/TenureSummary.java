package org.outcome.tenure;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

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
    Tally tally = new Tally();
    results.people().forEach(tally::add);
    return tally.summary(results.peopleCounts(), results.episodeCounts(), results.episodesOutsideSettings());
  }

  /**
   * The people's part of a summary, added up one result at a time and mergeable, so that results
   * computed in parts (on Spark's executors) are summarised without being brought together: the
   * median is kept exactly as counts per number of days followed (at most one per day of follow-up).
   * Serializable for that; not thread-safe.
   */
  public static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;

    private int people;
    private int included;
    private int events;
    private final EnumMap<TenureFlag, Integer> byFlag = new EnumMap<>(TenureFlag.class);
    private final EnumMap<CensorReason, Integer> byReason = new EnumMap<>(CensorReason.class);
    private long followed;
    private long bed;
    private long community;
    private long readmissions;
    private long includedDaysFollowed;
    private long includedBedDays;
    private final int[] h30 = new int[3];
    private final int[] h90 = new int[3];
    private final TreeMap<Integer, Integer> daysFollowed = new TreeMap<>();

    /** An empty tally: every flag and reason at 0. */
    public Tally() {
      for (TenureFlag f : TenureFlag.values()) {
        if (f.excludesFromTimeToReadmission()) {
          byFlag.put(f, 0);
        }
      }
      for (CensorReason c : CensorReason.values()) {
        byReason.put(c, 0);
      }
    }

    /** Adds an accepted person's result. */
    public Tally add(TenureResult r) {
      people++;
      daysFollowed.merge(r.daysFollowed(), 1, Integer::sum);
      followed += r.daysFollowed();
      bed += r.bedDays();
      community += r.daysInCommunity();
      readmissions += r.readmissions();
      if (r.included()) {
        included++;
        includedDaysFollowed += r.daysFollowed();
        includedBedDays += r.bedDays();
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
      return this;
    }

    /** Adds another tally's people to this one. */
    public Tally merge(Tally other) {
      people += other.people;
      included += other.included;
      events += other.events;
      other.byFlag.forEach((f, n) -> byFlag.merge(f, n, Integer::sum));
      other.byReason.forEach((c, n) -> byReason.merge(c, n, Integer::sum));
      followed += other.followed;
      bed += other.bed;
      community += other.community;
      readmissions += other.readmissions;
      includedDaysFollowed += other.includedDaysFollowed;
      includedBedDays += other.includedBedDays;
      for (int i = 0; i < 3; i++) {
        h30[i] += other.h30[i];
        h90[i] += other.h90[i];
      }
      other.daysFollowed.forEach((d, n) -> daysFollowed.merge(d, n, Integer::sum));
      return this;
    }

    /** The summary of the people added, with the row counts of the run. */
    public TenureSummary summary(RowCounts peopleCounts, RowCounts episodeCounts, long episodesOutsideSettings) {
      return new TenureSummary(peopleCounts, episodeCounts, episodesOutsideSettings, included, people - included,
          byFlag, events, byReason, median(), followed, bed, community, readmissions,
          new HorizonCounts(h30[0], h30[1], h30[2]), new HorizonCounts(h90[0], h90[1], h90[2]));
    }

    /** Bed-days saved by the people added against a comparator ({@link BedDaysSaved}). */
    public BedDaysSaved bedDaysSaved(BedDayComparator comparator) {
      return BedDaysSaved.of(Objects.requireNonNull(comparator, "comparator"), included, people - included,
          includedDaysFollowed, includedBedDays);
    }

    /** The middle value, or the mean of the middle two, of the days followed. */
    private OptionalDouble median() {
      if (people == 0) {
        return OptionalDouble.empty();
      }
      int lower = (people - 1) / 2;
      int upper = people / 2;
      double lowerValue = Double.NaN;
      int seen = 0;
      for (Map.Entry<Integer, Integer> e : daysFollowed.entrySet()) {
        int after = seen + e.getValue();
        if (lower < after && Double.isNaN(lowerValue)) {
          lowerValue = e.getKey();
        }
        if (upper < after) {
          return OptionalDouble.of(lower == upper ? lowerValue : (lowerValue + e.getKey()) / 2);
        }
        seen = after;
      }
      throw new IllegalStateException("the day counts do not add up to the people");
    }

    private static void count(int[] counts, Optional<Boolean> flag) {
      counts[flag.isEmpty() ? 2 : flag.get() ? 0 : 1]++;
    }
  }
}
