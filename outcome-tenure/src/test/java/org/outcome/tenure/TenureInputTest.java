package org.outcome.tenure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;

/**
 * Reading the people and episodes files: every bad row is rejected with its row number and every
 * reason, nothing else is lost, and no message names a subject. Subjects look like NHS numbers
 * so that a leak would show.
 */
class TenureInputTest {
  static final String A = "9434765919";
  static final String B = "4010232137";
  static final String C = "9990001112";
  static final TenureCalculator YEAR = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(365));

  @TempDir Path dir;

  static TenureResults read(TenureCalculator calc, String people, String episodes) {
    return calc.read(new StringReader(people), new StringReader(episodes));
  }

  static Map<String, TenureResult> bySubject(TenureResults results) {
    return results.people().stream().collect(Collectors.toMap(r -> r.subject().value(), r -> r));
  }

  static List<String> messages(TenureResults results) {
    return results.rejected().stream().flatMap(r -> r.reasons().stream()).map(Violation::toString).toList();
  }

  static void assertAccountedAndPrivate(TenureResults results) {
    RowCounts p = results.peopleCounts();
    RowCounts e = results.episodeCounts();
    assertThat(p.accepted() + p.rejected()).isEqualTo(p.read());
    assertThat(e.accepted() + e.rejected()).isEqualTo(e.read());
    assertThat(messages(results)).allSatisfy(m -> assertThat(m).doesNotContain(A, B, C));
  }

  static Rejection only(TenureResults results, InputFile file) {
    List<Rejection> of = results.rejected().stream().filter(r -> r.file() == file).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  @Test
  void readsTheColumnsTheIssueNamesAndIgnoresOthers() {
    TenureResults results = read(YEAR,
        "subject,index_date,end_date,death_date,group,ward\n"
            + A + ",2023-01-01,,,peer,W1\n"
            + B + ",2023-01-01,2023-03-01,2023-02-15,usual,W2\n",
        "subject,admission_date,discharge_date,setting,notes\n"
            + A + ",2023-03-01,2023-03-11,psychiatric,x\n"
            + A + ",2023-04-01,2023-04-02,Other,y\n"
            + B + ",2023-01-20,2023-01-22,PSYCHIATRIC,z\n");

    assertThat(results.rejected()).isEmpty();
    assertThat(results.peopleCounts()).isEqualTo(new RowCounts(2, 2, 0));
    assertThat(results.episodeCounts()).isEqualTo(new RowCounts(3, 3, 0));
    assertThat(results.episodesOutsideSettings()).isEqualTo(1);
    TenureResult a = bySubject(results).get(A);
    assertThat(a.group()).contains("peer");
    assertThat(a.time()).hasValue(59);
    assertThat(a.bedDays()).isEqualTo(10);
    TenureResult b = bySubject(results).get(B);
    assertThat(b.followUpEndReason()).isEqualTo(CensorReason.DEATH);
    assertThat(b.time()).hasValue(19);
    assertThat(results.people()).extracting(r -> r.subject().value()).containsExactly(A, B);
  }

  @Test
  void withoutASettingColumnEveryEpisodeIsPsychiatric() {
    TenureResults results = read(YEAR, "subject,index_date\n" + A + ",2023-01-01\n",
        "subject,admission_date,discharge_date\n" + A + ",2023-03-01,2023-03-11\n");

    assertThat(results.people().get(0).bedDays()).isEqualTo(10);
    assertThat(results.episodesOutsideSettings()).isZero();
  }

  @Test
  void aDischargeBeforeTheAdmissionIsRejectedAndTheOwnerFlagged() {
    TenureResults results = read(YEAR, "subject,index_date\n" + A + ",2023-01-01\n",
        "subject,admission_date,discharge_date\n"
            + A + ",2023-03-01,2023-03-11\n"
            + A + ",2023-05-10,2023-05-01\n");

    Rejection r = only(results, InputFile.EPISODES);
    assertThat(r.row()).isEqualTo(2);
    assertThat(r.reasons()).containsExactly(Violation.atCell(2, "discharge_date",
        "the discharge date is before the admission date"));
    TenureResult a = results.people().get(0);
    assertThat(a.flags()).containsExactly(TenureFlag.REJECTED_EPISODES);
    assertThat(a.included()).isFalse();
    assertThat(a.bedDays()).isEqualTo(10);
    assertThat(results.episodeCounts()).isEqualTo(new RowCounts(2, 1, 1));
    assertAccountedAndPrivate(results);
  }

  @Test
  void malformedAndImpossibleDatesAreRejectedWithEveryBadCell() {
    TenureResults results = read(YEAR,
        "subject,index_date,end_date,death_date\n"
            + A + ",2023-02-30,01/03/2023,2023-13-01\n"
            + B + ",2023-01-01,,\n",
        "subject,admission_date,discharge_date\n"
            + B + ",20230301,2023-3-11\n"
            + B + "," + C + ",2024-02-29\n");

    Rejection person = only(results, InputFile.PEOPLE);
    assertThat(person.row()).isEqualTo(1);
    assertThat(person.reasons()).extracting(Violation::toString).containsExactly(
        "row 1, column index_date: not a real calendar date (the month or the day is out of range)",
        "row 1, column end_date: a date in another form; write YYYY-MM-DD",
        "row 1, column death_date: not a real calendar date (the month or the day is out of range)");
    List<Rejection> episodes = results.rejected().stream().filter(r -> r.file() == InputFile.EPISODES).toList();
    assertThat(episodes).extracting(Rejection::row).containsExactly(1L, 2L);
    assertThat(episodes.get(0).reasons()).extracting(Violation::toString).containsExactly(
        "row 1, column admission_date: 8 characters, not a date in the form YYYY-MM-DD",
        "row 1, column discharge_date: a date in another form; write YYYY-MM-DD");
    // an identifier in a date column is never echoed
    assertThat(episodes.get(1).reasons()).extracting(Violation::toString).containsExactly(
        "row 2, column admission_date: 10 characters, not a date in the form YYYY-MM-DD");
    assertAccountedAndPrivate(results);
  }

  @Test
  void anEpisodeOfAnUnknownPersonIsRejected() {
    TenureResults results = read(YEAR, "subject,index_date\n" + A + ",2023-01-01\n",
        "subject,admission_date,discharge_date\n" + C + ",2023-03-01,2023-03-11\n");

    Rejection r = only(results, InputFile.EPISODES);
    assertThat(r.reasons()).containsExactly(Violation.atCell(1, "subject", "the subject is not in the people file"));
    assertThat(results.people().get(0).flags()).isEmpty();
    assertAccountedAndPrivate(results);
  }

  @Test
  void anIndexDateAfterTheEndOfObservationIsRejectedAndSoAreThePersonsEpisodes() {
    TenureResults results = read(YEAR,
        "subject,index_date,end_date\n" + A + ",2023-01-01,2022-12-31\n" + B + ",2023-01-01,2023-01-01\n",
        "subject,admission_date,discharge_date\n" + A + ",2023-03-01,2023-03-11\n");

    Rejection person = only(results, InputFile.PEOPLE);
    assertThat(person.reasons()).containsExactly(Violation.atCell(1, "end_date",
        "the index date is after the end of observation"));
    Rejection episode = only(results, InputFile.EPISODES);
    assertThat(episode.reasons()).containsExactly(Violation.atCell(1, "subject",
        "the subject's row 1 of the people file was rejected"));
    // an end of observation on the index date is allowed: no follow-up
    assertThat(results.people()).singleElement().satisfies(r -> assertThat(r.flags()).containsExactly(TenureFlag.NO_FOLLOW_UP));
    assertAccountedAndPrivate(results);
  }

  @Test
  void aDeathBeforeTheIndexDateIsRejected() {
    TenureResults results = read(YEAR, "subject,index_date,death_date\n" + A + ",2023-01-01,2022-06-01\n",
        "subject,admission_date,discharge_date\n");

    assertThat(only(results, InputFile.PEOPLE).reasons()).containsExactly(Violation.atCell(1, "death_date",
        "the death date is before the index date"));
    assertThat(results.people()).isEmpty();
    assertAccountedAndPrivate(results);
  }

  @Test
  void everyRowOfADuplicatedPersonIsRejectedAndTheirEpisodesToo() {
    TenureResults results = read(YEAR,
        "subject,index_date\n" + A + ",2023-01-01\n" + B + ",2023-01-01\n" + A + ",2023-02-01\n",
        "subject,admission_date,discharge_date\n" + A + ",2023-03-01,2023-03-11\n" + B + ",2023-03-01,2023-03-11\n");

    List<Rejection> people = results.rejected().stream().filter(r -> r.file() == InputFile.PEOPLE).toList();
    assertThat(people).extracting(Rejection::row).containsExactly(1L, 3L);
    assertThat(people.get(0).reasons()).containsExactly(Violation.atCell(1, "subject",
        "the subject appears in 2 rows of the people file (rows 1, 3); all of them are rejected"));
    assertThat(only(results, InputFile.EPISODES).reasons()).containsExactly(Violation.atCell(1, "subject",
        "the subject's rows 1, 3 of the people file were rejected"));
    assertThat(results.people()).extracting(r -> r.subject().value()).containsExactly(B);
    assertThat(results.peopleCounts()).isEqualTo(new RowCounts(3, 1, 2));
    assertAccountedAndPrivate(results);
  }

  @Test
  void aDuplicateThatIsAlsoBadGetsBothReasons() {
    TenureResults results = read(YEAR, "subject,index_date\n" + A + ",2023-01-01\n" + A + ",bad\n",
        "subject,admission_date,discharge_date\n");

    List<Rejection> people = results.rejected();
    assertThat(people).hasSize(2);
    assertThat(people.get(1).reasons()).extracting(Violation::location).containsExactly(
        "row 2, column index_date", "row 2, column subject");
    assertAccountedAndPrivate(results);
  }

  @Test
  void anOpenEpisodeWithoutAnExtractionDateIsRejected() {
    TenureResults results = read(YEAR, "subject,index_date\n" + A + ",2023-01-01\n",
        "subject,admission_date,discharge_date\n" + A + ",2023-03-01,\n");

    Rejection r = only(results, InputFile.EPISODES);
    assertThat(r.reasons()).singleElement().satisfies(v -> {
      assertThat(v.location()).isEqualTo("row 1, column discharge_date");
      assertThat(v.message()).contains("--extraction-date");
    });
    assertThat(results.people().get(0).flags()).contains(TenureFlag.REJECTED_EPISODES);
  }

  @Test
  void withAnExtractionDateAnOpenEpisodeIsAcceptedAndLaterDatesRejected() {
    TenureCalculator calc = TenureCalculator.of(TenureOptions.withDefaults().withExtractionDate(LocalDate.parse("2023-06-30")));
    TenureResults results = read(calc,
        "subject,index_date\n" + A + ",2023-01-01\n" + B + ",2023-07-01\n",
        "subject,admission_date,discharge_date\n"
            + A + ",2023-06-01,\n"
            + A + ",2023-07-01,2023-07-02\n"
            + A + ",2023-06-20,2023-07-02\n");

    assertThat(results.rejected()).extracting(Rejection::file, Rejection::row).containsExactly(
        org.assertj.core.groups.Tuple.tuple(InputFile.PEOPLE, 2L),
        org.assertj.core.groups.Tuple.tuple(InputFile.EPISODES, 2L),
        org.assertj.core.groups.Tuple.tuple(InputFile.EPISODES, 3L));
    assertThat(results.rejected().get(0).reasons()).containsExactly(Violation.atCell(2, "index_date",
        "the index date is after the extraction date 2023-06-30"));
    assertThat(results.rejected().get(1).reasons()).extracting(Violation::toString).containsExactly(
        "row 2, column admission_date: the admission date is after the extraction date 2023-06-30",
        "row 2, column discharge_date: the discharge date is after the extraction date 2023-06-30");
    assertThat(results.people().get(0).flags()).contains(TenureFlag.OPEN_EPISODE, TenureFlag.REJECTED_EPISODES);
    assertAccountedAndPrivate(results);
  }

  @Test
  void aPersonWithNoEndOfFollowUpIsRejected() {
    TenureResults results = read(TenureCalculator.withDefaults(),
        "subject,index_date,end_date,death_date\n" + A + ",2023-01-01,,\n" + B + ",2023-01-01,,2023-05-01\n",
        "subject,admission_date,discharge_date\n");

    Rejection r = only(results, InputFile.PEOPLE);
    assertThat(r.row()).isEqualTo(1);
    assertThat(r.reasons()).singleElement().extracting(Violation::message).asString().contains("follow-up has no end");
    assertThat(results.people()).singleElement().satisfies(p -> assertThat(p.followUpEndReason()).isEqualTo(CensorReason.DEATH));
  }

  @Test
  void unknownAndEmptySettingsAreRejected() {
    TenureResults results = read(YEAR, "subject,index_date\n" + A + ",2023-01-01\n",
        "subject,admission_date,discharge_date,setting\n"
            + A + ",2023-03-01,2023-03-02,acute\n"
            + A + ",2023-03-05,2023-03-06,\n"
            + A + ",2023-03-07,2023-03-08," + B + "\n");

    assertThat(results.rejected()).extracting(r -> r.reasons().get(0).toString()).containsExactly(
        "row 1, column setting: not a setting; write psychiatric or other",
        "row 2, column setting: empty cell; write psychiatric or other (or leave out the setting column to count every episode as psychiatric)",
        "row 3, column setting: not a setting; write psychiatric or other");
    assertAccountedAndPrivate(results);
  }

  @Test
  void emptySubjectsAreRejected() {
    TenureResults results = read(YEAR, "subject,index_date\n,2023-01-01\n" + A + ",2023-01-01\n",
        "subject,admission_date,discharge_date\n,2023-03-01,2023-03-02\n");

    assertThat(results.rejected()).extracting(r -> r.reasons().get(0).toString()).containsExactly(
        "row 1, column subject: empty cell; a subject is required",
        "row 1, column subject: empty cell; a subject is required");
    assertThat(results.people()).hasSize(1);
  }

  @Test
  void aMissingRequiredColumnFailsTheWholeFile() {
    assertThatThrownBy(() -> read(YEAR, "subject,start\n" + A + ",2023-01-01\n", "subject,admission_date,discharge_date\n"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location).containsExactly("column index_date"));
    assertThatThrownBy(() -> read(YEAR, "subject,index_date\n", "subject,admission_date\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("column discharge_date");
  }

  @Test
  void aRowWithMoreCellsThanTheHeaderFailsTheWholeFile() {
    assertThatThrownBy(() -> read(YEAR, "subject,index_date\n" + A + ",2023-01-01,extra\n", "subject,admission_date,discharge_date\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 1")
        .hasMessageNotContaining(A);
  }

  @Test
  void readsFilesWithTheirNamesInMessages() throws Exception {
    Path people = dir.resolve("people.csv");
    Path episodes = dir.resolve("episodes.csv");
    Files.writeString(people, "subject,index_date\n" + A + ",2023-01-01\n", StandardCharsets.UTF_8);
    Files.writeString(episodes, "subject,admission_date,discharge_date\n" + A + ",2023-03-01,2023-03-11\n",
        StandardCharsets.UTF_8);

    TenureResults results = YEAR.read(people, episodes);

    assertThat(results.people()).singleElement().satisfies(r -> assertThat(r.bedDays()).isEqualTo(10));
    assertThatThrownBy(() -> YEAR.read(dir.resolve("missing.csv"), episodes))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such file");
  }

  @Test
  void listsAreCheckedLikeFilesWithPositionsAsRows() {
    SubjectId a = SubjectId.of(A);
    SubjectId c = SubjectId.of(C);
    TenureResults results = YEAR.compute(
        List.of(Person.of(a, LocalDate.parse("2023-01-01")), Person.of(SubjectId.of(B), LocalDate.parse("2023-01-01")),
            Person.of(SubjectId.of(B), LocalDate.parse("2023-01-05"))),
        List.of(Episode.psychiatric(a, LocalDate.parse("2023-03-01"), LocalDate.parse("2023-03-11")),
            Episode.psychiatric(c, LocalDate.parse("2023-03-01"), LocalDate.parse("2023-03-11")),
            Episode.open(a, LocalDate.parse("2023-05-01"))));

    assertThat(results.rejected()).extracting(Rejection::file, Rejection::row).containsExactly(
        org.assertj.core.groups.Tuple.tuple(InputFile.PEOPLE, 2L),
        org.assertj.core.groups.Tuple.tuple(InputFile.PEOPLE, 3L),
        org.assertj.core.groups.Tuple.tuple(InputFile.EPISODES, 2L),
        org.assertj.core.groups.Tuple.tuple(InputFile.EPISODES, 3L));
    assertThat(results.people()).singleElement().satisfies(r -> {
      assertThat(r.bedDays()).isEqualTo(10);
      assertThat(r.flags()).containsExactly(TenureFlag.REJECTED_EPISODES);
    });
    assertAccountedAndPrivate(results);
  }

  @Test
  void theSurvivalSampleHoldsTheIncludedPeopleWithTheirGroupAndSaysWhoWasLeftOut() {
    TenureResults results = read(YEAR,
        "subject,index_date,end_date,death_date,group\n"
            + A + ",2023-01-01,,,peer\n"
            + B + ",2023-01-01,,,usual\n"
            + C + ",2023-01-01,,,peer\n"
            + "D4,2023-01-01,,2023-01-01,usual\n",
        "subject,admission_date,discharge_date\n"
            + A + ",2023-03-01,2023-03-11\n"
            + C + ",2022-12-01,2023-01-03\n");

    TenureSurvivalSample s = results.toSurvivalSample();

    assertThat(s.sample().size()).isEqualTo(2);
    assertThat(s.sample().times()).containsExactly(59, 365);
    assertThat(s.sample().events()).containsExactly(true, false);
    assertThat(s.sample().group()).hasValueSatisfying(g -> {
      assertThat(g.levels()).containsExactly("peer", "usual");
      assertThat(g.level(0)).isEqualTo("peer");
      assertThat(g.level(1)).isEqualTo("usual");
    });
    assertThat(s.subjects()).extracting(SubjectId::value).containsExactly(A, B);
    assertThat(s.excluded()).isEqualTo(2);
    assertThat(s.excludedByFlag()).containsOnly(Map.entry(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE, 1),
        Map.entry(TenureFlag.NO_FOLLOW_UP, 1));
  }

  @Test
  void aSurvivalSampleOfChosenGroupsHasTheirLevelsInTheOrderGivenAndCountsOnlyTheirExclusions() {
    TenureResults results = read(YEAR,
        "subject,index_date,end_date,death_date,group\n"
            + A + ",2023-01-01,,,peer\n"
            + B + ",2023-01-01,,,usual\n"
            + C + ",2023-01-01,,,other\n"
            + "D4,2023-01-01,,2023-01-01,usual\n"
            + "E5,2023-01-01,,2023-01-01,other\n"
            + "F6,2023-01-01,,,\n",
        "subject,admission_date,discharge_date\n"
            + A + ",2023-03-01,2023-03-11\n");

    TenureSurvivalSample s = results.toSurvivalSample(List.of("usual", "peer"));

    assertThat(s.sample().times()).containsExactly(59, 365);
    assertThat(s.sample().events()).containsExactly(true, false);
    assertThat(s.sample().group()).hasValueSatisfying(g -> {
      assertThat(g.levels()).containsExactly("usual", "peer");
      assertThat(g.codes()).containsExactly(1, 0);
    });
    assertThat(s.subjects()).extracting(SubjectId::value).containsExactly(A, B);
    assertThat(s.excluded()).isEqualTo(1);
    assertThat(s.excludedByFlag()).containsOnly(Map.entry(TenureFlag.NO_FOLLOW_UP, 1));
    // a group with nobody included stays as an empty level
    assertThat(results.toSurvivalSample(List.of("usual", "peer", "none")).sample().group().orElseThrow().counts())
        .containsExactly(1, 1, 0);
    assertThatThrownBy(() -> results.toSurvivalSample(List.of("peer", "peer")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> results.toSurvivalSample(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSurvivalSampleWithSomeGroupsMissingIsRefused() {
    TenureResults results = read(YEAR, "subject,index_date,group\n" + A + ",2023-01-01,peer\n" + B + ",2023-01-01,\n",
        "subject,admission_date,discharge_date\n");

    assertThatThrownBy(results::toSurvivalSample).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1 of the 2 included people have no group");
    assertThat(read(YEAR, "subject,index_date\n" + A + ",2023-01-01\n", "subject,admission_date,discharge_date\n")
        .toSurvivalSample().sample().group()).isEmpty();
  }

  @Test
  void theSummaryCountsAndTotals() {
    TenureResults results = read(YEAR,
        "subject,index_date,end_date,death_date\n"
            + A + ",2023-01-01,,\n"
            + B + ",2023-01-01,2023-01-21,\n"
            + C + ",2023-01-01,,2023-03-01\n"
            + "D4,2023-01-01,,\n"
            + "E5,bad,,\n",
        "subject,admission_date,discharge_date,setting\n"
            + A + ",2023-01-11,2023-01-21,psychiatric\n"
            + "D4,2022-12-31,2023-01-02,psychiatric\n"
            + "D4,2023-02-01,2023-02-02,other\n"
            + "Z9,2023-02-01,2023-02-02,psychiatric\n");

    TenureSummary s = results.summary();

    assertThat(s.people()).isEqualTo(new RowCounts(5, 4, 1));
    assertThat(s.episodes()).isEqualTo(new RowCounts(4, 3, 1));
    assertThat(s.episodesOutsideSettings()).isEqualTo(1);
    assertThat(s.included()).isEqualTo(3);
    assertThat(s.excluded()).isEqualTo(1);
    assertThat(s.excludedByFlag()).containsEntry(TenureFlag.IN_HOSPITAL_ON_INDEX_DATE, 1)
        .containsEntry(TenureFlag.NO_FOLLOW_UP, 0);
    assertThat(s.events()).isEqualTo(1);
    assertThat(s.censoredByReason()).containsEntry(CensorReason.END_OF_OBSERVATION, 1)
        .containsEntry(CensorReason.DEATH, 1).containsEntry(CensorReason.WINDOW_END, 0);
    // days followed 365, 20, 59, 365: median (59 + 365) / 2 = 212
    assertThat(s.medianDaysFollowed()).hasValue(212.0);
    assertThat(s.totalDaysFollowed()).isEqualTo(809);
    assertThat(s.totalBedDays()).isEqualTo(10 + 1);
    assertThat(s.totalDaysInCommunity()).isEqualTo(809 - 11);
    assertThat(s.totalReadmissions()).isEqualTo(1);
    // A readmitted day 10; B censored day 20 (unknown); C followed 59 days: 30-day no, 90-day unknown
    assertThat(s.readmitted30()).isEqualTo(new HorizonCounts(1, 1, 1));
    assertThat(s.readmitted90()).isEqualTo(new HorizonCounts(1, 0, 2));
  }

  @Test
  void rejectionsConvertToTheApisRejectedRow() {
    Rejection r = new Rejection(InputFile.PEOPLE, 4, List.of(Violation.atRow(4, "bad")));

    assertThat(r.toRejectedRow().row()).isEqualTo(4);
    assertThat(r.toString()).startsWith("row 4 of the people file");
    assertThatThrownBy(() -> new Rejection(InputFile.PEOPLE, 0, List.of(Violation.atRow(0, "bad"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void personGroupIsOptional() {
    TenureResults results = read(YEAR, "subject,index_date,group\n" + A + ",2023-01-01,\n", "subject,admission_date,discharge_date\n");

    assertThat(results.people().get(0).group()).isEqualTo(Optional.empty());
  }
}
