package org.outcome.tenure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.outcome.tenure.Person;
import org.outcome.tenure.Readmission;
import org.outcome.tenure.TenureFlag;
import org.outcome.tenure.TenureResult;
import org.outcome.tenure.TimeToReadmission;

/** Builds one person's {@link TenureResult} from the engine's measures. */
public final class PersonTenure {
  /** The horizons of the readmission flags, in days. */
  static final int SHORT_HORIZON = 30;
  static final int LONG_HORIZON = 90;

  private PersonTenure() {}

  /**
   * The result for a person whose episodes (already in the counted settings) are
   * {@code keys[from..to)}, sorted.
   *
   * @param rejectedEpisodes whether some of the person's episode rows were rejected
   */
  public static TenureResult compute(Person person, FollowUp followUp, long[] keys, int from, int to,
      int gapDays, boolean rejectedEpisodes) {
    int index = Math.toIntExact(person.indexDate().toEpochDay());
    int end = Math.toIntExact(followUp.end().toEpochDay());
    int death = person.death().map(d -> Math.toIntExact(d.toEpochDay())).orElse(Timeline.NONE);
    Timeline.Measures m = Timeline.measure(keys, from, to, index, end, gapDays, death);
    int daysFollowed = end - index;

    EnumSet<TenureFlag> flags = EnumSet.noneOf(TenureFlag.class);
    if (m.inHospitalOnIndex()) {
      flags.add(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE);
    }
    if (daysFollowed == 0) {
      flags.add(TenureFlag.NO_FOLLOW_UP);
    }
    if (rejectedEpisodes) {
      flags.add(TenureFlag.REJECTED_EPISODES);
    }
    if (m.open()) {
      flags.add(TenureFlag.OPEN_EPISODE);
    }
    if (m.overlap()) {
      flags.add(TenureFlag.OVERLAPPING_EPISODES);
    }
    if (m.afterDeath()) {
      flags.add(TenureFlag.EPISODE_AFTER_DEATH);
    }
    boolean excluded = m.inHospitalOnIndex() || daysFollowed == 0 || rejectedEpisodes;

    Optional<LocalDate> first = m.readmissions() > 0
        ? Optional.of(LocalDate.ofEpochDay(m.firstReadmission())) : Optional.empty();
    Optional<TimeToReadmission> time = Optional.empty();
    Optional<Boolean> within30 = Optional.empty();
    Optional<Boolean> within90 = Optional.empty();
    if (!excluded) {
      TimeToReadmission t = m.readmissions() > 0
          ? TimeToReadmission.readmitted(m.firstReadmission() - index)
          : TimeToReadmission.censored(daysFollowed, followUp.reason());
      time = Optional.of(t);
      within30 = t.readmittedWithin(SHORT_HORIZON);
      within90 = t.readmittedWithin(LONG_HORIZON);
    }
    int[] stays = m.readmissionStays();
    List<Readmission> history = new ArrayList<>();
    for (int k = 0; k < m.readmissions(); k++) {
      int discharge = stays[2 * k + 1];
      history.add(new Readmission(stays[2 * k] - index,
          discharge == Timeline.OPEN ? OptionalInt.empty() : OptionalInt.of(discharge - index)));
    }
    return new TenureResult(person.subject(), person.group(), person.indexDate(), followUp.end(),
        followUp.reason(), time, first, daysFollowed, daysFollowed - m.bedDays(), m.bedDays(),
        m.readmissions(), within30, within90, m.mergedStays(), flags, Optional.of(history));
  }
}
