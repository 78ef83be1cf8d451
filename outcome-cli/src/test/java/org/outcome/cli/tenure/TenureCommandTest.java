package org.outcome.cli.tenure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.io.Json;

class TenureCommandTest {
  // identifiers shaped like NHS numbers, so that a leak into a message would show
  static final String A = "9434765919";
  static final String B = "4010232137";
  static final String C = "9990001112";

  @TempDir Path dir;
  Path people;
  Path episodes;

  @BeforeEach
  void files() throws Exception {
    people = write("people.csv", "subject,index_date,end_date,death_date,group\n"
        + A + ",2023-01-01,,,peer\n"              // transfer readmission on day 59
        + B + ",2023-01-01,,2023-02-15,usual\n"   // dies on day 45
        + C + ",2023-01-01,2023-06-30,,peer\n"    // in hospital on the index date
        + "X4,2023-02-30,,,usual\n");             // impossible date: rejected
    episodes = write("episodes.csv", "subject,admission_date,discharge_date,setting\n"
        + A + ",2023-03-01,2023-03-10,psychiatric\n"
        + A + ",2023-03-11,2023-03-20,psychiatric\n"
        + C + ",2022-12-20,2023-01-05,psychiatric\n"
        + B + ",2023-02-01,2023-02-03,other\n"
        + "Z9,2023-02-01,2023-02-03,psychiatric\n"); // unknown person: rejected
  }

  Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  CliRunner tenure(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("tenure", "--people", people.toString(),
        "--episodes", episodes.toString()));
    args.addAll(List.of(extra));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void csvHasOneRowPerPersonWithTheIssuesColumnsAndRejectionsGoToStandardError() {
    CliRunner r = tenure("--window-days", "365", "--format", "csv");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "subject,time,event,censorReason,daysFollowed,daysInCommunity,bedDays,readmissions,readmitted30,readmitted90,mergedStays,flags,group",
        A + ",59,1,,365,347,18,1,0,1,1,,peer",
        B + ",45,0,death,45,45,0,0,0,,0,,usual",
        C + ",,,,180,176,4,0,,,0,in_hospital_on_index_date,peer");
    assertThat(r.err()).contains(
        "tenure: 2 rows rejected:",
        "  people file, row 4, column index_date: not a real calendar date (the month or the day is out of range)",
        "  episodes file, row 5, column subject: the subject is not in the people file",
        "tenure: people 4 read, 3 accepted, 1 rejected; episodes 5 read, 4 accepted, 1 rejected");
    assertThat(r.err()).doesNotContain(A, B, C, "Z9", "X4", "2023-02-30");
  }

  @Test
  void jsonHasTheSummaryThePeopleAndTheRejectedRows() throws Exception {
    CliRunner r = tenure("--window-days", "365", "--format", "json");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = Json.MAPPER.readTree(r.out());
    JsonNode summary = json.get("summary");
    assertThat(summary.get("people").get("read").asLong()).isEqualTo(4);
    assertThat(summary.get("people").get("accepted").asLong() + summary.get("people").get("rejected").asLong()).isEqualTo(4);
    assertThat(summary.get("episodes").get("read").asLong()).isEqualTo(5);
    assertThat(summary.get("episodes").get("outsideSettings").asLong()).isEqualTo(1);
    assertThat(summary.get("included").asInt()).isEqualTo(2);
    assertThat(summary.get("excludedByFlag").get("in_hospital_on_index_date").asInt()).isEqualTo(1);
    assertThat(summary.get("events").asInt()).isEqualTo(1);
    assertThat(summary.get("censoredByReason").get("death").asInt()).isEqualTo(1);
    assertThat(summary.get("medianDaysFollowed").asDouble()).isEqualTo(180.0);
    assertThat(summary.get("totalBedDays").asLong()).isEqualTo(22);
    JsonNode first = json.get("people").get(0);
    assertThat(first.get("subject").asText()).isEqualTo(A);
    assertThat(first.get("time").asInt()).isEqualTo(59);
    assertThat(first.get("event").asInt()).isEqualTo(1);
    assertThat(first.get("mergedStays").asInt()).isEqualTo(1);
    JsonNode second = json.get("people").get(1);
    assertThat(second.get("censorReason").asText()).isEqualTo("death");
    assertThat(second.get("readmitted30").asInt()).isZero();
    assertThat(second.get("readmitted90").isNull()).isTrue();
    JsonNode third = json.get("people").get(2);
    assertThat(third.get("time").isNull()).isTrue();
    assertThat(third.get("flags").get(0).asText()).isEqualTo("in_hospital_on_index_date");
    JsonNode rejected = json.get("rejected");
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0).get("file").asText()).isEqualTo("people");
    assertThat(rejected.get(0).get("row").asLong()).isEqualTo(4);
    assertThat(rejected.get(0).get("reasons").get(0).get("location").asText()).isEqualTo("row 4, column index_date");
    assertThat(rejected.get(1).get("file").asText()).isEqualTo("episodes");
    assertThat(json.get("options").get("windowDays").asInt()).isEqualTo(365);
    assertThat(json.get("bedDaysSaved").isNull()).isTrue();
  }

  @Test
  void textShowsTheSummaryAndThePeople() {
    CliRunner r = tenure("--window-days", "365");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Community tenure (window 365 days, gap 1 day, extraction date none, settings psychiatric)",
        "people in time to readmission", "excluded: in hospital on the index date", "readmitted (events)",
        "median days followed", "total bed-days", "subject", A);
    assertThat(r.err()).contains("tenure: 2 rows rejected:").doesNotContain("tenure: people 4 read");
  }

  @Test
  void textListsManyPeopleOnlyOnRequest() throws Exception {
    StringBuilder many = new StringBuilder("subject,index_date\n");
    for (int i = 0; i < TenureCommand.TEXT_ROWS + 1; i++) {
      many.append("P").append(i).append(",2023-01-01\n");
    }
    people = write("many.csv", many.toString());

    CliRunner r = tenure("--window-days", "30");

    assertThat(r.out()).contains("51 people: use --format csv or --format json for one row per person.")
        .doesNotContain("P50");
  }

  @Test
  void anOpenEpisodeNeedsTheExtractionDate() throws Exception {
    episodes = write("open.csv", "subject,admission_date,discharge_date\n" + A + ",2023-06-01,\n");

    CliRunner without = tenure("--window-days", "365", "--format", "csv");
    assertThat(without.err()).contains("episodes file, row 1, column discharge_date: no discharge date");
    assertThat(without.out()).contains(A + ",,,,365,365,0,0,,,0,rejected_episodes,peer");

    CliRunner with = tenure("--window-days", "365", "--extraction-date", "2023-06-30", "--format", "csv");
    assertThat(with.exitCode()).isZero();
    assertThat(with.out()).contains(A + ",151,1,,180,151,29,1,0,0,0,open_episode,peer");
  }

  @Test
  void settingsChooseWhichEpisodesCount() {
    CliRunner r = tenure("--window-days", "365", "--settings", "psychiatric,OTHER", "--format", "csv");

    assertThat(r.out()).contains(B + ",31,1,,45,43,2,1,0,1,0,,usual");
  }

  @Test
  void bedDaysSavedUsesTheComparatorGiven() throws Exception {
    CliRunner r = tenure("--window-days", "365", "--comparator-admissions", "2", "--comparator-stay-days", "15",
        "--comparator-source", "2019 cohort", "--format", "json");

    assertThat(r.exitCode()).isZero();
    JsonNode saved = Json.MAPPER.readTree(r.out()).get("bedDaysSaved");
    // included: A (365 days, 18 bed-days) and B (45 days, 0): 410 / 365.25 person-years x 30
    assertThat(saved.get("people").asInt()).isEqualTo(2);
    assertThat(saved.get("excluded").asInt()).isEqualTo(1);
    assertThat(saved.get("personDays").asLong()).isEqualTo(410);
    assertThat(saved.get("comparatorBedDaysPerPersonYear").asDouble()).isEqualTo(30.0);
    assertThat(saved.get("expectedBedDays").asDouble()).isCloseTo(410 / 365.25 * 30, within(1e-12));
    assertThat(saved.get("observedBedDays").asLong()).isEqualTo(18);
    assertThat(saved.get("bedDaysSaved").asDouble()).isCloseTo(410 / 365.25 * 30 - 18, within(1e-12));
    assertThat(saved.get("comparatorSource").asText()).isEqualTo("2019 cohort");

    assertThat(tenure("--window-days", "365", "--comparator-bed-days", "20").out()).contains("Bed-days saved");
  }

  @Test
  void badOptionValuesAreInvalidInputAndBadSyntaxIsAUsageError() {
    CliRunner impossible = tenure("--window-days", "365", "--extraction-date", "2023-02-30");
    assertThat(impossible.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(impossible.err()).contains("--extraction-date: '2023-02-30' is not a calendar date in the form YYYY-MM-DD");

    assertThat(tenure("--extraction-date", "30/06/2023").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(tenure("--window-days", "0").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(tenure("--window-days", "365", "--gap-days", "-1").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(tenure("--window-days", "365", "--comparator-bed-days", "-5").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);

    assertThat(tenure("--window-days", "abc").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tenure("--settings", "acute").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tenure("--comparator-bed-days", "5", "--comparator-admissions", "2").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tenure("--comparator-admissions", "2").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRunner.run("tenure", "--people", people.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMissingColumnOrFileIsInvalidInput() throws Exception {
    people = write("bad.csv", "subject,start\n" + A + ",2023-01-01\n");

    CliRunner r = tenure("--window-days", "365");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("column index_date: missing from the header");
    people = dir.resolve("nowhere.csv");
    assertThat(tenure("--window-days", "365").err()).contains("no such file");
  }

  @Test
  void writesToAnOutputFile() throws Exception {
    Path out = dir.resolve("out/tenure.csv");

    CliRunner r = tenure("--window-days", "365", "--format", "csv", "--output", out.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllLines(out)).hasSize(4);
  }

  @Test
  void csvQuotesCellsThatNeedIt() {
    assertThat(TenureReport.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(TenureReport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(TenureReport.cell("plain")).isEqualTo("plain");
  }

  @Test
  void theRootHelpListsTheCommand() {
    assertThat(CliRunner.run("--help").out()).contains("tenure");
    assertThat(CliRunner.run("tenure", "--help").out()).contains("--extraction-date", "--gap-days", "--window-days");
  }
}
