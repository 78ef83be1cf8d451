package org.outcome.tenure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.outcome.api.SubjectId;

/**
 * One person's community tenure. All counts are whole days; day 0 is the index date. The rules
 * are those of {@link TenureCalculator}.
 *
 * @param subject who; never printed by the library
 * @param group the person's group, when the people file has one
 * @param indexDate the start of follow-up
 * @param followUpEnd the last day of follow-up: the earliest of end of observation, death, index
 *     date + window and extraction date
 * @param followUpEndReason which of them ended follow-up
 * @param timeToReadmission time to first readmission and event; empty when a flag excludes the
 *     person ({@link TenureFlag#excludesFromTimeToReadmission()})
 * @param firstReadmission the admission date of the first readmission, when there is one (even
 *     for an excluded person)
 * @param daysFollowed {@code followUpEnd − indexDate}: the nights of follow-up
 * @param daysInCommunity {@code daysFollowed − bedDays}
 * @param bedDays hospital nights within follow-up
 * @param readmissions stays admitted after the index date and on or before the end of follow-up
 * @param readmitted30 readmitted within 30 days (time ≤ 30): true or false, or empty when the
 *     person was censored before day 30 without a readmission or is excluded
 * @param readmitted90 the same for 90 days
 * @param mergedStays how many of the person's stays (over every episode supplied in the counted
 *     settings, whatever its date) were made by joining two or more episodes
 * @param flags what a reader must know; see {@link TenureFlag}
 * @param history every readmission within follow-up, in order, when kept (the calculator and the
 *     Spark engine keep it; a result built by hand may not): what the recurrent forms are built from
 */
public record TenureResult(
    SubjectId subject,
    Optional<String> group,
    LocalDate indexDate,
    LocalDate followUpEnd,
    CensorReason followUpEndReason,
    Optional<TimeToReadmission> timeToReadmission,
    Optional<LocalDate> firstReadmission,
    int daysFollowed,
    int daysInCommunity,
    int bedDays,
    int readmissions,
    Optional<Boolean> readmitted30,
    Optional<Boolean> readmitted90,
    int mergedStays,
    Set<TenureFlag> flags,
    Optional<List<Readmission>> history) {

  /** @throws IllegalArgumentException if the parts contradict each other */
  public TenureResult {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(indexDate, "indexDate");
    Objects.requireNonNull(followUpEnd, "followUpEnd");
    Objects.requireNonNull(followUpEndReason, "followUpEndReason");
    Objects.requireNonNull(timeToReadmission, "timeToReadmission");
    Objects.requireNonNull(firstReadmission, "firstReadmission");
    Objects.requireNonNull(readmitted30, "readmitted30");
    Objects.requireNonNull(readmitted90, "readmitted90");
    flags = flags.isEmpty()
        ? Collections.unmodifiableSet(EnumSet.noneOf(TenureFlag.class))
        : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    require(ChronoUnit.DAYS.between(indexDate, followUpEnd) == daysFollowed,
        "daysFollowed is the days from the index date to the end of follow-up");
    require(bedDays >= 0 && daysInCommunity >= 0 && bedDays + daysInCommunity == daysFollowed,
        "bed-days and days in the community are non-negative and add up to the days followed");
    require(readmissions >= 0 && mergedStays >= 0, "counts are non-negative");
    Objects.requireNonNull(history, "history");
    history = history.map(List::copyOf);
    if (history.isPresent()) {
      List<Readmission> h = history.get();
      require(h.size() == readmissions, "the history holds every readmission");
      for (int k = 0; k < h.size(); k++) {
        require(h.get(k).day() <= daysFollowed, "readmissions are within follow-up");
        require(k == 0 || h.get(k - 1).dischargeDay().orElse(Integer.MAX_VALUE) < h.get(k).day(),
            "a readmission follows the previous stay's discharge");
      }
      require(h.isEmpty() || firstReadmission.orElseThrow().equals(indexDate.plusDays(h.get(0).day())),
          "the first readmission is the history's first");
    }
    require(firstReadmission.isPresent() == readmissions > 0,
        "there is a first readmission exactly when there are readmissions");
    boolean excluded = false;
    for (TenureFlag f : flags) {
      excluded |= f.excludesFromTimeToReadmission();
    }
    require(timeToReadmission.isEmpty() == excluded,
        "time to readmission is empty exactly when a flag excludes the person");
    require(!excluded || (readmitted30.isEmpty() && readmitted90.isEmpty()),
        "an excluded person has no 30/90-day readmission flags");
    if (timeToReadmission.isPresent()) {
      TimeToReadmission t = timeToReadmission.get();
      require(t.days() <= daysFollowed && t.event() == readmissions > 0,
          "time to readmission is within follow-up and is an event exactly when there are readmissions");
    }
  }

  private static void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("inconsistent tenure result: " + rule);
    }
  }

  /** Whether the person is in time-to-readmission analyses (no excluding flag). */
  public boolean included() {
    return timeToReadmission.isPresent();
  }

  /** The time in days, when the person is included. */
  public OptionalInt time() {
    return timeToReadmission.map(t -> OptionalInt.of(t.days())).orElse(OptionalInt.empty());
  }

  /** Whether the person was readmitted, when the person is included. */
  public Optional<Boolean> event() {
    return timeToReadmission.map(TimeToReadmission::event);
  }

  /** Why the person was censored, when included and not readmitted. */
  public Optional<CensorReason> censorReason() {
    return timeToReadmission.flatMap(TimeToReadmission::censorReason);
  }

  /**
   * The person's time in the community as counting-process rows for recurrent readmissions
   * (Andersen–Gill): {@code (0, a1]}, {@code (d1, a2]}, …, each ending with a readmission at its
   * admission day {@code a}, the next starting at that stay's discharge day {@code d}, and the last
   * {@code (d, end of follow-up]} without one; days in hospital are in no row. Empty for a person
   * excluded from time to readmission, and when the last stay is still open or lasts past
   * follow-up there is no row after it.
   *
   * @throws IllegalStateException if the history was not kept
   */
  public List<Interval> communityIntervals() {
    return intervals(true);
  }

  /**
   * The same readmissions on the total-time clock (not stopped in hospital): {@code (0, a1]},
   * {@code (a1, a2]}, …, {@code (a_last, end of follow-up]}, for comparison with
   * {@link #communityIntervals()}.
   *
   * @throws IllegalStateException if the history was not kept
   */
  public List<Interval> totalTimeIntervals() {
    return intervals(false);
  }

  private List<Interval> intervals(boolean clockStopped) {
    List<Readmission> h = history.orElseThrow(() -> new IllegalStateException(
        "the readmission history was not kept for this result"));
    if (!included()) {
      return List.of();
    }
    List<Interval> out = new java.util.ArrayList<>();
    int start = 0;
    for (Readmission r : h) {
      out.add(new Interval(start, r.day(), true, out.size() + 1));
      if (!clockStopped) {
        start = r.day();
      } else if (r.dischargeDay().isPresent() && r.dischargeDay().getAsInt() < daysFollowed) {
        start = r.dischargeDay().getAsInt();
      } else {
        return out;
      }
    }
    if (start < daysFollowed) {
      out.add(new Interval(start, daysFollowed, false, out.size() + 1));
    }
    return out;
  }

  /**
   * The status of {@link #time()} for competing-risks analyses (time to the first of readmission
   * and death): 1 readmitted, 2 died before any readmission (follow-up ended by the people file's
   * {@code death_date}), 0 censored. Empty for a person excluded from time to readmission.
   */
  public OptionalInt competingStatus() {
    return timeToReadmission.map(t -> OptionalInt.of(t.event() ? 1
        : t.censorReason().filter(c -> c == CensorReason.DEATH).isPresent() ? 2 : 0)).orElse(OptionalInt.empty());
  }

  @Override
  public String toString() {
    return "TenureResult[subject redacted, daysFollowed " + daysFollowed + ", time "
        + timeToReadmission.map(t -> t.days() + (t.event() ? " (event)" : " (censored)")).orElse("excluded")
        + ", bedDays " + bedDays + ", readmissions " + readmissions + ", flags " + flags + "]";
  }
}
