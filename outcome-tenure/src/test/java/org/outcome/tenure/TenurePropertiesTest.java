package org.outcome.tenure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outcome.api.SubjectId;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Invariants of community tenure over generated cohorts. Dates are drawn from a few months around
 * each index date, so that ties, overlaps, transfers, same-day stays, stays over the index date,
 * admissions on the last day of follow-up and open episodes are common rather than left to luck.
 * Counts are checked against slow oracles written independently of the engine: a night-by-night
 * count of bed-days and a pairwise join of episodes into stays.
 */
class TenurePropertiesTest {
  static final LocalDate BASE = LocalDate.parse("2023-01-01");
  static final int EXAMPLES = 300;

  /** An episode drawn relative to its person's index date; kind 0 = open, 1 = other setting. */
  record EpisodeSpec(int admission, int length, int kind) {}

  record PersonSpec(int indexOffset, Optional<Integer> end, Optional<Integer> death, List<EpisodeSpec> episodes) {}

  record Case(Person person, List<Episode> episodes) {}

  record Cohort(TenureOptions options, List<Case> cases, long seed) {
    List<Person> people() {
      return cases.stream().map(Case::person).toList();
    }

    List<Episode> episodes() {
      return cases.stream().flatMap(c -> c.episodes().stream()).toList();
    }

    TenureCalculator calculator() {
      return TenureCalculator.of(options);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(options.toString());
      for (Case c : cases) {
        Person p = c.person();
        s.append("\n  index ").append(p.indexDate()).append(" end ").append(p.endOfObservation().orElse(null))
            .append(" death ").append(p.death().orElse(null)).append(" episodes ")
            .append(c.episodes().stream().map(e -> e.admission() + ".." + e.discharge().map(LocalDate::toString).orElse("open")
                + (e.setting() == Setting.OTHER ? "(other)" : "")).collect(Collectors.joining(", ")));
      }
      return s.toString();
    }
  }

  static Gen<EpisodeSpec> episodeSpecs() {
    return Generate.range(-30, 130).zip(Generate.range(0, 15), Generate.range(0, 9), EpisodeSpec::new);
  }

  /** Days after the index date, 0 (an end or death on the index date) one time in ten. */
  static Gen<Integer> offsets() {
    return Generate.frequency(Pair.of(9, Generate.range(1, 120)), Pair.of(1, Generate.constant(0)));
  }

  static Gen<PersonSpec> personSpecs() {
    return Generate.range(0, 30).zip(offsets().toOptionals(60), offsets().toOptionals(75),
        lists().of(episodeSpecs()).ofSizeBetween(0, 8), PersonSpec::new);
  }

  static Gen<TenureOptions> options() {
    return Generate.range(0, 120).toOptionals(40).zip(Generate.range(0, 3), Generate.range(0, 150).toOptionals(40),
        Generate.range(0, 3), (window, gap, extraction, settings) -> {
          TenureOptions o = TenureOptions.withDefaults().withGapDays(gap);
          if (window.isPresent() && window.get() > 0) {
            o = o.withWindowDays(window.get());
          }
          if (extraction.isPresent()) {
            o = o.withExtractionDate(BASE.plusDays(extraction.get() + 30));
          }
          return settings == 0 ? o.withSettings(Setting.PSYCHIATRIC, Setting.OTHER) : o;
        });
  }

  static Gen<Cohort> cohorts() {
    return options().zip(lists().of(personSpecs()).ofSizeBetween(1, 4), Generate.longRange(0, Long.MAX_VALUE),
        TenurePropertiesTest::cohort);
  }

  /** Makes the drawn specs valid under the options: an end of follow-up, dates by the extraction date. */
  static Cohort cohort(TenureOptions options, List<PersonSpec> specs, long seed) {
    List<Case> cases = new ArrayList<>();
    Optional<LocalDate> extraction = options.extractionDate();
    for (int i = 0; i < specs.size(); i++) {
      PersonSpec spec = specs.get(i);
      SubjectId id = SubjectId.of("S" + i);
      LocalDate index = BASE.plusDays(spec.indexOffset());
      Optional<LocalDate> end = spec.end().map(index::plusDays);
      if (end.isEmpty() && spec.death().isEmpty() && options.windowDays().isEmpty() && extraction.isEmpty()) {
        end = Optional.of(index.plusDays(60));
      }
      Person person = new Person(id, index, end, spec.death().map(index::plusDays), Optional.of(i % 2 == 0 ? "peer" : "usual"));
      List<Episode> episodes = new ArrayList<>();
      for (EpisodeSpec e : spec.episodes()) {
        LocalDate admission = index.plusDays(e.admission());
        LocalDate discharge = admission.plusDays(e.length());
        boolean open = e.kind() == 0 && extraction.isPresent();
        if (extraction.isPresent()) {
          admission = min(admission, extraction.get());
          discharge = min(discharge, extraction.get());
        }
        episodes.add(new Episode(id, admission, open ? Optional.empty() : Optional.of(discharge),
            e.kind() == 1 ? Setting.OTHER : Setting.PSYCHIATRIC));
      }
      cases.add(new Case(person, episodes));
    }
    return new Cohort(options, cases, seed);
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /** Cases whose person's index date is not after the extraction date (the others are rejected). */
  static List<Case> valid(Cohort cohort) {
    return cohort.cases().stream().filter(c -> cohort.options().extractionDate()
        .map(x -> !c.person().indexDate().isAfter(x)).orElse(true)).toList();
  }

  // ---------------------------------------------------------------- oracles

  static long day(LocalDate d) {
    return d.toEpochDay();
  }

  static List<Episode> counted(TenureOptions options, List<Episode> episodes) {
    return episodes.stream().filter(e -> options.settings().contains(e.setting())).toList();
  }

  static long dischargeOrFar(Episode e) {
    return e.discharge().map(TenurePropertiesTest::day).orElse(Long.MAX_VALUE / 4);
  }

  /** Bed-days night by night: night d counts when some episode has admission <= d < discharge. */
  static int nightByNight(List<Episode> episodes, LocalDate index, LocalDate end) {
    int nights = 0;
    for (long d = day(index); d < day(end); d++) {
      for (Episode e : episodes) {
        if (day(e.admission()) <= d && d < dischargeOrFar(e)) {
          nights++;
          break;
        }
      }
    }
    return nights;
  }

  /** Stays by joining every pair whose closed intervals [admission, discharge + gap] meet (union-find). */
  static List<long[]> pairwiseStays(List<Episode> episodes, int gap) {
    int n = episodes.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        long ai = day(episodes.get(i).admission());
        long aj = day(episodes.get(j).admission());
        if (ai <= aj && aj <= dischargeOrFar(episodes.get(i)) + gap) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    List<long[]> stays = new ArrayList<>(); // {admission, discharge, episodes}
    for (int root = 0; root < n; root++) {
      if (find(parent, root) != root) {
        continue;
      }
      long admission = Long.MAX_VALUE;
      long discharge = Long.MIN_VALUE;
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (find(parent, i) == root) {
          admission = Math.min(admission, day(episodes.get(i).admission()));
          discharge = Math.max(discharge, dischargeOrFar(episodes.get(i)));
          count++;
        }
      }
      stays.add(new long[] {admission, discharge, count});
    }
    stays.sort((x, y) -> Long.compare(x[0], y[0]));
    return stays;
  }

  static int find(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  // ---------------------------------------------------------------- properties

  @Test
  void daysInCommunityPlusBedDaysIsDaysFollowedAndBedDaysAreTheNightsInHospital() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      for (Case c : valid(cohort)) {
        TenureResult r = cohort.calculator().compute(c.person(), c.episodes());
        assertThat(r.daysInCommunity() + r.bedDays()).isEqualTo(r.daysFollowed());
        assertThat(r.daysFollowed()).isEqualTo((int) (day(r.followUpEnd()) - day(c.person().indexDate())));
        assertThat(r.bedDays()).isEqualTo(nightByNight(counted(cohort.options(), c.episodes()),
            c.person().indexDate(), r.followUpEnd()));
      }
    });
  }

  @Test
  void staysReadmissionsAndFlagsAgreeWithAPairwiseOracle() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      for (Case c : valid(cohort)) {
        TenureResult r = cohort.calculator().compute(c.person(), c.episodes());
        List<Episode> counted = counted(cohort.options(), c.episodes());
        List<long[]> stays = pairwiseStays(counted, cohort.options().gapDays());
        long index = day(c.person().indexDate());
        long end = day(r.followUpEnd());
        List<long[]> readmissions = stays.stream().filter(s -> s[0] > index && s[0] <= end).toList();
        assertThat(r.readmissions()).isEqualTo(readmissions.size());
        assertThat(r.firstReadmission().map(TenurePropertiesTest::day))
            .isEqualTo(readmissions.stream().map(s -> s[0]).findFirst());
        assertThat(r.mergedStays()).isEqualTo((int) stays.stream().filter(s -> s[2] > 1).count());
        assertThat(r.flags().contains(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE))
            .isEqualTo(stays.stream().anyMatch(s -> s[0] <= index && s[1] > index));
        assertThat(r.flags().contains(TenureFlag.NO_FOLLOW_UP)).isEqualTo(end == index);
        assertThat(r.flags().contains(TenureFlag.OPEN_EPISODE))
            .isEqualTo(counted.stream().anyMatch(e -> e.discharge().isEmpty()));
        boolean shareANight = false;
        for (int i = 0; i < counted.size(); i++) {
          for (int j = i + 1; j < counted.size(); j++) {
            shareANight |= Math.max(day(counted.get(i).admission()), day(counted.get(j).admission()))
                < Math.min(dischargeOrFar(counted.get(i)), dischargeOrFar(counted.get(j)));
          }
        }
        assertThat(r.flags().contains(TenureFlag.OVERLAPPING_EPISODES)).isEqualTo(shareANight);
        assertThat(r.flags().contains(TenureFlag.EPISODE_AFTER_DEATH)).isEqualTo(c.person().death().isPresent()
            && counted.stream().anyMatch(e -> day(e.admission()) > day(c.person().death().get())
                || dischargeOrFar(e) > day(c.person().death().get())));
        assertThat(cohort.calculator().stays(c.episodes())).extracting(Stay::episodes)
            .containsExactlyElementsOf(stays.stream().map(s -> (int) s[2]).toList());
      }
    });
  }

  @Test
  void timeIsAtMostDaysFollowedAndIsTheFirstReadmissionWhenThereIsOne() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      for (Case c : valid(cohort)) {
        TenureResult r = cohort.calculator().compute(c.person(), c.episodes());
        boolean excluded = r.flags().stream().anyMatch(TenureFlag::excludesFromTimeToReadmission);
        assertThat(r.included()).isEqualTo(!excluded);
        r.timeToReadmission().ifPresent(t -> {
          assertThat(t.days()).isBetween(1, r.daysFollowed());
          assertThat(t.event()).isEqualTo(r.readmissions() > 0);
          if (t.event()) {
            assertThat(t.days()).isEqualTo((int) (day(r.firstReadmission().orElseThrow()) - day(r.indexDate())));
          } else {
            assertThat(t.days()).isEqualTo(r.daysFollowed());
            assertThat(t.censorReason()).contains(r.followUpEndReason());
          }
        });
      }
    });
  }

  /**
   * The recurrent forms: the community intervals cover exactly the days of follow-up outside the
   * readmission stays and end with each readmission in turn; the total-time intervals tile the follow-up; the competing
   * status is death exactly when follow-up ended by death before any readmission.
   */
  @Test
  void recurrentIntervalsCoverTheDaysOutsideStaysAndEndAtEachReadmission() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      for (Case c : valid(cohort)) {
        TenureResult r = cohort.calculator().compute(c.person(), c.episodes());
        List<Interval> community = r.communityIntervals();
        List<Interval> total = r.totalTimeIntervals();
        if (!r.included()) {
          assertThat(community).isEmpty();
          assertThat(total).isEmpty();
          assertThat(r.competingStatus()).isEmpty();
          continue;
        }
        // the days in no readmission stay (episodes joined within the gap, as the pairwise oracle forms them)
        long index = day(c.person().indexDate());
        long end = day(r.followUpEnd());
        long inStays = pairwiseStays(counted(cohort.options(), c.episodes()), cohort.options().gapDays()).stream()
            .filter(st -> st[0] > index && st[0] <= end).mapToLong(st -> Math.min(st[1], end) - st[0]).sum();
        assertThat(community.stream().mapToInt(i -> i.stop() - i.start()).sum()).isEqualTo(r.daysFollowed() - inStays);
        assertThat(community.stream().filter(Interval::event).count()).isEqualTo(r.readmissions());
        assertThat(community.get(0).start()).isZero();
        assertThat(community.get(0).stop()).isEqualTo(r.time().getAsInt());
        assertThat(community.get(0).event()).isEqualTo(r.event().orElseThrow());
        List<Readmission> history = r.history().orElseThrow();
        for (int k = 0; k < community.size(); k++) {
          Interval i = community.get(k);
          assertThat(i.number()).isEqualTo(k + 1);
          assertThat(i.stop()).isLessThanOrEqualTo(r.daysFollowed());
          if (i.event()) {
            assertThat(i.stop()).isEqualTo(history.get(k).day());
          }
          if (k > 0) {
            assertThat(i.start()).isEqualTo(history.get(k - 1).dischargeDay().orElseThrow());
          }
        }
        assertThat(total.stream().mapToInt(i -> i.stop() - i.start()).sum()).isEqualTo(r.daysFollowed());
        assertThat(total.stream().filter(Interval::event).count()).isEqualTo(r.readmissions());
        for (int k = 1; k < total.size(); k++) {
          assertThat(total.get(k).start()).isEqualTo(total.get(k - 1).stop());
        }
        boolean died = !r.event().orElseThrow() && r.followUpEndReason() == CensorReason.DEATH;
        assertThat(r.competingStatus().getAsInt()).isEqualTo(r.event().orElseThrow() ? 1 : died ? 2 : 0);
      }
    });
  }

  @Test
  void thirtyAndNinetyDayFlagsFollowTheirRuleAndAgree() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      for (Case c : valid(cohort)) {
        TenureResult r = cohort.calculator().compute(c.person(), c.episodes());
        for (int horizon : new int[] {30, 90}) {
          Optional<Boolean> flag = horizon == 30 ? r.readmitted30() : r.readmitted90();
          if (!r.included()) {
            assertThat(flag).isEmpty();
            continue;
          }
          boolean readmitted = r.event().orElseThrow() && r.time().getAsInt() <= horizon;
          Optional<Boolean> expected = readmitted ? Optional.of(true)
              : r.daysFollowed() >= horizon ? Optional.of(false) : Optional.empty();
          assertThat(flag).isEqualTo(expected);
        }
        if (r.readmitted30().orElse(false)) {
          assertThat(r.readmitted90()).contains(true);
        }
        if (!r.readmitted90().orElse(true)) {
          assertThat(r.readmitted30()).contains(false);
        }
      }
    });
  }

  @Test
  void theOrderOfEpisodesAndOfPeopleChangesNothing() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      TenureResults forward = cohort.calculator().compute(cohort.people(), cohort.episodes());
      List<Episode> shuffled = new ArrayList<>(cohort.episodes());
      Collections.shuffle(shuffled, new Random(cohort.seed()));
      TenureResults mixed = cohort.calculator().compute(cohort.people(), shuffled);
      assertThat(mixed.people()).isEqualTo(forward.people());
      for (Case c : valid(cohort)) {
        List<Episode> own = new ArrayList<>(c.episodes());
        Collections.shuffle(own, new Random(cohort.seed()));
        assertThat(cohort.calculator().compute(c.person(), own))
            .isEqualTo(cohort.calculator().compute(c.person(), c.episodes()));
      }
    });
  }

  /** What must not change when every date moves by the same number of days. */
  record Counts(Optional<TimeToReadmission> time, CensorReason endReason, int daysFollowed, int bedDays,
      int readmissions, Optional<Boolean> within30, Optional<Boolean> within90, int merged, Set<TenureFlag> flags) {
    static Counts of(TenureResult r) {
      return new Counts(r.timeToReadmission(), r.followUpEndReason(), r.daysFollowed(), r.bedDays(), r.readmissions(),
          r.readmitted30(), r.readmitted90(), r.mergedStays(), r.flags());
    }
  }

  @Test
  void shiftingEveryDateByTheSameDaysChangesNoCount() {
    qt().withExamples(EXAMPLES).forAll(cohorts(), Generate.range(-20_000, 20_000)).checkAssert((cohort, shift) -> {
      TenureOptions shiftedOptions = cohort.options().extractionDate()
          .map(x -> cohort.options().withExtractionDate(x.plusDays(shift))).orElse(cohort.options());
      TenureCalculator shifted = TenureCalculator.of(shiftedOptions);
      for (Case c : valid(cohort)) {
        Person p = c.person();
        Person moved = new Person(p.subject(), p.indexDate().plusDays(shift), p.endOfObservation().map(d -> d.plusDays(shift)),
            p.death().map(d -> d.plusDays(shift)), p.group());
        List<Episode> movedEpisodes = c.episodes().stream().map(e -> new Episode(e.subject(), e.admission().plusDays(shift),
            e.discharge().map(d -> d.plusDays(shift)), e.setting())).toList();
        TenureResult before = cohort.calculator().compute(p, c.episodes());
        TenureResult after = shifted.compute(moved, movedEpisodes);
        assertThat(Counts.of(after)).isEqualTo(Counts.of(before));
        assertThat(after.followUpEnd()).isEqualTo(before.followUpEnd().plusDays(shift));
      }
    });
  }

  @Test
  void mergingIsIdempotent() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      TenureCalculator calc = cohort.calculator();
      for (Case c : cohort.cases()) {
        List<Stay> stays = calc.stays(c.episodes());
        List<Episode> asEpisodes = stays.stream()
            .map(s -> new Episode(c.person().subject(), s.admission(), s.discharge(), Setting.PSYCHIATRIC)).toList();
        List<Stay> again = calc.stays(asEpisodes);
        assertThat(again).extracting(Stay::admission).containsExactlyElementsOf(stays.stream().map(Stay::admission).toList());
        assertThat(again).extracting(Stay::discharge).containsExactlyElementsOf(stays.stream().map(Stay::discharge).toList());
        assertThat(again).allSatisfy(s -> assertThat(s.episodes()).isEqualTo(1));
      }
    });
  }

  @Test
  void theGapChangesAdmissionsButNeverBedDays() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      TenureCalculator narrow = TenureCalculator.of(cohort.options().withGapDays(0));
      TenureCalculator wide = TenureCalculator.of(cohort.options().withGapDays(7));
      for (Case c : valid(cohort)) {
        TenureResult r0 = narrow.compute(c.person(), c.episodes());
        TenureResult r = cohort.calculator().compute(c.person(), c.episodes());
        TenureResult r7 = wide.compute(c.person(), c.episodes());
        assertThat(r.bedDays()).isEqualTo(r0.bedDays()).isEqualTo(r7.bedDays());
        assertThat(r0.readmissions()).isGreaterThanOrEqualTo(r.readmissions());
        assertThat(r.readmissions()).isGreaterThanOrEqualTo(r7.readmissions());
      }
    });
  }

  @Test
  void episodesOutsideTheCountedSettingsChangeNothing() {
    qt().withExamples(EXAMPLES).forAll(cohorts()).checkAssert(cohort -> {
      TenureCalculator psychiatric = TenureCalculator.of(cohort.options().withSettings(Setting.PSYCHIATRIC));
      for (Case c : valid(cohort)) {
        List<Episode> withoutOther = c.episodes().stream().filter(e -> e.setting() == Setting.PSYCHIATRIC).toList();
        assertThat(psychiatric.compute(c.person(), c.episodes())).isEqualTo(psychiatric.compute(c.person(), withoutOther));
      }
    });
  }

  @Test
  void aBatchAndItsCsvFilesGiveWhatEachPersonGivesAlone() {
    qt().withExamples(150).forAll(cohorts()).checkAssert(cohort -> {
      TenureResults batch = cohort.calculator().compute(cohort.people(), cohort.episodes());
      List<TenureResult> alone = valid(cohort).stream()
          .map(c -> cohort.calculator().compute(c.person(), c.episodes())).toList();
      assertThat(batch.people()).isEqualTo(alone);
      // a batch computes its results as they are read: reading again gives equal ones, the list is
      // unmodifiable, and the batch equals one built from a copy of them
      assertThat(batch.people()).isEqualTo(List.copyOf(batch.people()));
      assertThatThrownBy(() -> batch.people().add(null)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> batch.people().get(batch.people().size())).isInstanceOf(IndexOutOfBoundsException.class);
      assertThat(new TenureResults(batch.options(), List.copyOf(batch.people()), batch.rejected(),
          batch.peopleCounts(), batch.episodeCounts(), batch.episodesOutsideSettings())).isEqualTo(batch);
      assertThat(batch.peopleCounts().read()).isEqualTo(cohort.cases().size());
      assertThat(batch.episodeCounts().read()).isEqualTo(cohort.episodes().size());

      TenureResults csv = cohort.calculator().read(new StringReader(peopleCsv(cohort)), new StringReader(episodesCsv(cohort)));
      assertThat(csv.people()).isEqualTo(batch.people());
      assertThat(csv.rejected()).isEqualTo(batch.rejected());
      assertThat(csv.peopleCounts()).isEqualTo(batch.peopleCounts());
      assertThat(csv.episodeCounts()).isEqualTo(batch.episodeCounts());
      assertThat(csv.episodesOutsideSettings()).isEqualTo(batch.episodesOutsideSettings());
    });
  }

  @Test
  void theSurvivalSampleHasOneRowPerIncludedPerson() {
    qt().withExamples(150).forAll(cohorts()).checkAssert(cohort -> {
      TenureResults results = cohort.calculator().compute(cohort.people(), cohort.episodes());
      TenureSurvivalSample s = results.toSurvivalSample();
      List<TenureResult> included = results.people().stream().filter(TenureResult::included).toList();
      assertThat(s.sample().size()).isEqualTo(included.size());
      assertThat(s.excluded()).isEqualTo(results.people().size() - included.size());
      for (int i = 0; i < included.size(); i++) {
        assertThat(s.sample().time(i)).isEqualTo(included.get(i).time().getAsInt());
        assertThat(s.sample().event(i)).isEqualTo(included.get(i).event().orElseThrow());
        assertThat(s.subjects().get(i)).isEqualTo(included.get(i).subject());
      }
      assertThat(s.excludedByFlag().values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(s.excluded());
      EnumSet<TenureFlag> excluding = EnumSet.noneOf(TenureFlag.class);
      results.people().forEach(r -> r.flags().stream().filter(TenureFlag::excludesFromTimeToReadmission).forEach(excluding::add));
      assertThat(s.excludedByFlag().keySet()).isEqualTo(excluding);
    });
  }

  static String peopleCsv(Cohort cohort) {
    StringBuilder s = new StringBuilder("subject,index_date,end_date,death_date,group\n");
    for (Person p : cohort.people()) {
      s.append(p.subject().value()).append(',').append(p.indexDate()).append(',')
          .append(p.endOfObservation().map(LocalDate::toString).orElse("")).append(',')
          .append(p.death().map(LocalDate::toString).orElse("")).append(',')
          .append(p.group().orElse("")).append('\n');
    }
    return s.toString();
  }

  static String episodesCsv(Cohort cohort) {
    StringBuilder s = new StringBuilder("subject,admission_date,discharge_date,setting\n");
    for (Episode e : cohort.episodes()) {
      s.append(e.subject().value()).append(',').append(e.admission()).append(',')
          .append(e.discharge().map(LocalDate::toString).orElse("")).append(',')
          .append(e.setting().label()).append('\n');
    }
    return s.toString();
  }
}
