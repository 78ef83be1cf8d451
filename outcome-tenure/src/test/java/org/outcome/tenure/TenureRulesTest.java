package org.outcome.tenure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.SubjectId;

/**
 * Hand-worked cases, one or more per rule of {@link TenureCalculator}. Each expected value is
 * worked out in the comment above it from the dates (2023 is not a leap year: January 31 days,
 * February 28, March 31, April 30, May 31, June 30).
 */
class TenureRulesTest {
  static final SubjectId ID = SubjectId.of("P1");
  static final LocalDate INDEX = LocalDate.parse("2023-01-01");

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  static Episode ep(String admission, String discharge) {
    return Episode.psychiatric(ID, d(admission), d(discharge));
  }

  static TenureCalculator windowOf(int days) {
    return TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(days));
  }

  static TenureResult yearOf(Episode... episodes) {
    return windowOf(365).compute(Person.of(ID, INDEX), List.of(episodes));
  }

  @Nested
  class ReadmittedWithin {
    @Test
    void aReadmissionOnTheHorizonDayCountsAndOneAfterItDoesNot() {
      assertThat(TimeToReadmission.readmitted(30).readmittedWithin(30)).contains(true);
      assertThat(TimeToReadmission.readmitted(31).readmittedWithin(30)).contains(false);
    }

    @Test
    void censoringOnOrAfterTheHorizonDayIsNoAndBeforeItIsUnknown() {
      assertThat(TimeToReadmission.censored(30, CensorReason.DEATH).readmittedWithin(30)).contains(false);
      assertThat(TimeToReadmission.censored(29, CensorReason.DEATH).readmittedWithin(30)).isEmpty();
    }
  }

  @Nested
  class Readmission {
    @Test
    void timeIsAdmissionMinusIndexAndBedDaysAreNightsInHospital() {
      // Admitted 1 March: 31 (Jan) + 28 (Feb) = 59 days after 1 January. Discharged 11 March:
      // nights 1..10 March = 10 bed-days. Window 365 days: 365 days followed, 355 in the community.
      TenureResult r = yearOf(ep("2023-03-01", "2023-03-11"));

      assertThat(r.time()).hasValue(59);
      assertThat(r.event()).contains(true);
      assertThat(r.censorReason()).isEmpty();
      assertThat(r.firstReadmission()).contains(d("2023-03-01"));
      assertThat(r.daysFollowed()).isEqualTo(365);
      assertThat(r.followUpEnd()).isEqualTo(d("2024-01-01"));
      assertThat(r.followUpEndReason()).isEqualTo(CensorReason.WINDOW_END);
      assertThat(r.bedDays()).isEqualTo(10);
      assertThat(r.daysInCommunity()).isEqualTo(355);
      assertThat(r.readmissions()).isEqualTo(1);
      assertThat(r.readmitted30()).contains(false); // day 59 > 30, followed 365 >= 30
      assertThat(r.readmitted90()).contains(true); // day 59 <= 90
      assertThat(r.mergedStays()).isZero();
      assertThat(r.flags()).isEmpty();
    }

    @Test
    void withoutAReadmissionTheTimeIsCensoredAtTheEndOfFollowUp() {
      TenureResult r = yearOf();

      assertThat(r.timeToReadmission()).contains(TimeToReadmission.censored(365, CensorReason.WINDOW_END));
      assertThat(r.readmissions()).isZero();
      assertThat(r.firstReadmission()).isEmpty();
      assertThat(r.bedDays()).isZero();
      assertThat(r.daysInCommunity()).isEqualTo(365);
      assertThat(r.readmitted30()).contains(false);
      assertThat(r.readmitted90()).contains(false);
    }

    @Test
    void twoSeparateStaysAreTwoReadmissionsAndTheFirstGivesTheTime() {
      // 10 Feb (40 days) to 15 Feb: 5 nights; 1 June (151 days) to 2 June: 1 night.
      TenureResult r = yearOf(ep("2023-06-01", "2023-06-02"), ep("2023-02-10", "2023-02-15"));

      assertThat(r.time()).hasValue(40);
      assertThat(r.readmissions()).isEqualTo(2);
      assertThat(r.bedDays()).isEqualTo(6);
    }

    @Test
    void anAdmissionOnTheLastDayOfFollowUpIsAReadmissionWithNoBedDayInside() {
      // End of observation 30 June = day 181 (151 + 30). Admitted that day: event at 181, equal to
      // the days followed; its first night (30 June) is outside follow-up.
      Person person = Person.of(ID, INDEX).withEndOfObservation(d("2023-06-30"));
      TenureResult r = windowOf(365).compute(person, List.of(ep("2023-06-30", "2023-07-05")));

      assertThat(r.daysFollowed()).isEqualTo(180);
      assertThat(r.time()).hasValue(180);
      assertThat(r.event()).contains(true);
      assertThat(r.bedDays()).isZero();
      assertThat(r.daysInCommunity()).isEqualTo(180);
      assertThat(r.readmissions()).isEqualTo(1);
    }

    @Test
    void anAdmissionTheDayAfterFollowUpEndsIsNotAReadmission() {
      Person person = Person.of(ID, INDEX).withEndOfObservation(d("2023-06-30"));
      TenureResult r = windowOf(365).compute(person, List.of(ep("2023-07-01", "2023-07-05")));

      assertThat(r.timeToReadmission()).contains(TimeToReadmission.censored(180, CensorReason.END_OF_OBSERVATION));
      assertThat(r.readmissions()).isZero();
    }

    @Test
    void anAdmissionTheDayAfterTheIndexDateIsTimeOne() {
      TenureResult r = yearOf(ep("2023-01-02", "2023-01-03"));

      assertThat(r.time()).hasValue(1);
      assertThat(r.readmitted30()).contains(true);
    }

    @Test
    void episodesBeforeTheIndexDateAreNotReadmissionsNorBedDays() {
      TenureResult r = yearOf(ep("2022-11-01", "2022-11-20"), ep("2022-12-01", "2023-01-01"));

      assertThat(r.readmissions()).isZero();
      assertThat(r.bedDays()).isZero();
      assertThat(r.flags()).isEmpty(); // discharged on the index date: not in hospital that night
      assertThat(r.event()).contains(false);
    }

    @Test
    void aSameDayStayOnTheIndexDateIsNeitherAReadmissionNorAStayOverTheIndexDate() {
      TenureResult r = yearOf(ep("2023-01-01", "2023-01-01"));

      assertThat(r.readmissions()).isZero();
      assertThat(r.flags()).isEmpty();
      assertThat(r.included()).isTrue();
    }
  }

  @Nested
  class Merging {
    @Test
    void aTransferIsOneStayAndTheNightBetweenIsNotABedDay() {
      // Ward A 1-10 March (9 nights), ward B admitted 11 March, the day after discharge: one
      // stay, one readmission. Ward B 11-20 March: 9 nights. The night of 10 March is in neither.
      TenureResult r = yearOf(ep("2023-03-01", "2023-03-10"), ep("2023-03-11", "2023-03-20"));

      assertThat(r.readmissions()).isEqualTo(1);
      assertThat(r.mergedStays()).isEqualTo(1);
      assertThat(r.bedDays()).isEqualTo(18);
      assertThat(r.time()).hasValue(59);
      assertThat(r.flags()).isEmpty();
    }

    @Test
    void withAGapOfZeroTheTransferIsTwoReadmissionsButTheSameBedDays() {
      TenureCalculator gap0 = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(365).withGapDays(0));
      TenureResult r = gap0.compute(Person.of(ID, INDEX),
          List.of(ep("2023-03-01", "2023-03-10"), ep("2023-03-11", "2023-03-20")));

      assertThat(r.readmissions()).isEqualTo(2);
      assertThat(r.mergedStays()).isZero();
      assertThat(r.bedDays()).isEqualTo(18);
    }

    @Test
    void aReadmissionOnTheDayOfDischargeJoinsTheStayEvenWithAGapOfZero() {
      TenureCalculator gap0 = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(365).withGapDays(0));
      TenureResult r = gap0.compute(Person.of(ID, INDEX),
          List.of(ep("2023-03-01", "2023-03-10"), ep("2023-03-10", "2023-03-20")));

      assertThat(r.readmissions()).isEqualTo(1);
      assertThat(r.bedDays()).isEqualTo(19); // 1..19 March
      assertThat(r.flags()).doesNotContain(TenureFlag.OVERLAPPING_EPISODES);
    }

    @Test
    void twoDaysApartAreTwoStaysWithTheDefaultGapAndOneWithAGapOfTwo() {
      List<Episode> episodes = List.of(ep("2023-03-01", "2023-03-10"), ep("2023-03-12", "2023-03-20"));

      assertThat(windowOf(365).compute(Person.of(ID, INDEX), episodes).readmissions()).isEqualTo(2);
      TenureCalculator gap2 = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(365).withGapDays(2));
      assertThat(gap2.compute(Person.of(ID, INDEX), episodes).readmissions()).isEqualTo(1);
      assertThat(gap2.compute(Person.of(ID, INDEX), episodes).bedDays()).isEqualTo(17);
    }

    @Test
    void anOverlapIsOneStayAndItsSharedNightsCountOnce() {
      // 1-10 March and 5-15 March: nights 1..14 March = 14 bed-days, not 9 + 10 = 19.
      TenureResult r = yearOf(ep("2023-03-05", "2023-03-15"), ep("2023-03-01", "2023-03-10"));

      assertThat(r.bedDays()).isEqualTo(14);
      assertThat(r.readmissions()).isEqualTo(1);
      assertThat(r.mergedStays()).isEqualTo(1);
      assertThat(r.flags()).containsExactly(TenureFlag.OVERLAPPING_EPISODES);
    }

    @Test
    void anEpisodeInsideAnotherIsOneStay() {
      TenureResult r = yearOf(ep("2023-03-01", "2023-03-31"), ep("2023-03-05", "2023-03-06"), ep("2023-04-01", "2023-04-03"));

      assertThat(r.readmissions()).isEqualTo(1); // 1 April is 1 day after 31 March: a transfer
      assertThat(r.mergedStays()).isEqualTo(1);
      assertThat(r.bedDays()).isEqualTo(30 + 2);
    }

    @Test
    void staysAreJoinedAgainstTheLatestDischargeNotTheLastEpisodes() {
      // The long first episode runs to 31 March; the short one inside ends 6 March; an admission
      // on 20 March is still inside the stay.
      List<Stay> stays = windowOf(365).stays(List.of(ep("2023-03-01", "2023-03-31"),
          ep("2023-03-05", "2023-03-06"), ep("2023-03-20", "2023-03-22"), ep("2023-05-01", "2023-05-02")));

      assertThat(stays).containsExactly(
          new Stay(d("2023-03-01"), Optional.of(d("2023-03-31")), 3),
          new Stay(d("2023-05-01"), Optional.of(d("2023-05-02")), 1));
    }

    @Test
    void aSameDayStayIsAReadmissionWithNoBedDays() {
      TenureResult r = yearOf(ep("2023-03-01", "2023-03-01"));

      assertThat(r.readmissions()).isEqualTo(1);
      assertThat(r.time()).hasValue(59);
      assertThat(r.bedDays()).isZero();
      assertThat(r.daysInCommunity()).isEqualTo(365);
    }

    @Test
    void mergingStaysAgainChangesNothing() {
      TenureCalculator calc = windowOf(365);
      List<Stay> stays = calc.stays(List.of(ep("2023-03-01", "2023-03-10"), ep("2023-03-11", "2023-03-20"),
          ep("2023-03-15", "2023-03-25"), ep("2023-05-01", "2023-05-01")));
      List<Episode> asEpisodes = stays.stream()
          .map(s -> new Episode(ID, s.admission(), s.discharge(), Setting.PSYCHIATRIC)).toList();

      assertThat(calc.stays(asEpisodes)).extracting(Stay::admission, Stay::discharge)
          .containsExactlyElementsOf(stays.stream().map(s -> org.assertj.core.groups.Tuple.tuple(s.admission(), s.discharge())).toList());
      assertThat(stays).extracting(Stay::episodes).containsExactly(3, 1);
    }
  }

  @Nested
  class FollowUpEnd {
    @Test
    void deathBeforeTheWindowEndsCensorsAtDeath() {
      // Died 15 February = day 45; no readmission: censored at 45 for death. Followed 45 >= 30
      // days, so the 30-day flag is known (false); 45 < 90, so the 90-day flag is absent.
      Person person = Person.of(ID, INDEX).withDeath(d("2023-02-15"));
      TenureResult r = windowOf(365).compute(person, List.of());

      assertThat(r.timeToReadmission()).contains(TimeToReadmission.censored(45, CensorReason.DEATH));
      assertThat(r.followUpEnd()).isEqualTo(d("2023-02-15"));
      assertThat(r.readmitted30()).contains(false);
      assertThat(r.readmitted90()).isEmpty();
    }

    @Test
    void aReadmissionOnTheDayOfDeathIsStillAnEvent() {
      Person person = Person.of(ID, INDEX).withDeath(d("2023-02-15"));
      TenureResult r = windowOf(365).compute(person, List.of(ep("2023-02-15", "2023-02-15")));

      assertThat(r.timeToReadmission()).contains(TimeToReadmission.readmitted(45));
      assertThat(r.flags()).isEmpty();
    }

    @Test
    void theEarliestOfEndOfObservationDeathWindowAndExtractionEndsFollowUp() {
      TenureOptions options = TenureOptions.withDefaults().withWindowDays(100).withExtractionDate(d("2023-03-01"));
      Person person = Person.of(ID, INDEX).withEndOfObservation(d("2023-12-31")).withDeath(d("2023-11-01"));

      TenureResult r = TenureCalculator.of(options).compute(person, List.of());

      assertThat(r.followUpEnd()).isEqualTo(d("2023-03-01"));
      assertThat(r.followUpEndReason()).isEqualTo(CensorReason.EXTRACTION);
      assertThat(r.daysFollowed()).isEqualTo(59);
    }

    @Test
    void theWindowCapsFollowUpEvenWhenAnEndOfObservationIsLater() {
      Person person = Person.of(ID, INDEX).withEndOfObservation(d("2025-01-01"));

      TenureResult r = windowOf(365).compute(person, List.of());

      assertThat(r.followUpEndReason()).isEqualTo(CensorReason.WINDOW_END);
      assertThat(r.daysFollowed()).isEqualTo(365);
    }

    @Test
    void withoutAWindowTheEndOfObservationEndsFollowUp() {
      Person person = Person.of(ID, INDEX).withEndOfObservation(d("2025-01-01"));

      TenureResult r = TenureCalculator.withDefaults().compute(person, List.of());

      assertThat(r.followUpEndReason()).isEqualTo(CensorReason.END_OF_OBSERVATION);
      assertThat(r.daysFollowed()).isEqualTo(365 + 366); // 2024 is a leap year
    }

    @Test
    void onATieDeathComesFirstThenEndOfObservationThenWindowThenExtraction() {
      LocalDate day100 = INDEX.plusDays(100);
      TenureOptions all = TenureOptions.withDefaults().withWindowDays(100).withExtractionDate(day100);
      Person person = Person.of(ID, INDEX);

      assertThat(TenureCalculator.of(all).compute(person.withDeath(day100).withEndOfObservation(day100), List.of())
          .followUpEndReason()).isEqualTo(CensorReason.DEATH);
      assertThat(TenureCalculator.of(all).compute(person.withEndOfObservation(day100), List.of())
          .followUpEndReason()).isEqualTo(CensorReason.END_OF_OBSERVATION);
      assertThat(TenureCalculator.of(all).compute(person, List.of()).followUpEndReason())
          .isEqualTo(CensorReason.WINDOW_END);
      assertThat(TenureCalculator.of(all.withoutWindow()).compute(person, List.of()).followUpEndReason())
          .isEqualTo(CensorReason.EXTRACTION);
    }

    @Test
    void deathOnTheIndexDateIsNoFollowUpAndExcluded() {
      Person person = Person.of(ID, INDEX).withDeath(INDEX);

      TenureResult r = windowOf(365).compute(person, List.of());

      assertThat(r.daysFollowed()).isZero();
      assertThat(r.flags()).containsExactly(TenureFlag.NO_FOLLOW_UP);
      assertThat(r.included()).isFalse();
      assertThat(r.time()).isEmpty();
      assertThat(r.event()).isEmpty();
      assertThat(r.readmitted30()).isEmpty();
      assertThat(r.followUpEndReason()).isEqualTo(CensorReason.DEATH);
    }

    @Test
    void withNoEndOfFollowUpAtAllOnePersonIsAnError() {
      assertThatThrownBy(() -> TenureCalculator.withDefaults().compute(Person.of(ID, INDEX), List.of()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("follow-up has no end");
    }
  }

  @Nested
  class OpenEpisodes {
    @Test
    void anOpenEpisodeRunsToTheEndOfFollowUpAtExtraction() {
      // Extraction 30 June = day 180. Admitted 1 June (day 151), still in hospital: event at 151,
      // bed-days = nights 1..29 June = 29, community 180 - 29 = 151.
      TenureOptions options = TenureOptions.withDefaults().withWindowDays(365).withExtractionDate(d("2023-06-30"));
      TenureResult r = TenureCalculator.of(options).compute(Person.of(ID, INDEX), List.of(Episode.open(ID, d("2023-06-01"))));

      assertThat(r.followUpEndReason()).isEqualTo(CensorReason.EXTRACTION);
      assertThat(r.daysFollowed()).isEqualTo(180);
      assertThat(r.time()).hasValue(151);
      assertThat(r.bedDays()).isEqualTo(29);
      assertThat(r.daysInCommunity()).isEqualTo(151);
      assertThat(r.flags()).containsExactly(TenureFlag.OPEN_EPISODE);
    }

    @Test
    void anOpenEpisodeEndsAtDeathWhenDeathComesFirstAndIsFlagged() {
      TenureOptions options = TenureOptions.withDefaults().withExtractionDate(d("2023-06-30"));
      Person person = Person.of(ID, INDEX).withDeath(d("2023-06-11"));
      TenureResult r = TenureCalculator.of(options).compute(person, List.of(Episode.open(ID, d("2023-06-01"))));

      assertThat(r.bedDays()).isEqualTo(10);
      assertThat(r.flags()).containsExactlyInAnyOrder(TenureFlag.OPEN_EPISODE, TenureFlag.EPISODE_AFTER_DEATH);
    }

    @Test
    void anOpenEpisodeNeedsAnExtractionDate() {
      assertThatThrownBy(() -> windowOf(365).compute(Person.of(ID, INDEX), List.of(Episode.open(ID, d("2023-06-01")))))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
              .singleElement().satisfies(v -> {
                assertThat(v.location()).isEqualTo("episodes[0]");
                assertThat(v.message()).contains("extraction date");
              }));
    }

    @Test
    void anEpisodeAfterTheExtractionDateIsAnError() {
      TenureOptions options = TenureOptions.withDefaults().withExtractionDate(d("2023-06-30"));

      assertThatThrownBy(() -> TenureCalculator.of(options).compute(Person.of(ID, INDEX),
          List.of(ep("2023-06-20", "2023-07-02"))))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("the discharge date is after the extraction date 2023-06-30");
    }
  }

  @Nested
  class InHospitalOnTheIndexDate {
    @Test
    void aStayStraddlingTheIndexDateIsFlaggedAndExcludedButItsBedDaysCount() {
      // In hospital 20 December to 5 January: nights 1..4 January fall in follow-up.
      TenureResult r = yearOf(ep("2022-12-20", "2023-01-05"), ep("2023-03-01", "2023-03-03"));

      assertThat(r.flags()).containsExactly(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE);
      assertThat(r.included()).isFalse();
      assertThat(r.timeToReadmission()).isEmpty();
      assertThat(r.readmitted30()).isEmpty();
      assertThat(r.readmitted90()).isEmpty();
      assertThat(r.bedDays()).isEqualTo(4 + 2);
      assertThat(r.readmissions()).isEqualTo(1);
      assertThat(r.firstReadmission()).contains(d("2023-03-01"));
    }

    @Test
    void anAdmissionOnTheIndexDateWithANightInHospitalIsInHospitalOnTheIndexDate() {
      TenureResult r = yearOf(ep("2023-01-01", "2023-01-02"));

      assertThat(r.flags()).containsExactly(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE);
      assertThat(r.readmissions()).isZero();
      assertThat(r.bedDays()).isEqualTo(1);
    }

    @Test
    void aTransferAcrossTheIndexDateIsInHospitalOnTheIndexDate() {
      // Discharged on the index date and admitted the next day: one stay with the default gap.
      List<Episode> episodes = List.of(ep("2022-12-20", "2023-01-01"), ep("2023-01-02", "2023-01-10"));

      TenureResult gap1 = windowOf(365).compute(Person.of(ID, INDEX), episodes);
      assertThat(gap1.flags()).containsExactly(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE);
      assertThat(gap1.bedDays()).isEqualTo(8); // nights 2..9 January; the night of 1 January is not one

      TenureCalculator gap0 = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(365).withGapDays(0));
      TenureResult separate = gap0.compute(Person.of(ID, INDEX), episodes);
      assertThat(separate.flags()).isEmpty();
      assertThat(separate.time()).hasValue(1);
      assertThat(separate.bedDays()).isEqualTo(8);
    }

    @Test
    void anOpenEpisodeAdmittedBeforeTheIndexDateIsInHospitalOnTheIndexDate() {
      TenureOptions options = TenureOptions.withDefaults().withExtractionDate(d("2023-02-01"));
      TenureResult r = TenureCalculator.of(options).compute(Person.of(ID, INDEX), List.of(Episode.open(ID, d("2022-12-01"))));

      assertThat(r.flags()).containsExactlyInAnyOrder(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE, TenureFlag.OPEN_EPISODE);
      assertThat(r.bedDays()).isEqualTo(31);
      assertThat(r.daysInCommunity()).isZero();
    }
  }

  @Nested
  class ThirtyAndNinetyDays {
    Person endingAfter(int days) {
      return Person.of(ID, INDEX).withEndOfObservation(INDEX.plusDays(days));
    }

    @Test
    void bothFlagsAreAbsentWhenCensoredBeforeDayThirty() {
      TenureResult r = windowOf(365).compute(endingAfter(20), List.of());

      assertThat(r.event()).contains(false);
      assertThat(r.readmitted30()).isEmpty();
      assertThat(r.readmitted90()).isEmpty();
    }

    @Test
    void followedExactlyThirtyDaysGivesAThirtyDayFlagOfFalse() {
      TenureResult r = windowOf(365).compute(endingAfter(30), List.of());

      assertThat(r.readmitted30()).contains(false);
      assertThat(r.readmitted90()).isEmpty();
    }

    @Test
    void aReadmissionOnDayThirtyCountsAndOnDayThirtyOneDoesNot() {
      TenureResult day30 = yearOf(Episode.psychiatric(ID, INDEX.plusDays(30), INDEX.plusDays(32)));
      TenureResult day31 = yearOf(Episode.psychiatric(ID, INDEX.plusDays(31), INDEX.plusDays(32)));

      assertThat(day30.readmitted30()).contains(true);
      assertThat(day31.readmitted30()).contains(false);
      assertThat(day31.readmitted90()).contains(true);
    }

    @Test
    void aReadmissionBeforeCensoringGivesTrueEvenWhenFollowedLessThanTheHorizon() {
      TenureResult r = windowOf(365).compute(endingAfter(20),
          List.of(Episode.psychiatric(ID, INDEX.plusDays(10), INDEX.plusDays(12))));

      assertThat(r.readmitted30()).contains(true);
      assertThat(r.readmitted90()).contains(true);
    }

    @Test
    void ninetyDaysFollowedWithoutAReadmissionIsFalseForBoth() {
      TenureResult r = windowOf(90).compute(Person.of(ID, INDEX),
          List.of(Episode.psychiatric(ID, INDEX.plusDays(91), INDEX.plusDays(95))));

      assertThat(r.readmitted30()).contains(false);
      assertThat(r.readmitted90()).contains(false);
    }
  }

  @Nested
  class Settings {
    @Test
    void otherEpisodesAreIgnoredByDefault() {
      Episode acute = ep("2023-03-01", "2023-03-11").withSetting(Setting.OTHER);

      TenureResult r = yearOf(acute, ep("2023-03-12", "2023-03-13"));

      assertThat(r.bedDays()).isEqualTo(1);
      assertThat(r.time()).hasValue(70); // 12 March: the acute stay does not join it
      assertThat(r.mergedStays()).isZero();
    }

    @Test
    void otherEpisodesCountWhenChosen() {
      Episode acute = ep("2023-03-01", "2023-03-11").withSetting(Setting.OTHER);
      TenureCalculator both = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(365)
          .withSettings(Setting.PSYCHIATRIC, Setting.OTHER));

      TenureResult r = both.compute(Person.of(ID, INDEX), List.of(acute, ep("2023-03-12", "2023-03-13")));

      assertThat(r.bedDays()).isEqualTo(11);
      assertThat(r.time()).hasValue(59);
      assertThat(r.mergedStays()).isEqualTo(1);
    }
  }

  @Nested
  class Flags {
    @Test
    void anEpisodeAdmittedAfterDeathIsFlagged() {
      Person person = Person.of(ID, INDEX).withDeath(d("2023-06-01"));

      TenureResult r = windowOf(365).compute(person, List.of(ep("2023-07-01", "2023-07-02")));

      assertThat(r.flags()).containsExactly(TenureFlag.EPISODE_AFTER_DEATH);
      assertThat(r.readmissions()).isZero();
      assertThat(r.included()).isTrue();
    }

    @Test
    void aDischargeOnTheDayOfDeathIsNotFlagged() {
      Person person = Person.of(ID, INDEX).withDeath(d("2023-06-01"));

      TenureResult r = windowOf(365).compute(person, List.of(ep("2023-05-20", "2023-06-01")));

      assertThat(r.flags()).isEmpty();
      assertThat(r.bedDays()).isEqualTo(12);
      assertThat(r.daysFollowed()).isEqualTo(151);
    }

    @Test
    void anEpisodeOfAnotherSubjectIsAnError() {
      Episode someoneElse = Episode.psychiatric(SubjectId.of("P2"), d("2023-03-01"), d("2023-03-02"));

      assertThatThrownBy(() -> yearOf(someoneElse))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("episodes[0]: belongs to another subject")
          .hasMessageNotContaining("P2");
    }
  }

  @Nested
  class Values {
    @Test
    void personChecksItsDatesAndNamesEveryProblem() {
      assertThatThrownBy(() -> new Person(ID, INDEX, Optional.of(d("2022-12-31")), Optional.of(d("2022-12-30")),
          Optional.of(" ")))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).hasSize(3))
          .hasMessageContaining("the index date is after the end of observation")
          .hasMessageContaining("the death date is before the index date");
    }

    @Test
    void episodeRejectsADischargeBeforeTheAdmission() {
      assertThatThrownBy(() -> ep("2023-03-10", "2023-03-09"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("the discharge date is before the admission date");
    }

    @Test
    void datesOutsideFourDigitYearsAreRefused() {
      assertThatThrownBy(() -> Person.of(ID, LocalDate.MAX)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("outside the years 0001 to 9999");
      assertThatThrownBy(() -> Episode.psychiatric(ID, LocalDate.of(0, 12, 31), INDEX)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("admission_date");
      assertThatThrownBy(() -> TenureOptions.withDefaults().withExtractionDate(LocalDate.of(10_000, 1, 1)))
          .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void optionsAreValidatedAndImmutable() {
      TenureOptions defaults = TenureOptions.withDefaults();

      assertThat(defaults.gapDays()).isEqualTo(1);
      assertThat(defaults.windowDays()).isEqualTo(OptionalInt.empty());
      assertThat(defaults.extractionDate()).isEmpty();
      assertThat(defaults.settings()).containsExactly(Setting.PSYCHIATRIC);
      assertThat(defaults.withGapDays(3).gapDays()).isEqualTo(3);
      assertThat(defaults.gapDays()).isEqualTo(1);
      assertThat(defaults.withWindowDays(30)).isEqualTo(defaults.withWindowDays(30));
      assertThatThrownBy(() -> defaults.withWindowDays(0)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("window");
      assertThatThrownBy(() -> defaults.withGapDays(-1)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("gap");
      assertThatThrownBy(() -> defaults.withSettings(List.of())).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> defaults.settings().add(Setting.OTHER)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void settingsAreReadInAnyCaseAndNothingElse() {
      assertThat(Setting.parse(" Psychiatric ")).contains(Setting.PSYCHIATRIC);
      assertThat(Setting.parse("OTHER")).contains(Setting.OTHER);
      assertThat(Setting.parse("psych")).isEmpty();
      assertThat(Setting.parse("")).isEmpty();
    }

    @Test
    void aResultNeverPrintsItsSubject() {
      assertThat(yearOf().toString()).doesNotContain("P1").contains("redacted");
    }
  }

  @Nested
  class BedDaysSavedAgainstAComparator {
    @Test
    void expectedMinusObservedOverThePersonYearsOfTheIncludedPeople() {
      // Two people followed 365 and 730 days: 1095 person-days = 1095 / 365.25 = 2.997946612 person-years.
      // Comparator 2 admissions a year x 15 days = 30 bed-days a year: expected 89.93839836.
      // Observed 10 + 4 = 14 bed-days: saved 75.93839836. A third person in hospital on the
      // index date is left out.
      SubjectId p2 = SubjectId.of("P2");
      SubjectId p3 = SubjectId.of("P3");
      List<Person> people = List.of(
          Person.of(ID, INDEX).withEndOfObservation(INDEX.plusDays(365)),
          Person.of(p2, INDEX).withEndOfObservation(INDEX.plusDays(730)),
          Person.of(p3, INDEX).withEndOfObservation(INDEX.plusDays(100)));
      List<Episode> episodes = List.of(ep("2023-03-01", "2023-03-11"),
          Episode.psychiatric(p2, d("2024-02-27"), d("2024-03-02")), // 27, 28, 29 Feb (leap), 1 March
          Episode.psychiatric(p3, d("2022-12-31"), d("2023-01-20")));
      TenureResults results = TenureCalculator.withDefaults().compute(people, episodes);

      BedDaysSaved saved = results.bedDaysSaved(BedDayComparator.ofAdmissions(2, 15, "historical cohort"));

      assertThat(saved.people()).isEqualTo(2);
      assertThat(saved.excluded()).isEqualTo(1);
      assertThat(saved.personDays()).isEqualTo(1095);
      assertThat(saved.personYears()).isCloseTo(2.997946612, within(1e-9));
      assertThat(saved.comparator().bedDaysPerPersonYear()).isEqualTo(30.0);
      assertThat(saved.expectedBedDays()).isCloseTo(89.93839836, within(1e-8));
      assertThat(saved.observedBedDays()).isEqualTo(14);
      assertThat(saved.saved()).isCloseTo(75.93839836, within(1e-8));
    }

    @Test
    void aComparatorRejectsNegativeRates() {
      assertThatThrownBy(() -> BedDayComparator.ofAdmissions(-1, 10, ""))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("admissions per person-year");
      assertThatThrownBy(() -> BedDayComparator.ofBedDays(Double.NaN, ""))
          .isInstanceOf(InvalidInputException.class);
    }
  }
}
