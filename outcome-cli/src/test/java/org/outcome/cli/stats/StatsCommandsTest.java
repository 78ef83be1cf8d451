package org.outcome.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.io.Json;

/** The statistics commands' text output, options and errors. */
class StatsCommandsTest {
  @TempDir Path dir;

  private Path file(String name, String... lines) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, java.util.List.of(lines));
    return f;
  }

  private Path cohort() throws IOException {
    // id, sessions, baseline and follow-up; person 3 lost to follow-up, person 4 below the dose threshold
    return file("cohort.csv",
        "id,sessions,es0,es12",
        "p1,12,60,72",
        "p2,15,55,70",
        "p3,11,62,",
        "p4,4,58,59",
        "p5,20,50,66",
        "p6,14,64,68",
        "p7,18,52,61");
  }

  @Test
  void pairedTextIsAPublishedTableAndCountsExclusions() throws IOException {
    CliRunner r = CliRunner.run("paired", "--input", cohort().toString(), "--before", "es0", "--after", "es12");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Before-and-after: es12 - es0", "Enrolled 7, analysed 6 pairs",
        "missing follow-up 1", "Mean difference (paired t)", "Wilcoxon signed-rank", "Cohen's d_z", "Hedges' g_z",
        "95% CI", "exact distribution");
    assertThat(r.out()).doesNotContain("p1", "p3"); // no subject identifier is printed
    assertThat(r.err()).contains("1 row with a missing value (an empty cell or NA) left out of the analysis"
        + " (as R's na.omit): row 3");
  }

  @Test
  void pairedAsTreatedWithReliableChangeAsJson() throws IOException {
    CliRunner r = CliRunner.run("paired", "--input", cohort().toString(), "--before", "es0", "--after", "es12",
        "--dose", "sessions", "--dose-more-than", "10", "--reliability", "0.86", "--reference-sd", "8",
        "--cutoff", "65", "--format", "json", "--timing");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("analysisSet").get("kind").asText()).isEqualTo("as-treated");
    assertThat(json.get("analysisSet").get("description").asText())
        .isEqualTo("as-treated (dose more than 10), complete cases");
    assertThat(json.get("analysisSet").get("included").asInt()).isEqualTo(5);
    assertThat(json.get("analysisSet").get("belowDose").asInt()).isEqualTo(1);
    assertThat(json.get("analysisSet").get("missingFollowUp").asInt()).isEqualTo(1);
    assertThat(json.get("n").asInt()).isEqualTo(5);
    // p3 misses a score and is listed; p4 is below the dose, not missing a value, and is not
    assertThat(json.get("omittedRows").toString()).isEqualTo("[3]");
    JsonNode rc = json.get("reliableChange");
    // S_diff = sqrt(2) * 8 * sqrt(0.14) = 4.2332; threshold 1.96 * S_diff = 8.297 points
    assertThat(rc.get("standardErrorOfDifference").asDouble()).isCloseTo(Math.sqrt(2) * 8 * Math.sqrt(0.14),
        org.assertj.core.data.Offset.offset(1e-12));
    // changes 12, 15, 16, 4, 9: recovered p1 (60->72) p2 (55->70) p5 (50->66); p7 (52->61, +9) improved, ends below 65
    assertThat(rc.get("recovered").asInt()).isEqualTo(3);
    assertThat(rc.get("improved").asInt()).isEqualTo(1);
    assertThat(rc.get("unchanged").asInt()).isEqualTo(1);
    assertThat(json.get("timing").get("analysisSeconds").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(json.get("warnings").toString()).contains("complete-cases");
  }

  @Test
  void compareAncovaAndCountsPrintTheirTables() throws IOException {
    Path groups = file("groups.csv", "score,arm,base", "3,peer,2", "5,peer,4", "4,peer,4", "6,peer,5",
        "8,usual,6", "7,usual,7", "9,usual,8", "5,usual,5", ",usual,3");
    CliRunner compare = CliRunner.run("compare", "--input", groups.toString(), "--value", "score", "--group", "arm",
        "--first-group", "usual");
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("Comparison of score: usual - peer", "Welch t-test", "Mann-Whitney",
        "Hedges' g", "1 of 9 rows lack a value or a group");
    CliRunner ancova = CliRunner.run("ancova", "--input", groups.toString(), "--pre", "base", "--post", "score",
        "--group", "arm", "--reference", "usual");
    assertThat(ancova.exitCode()).as(ancova.err()).isZero();
    assertThat(ancova.out()).contains("ANCOVA: score ~ base + arm", "armpeer", "Change score: I(score - base) ~ arm",
        "Assumption:");
    CliRunner table = CliRunner.run("table2x2", "--cells", "12,48,24,36");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("Risk ratio", "0.5", "NNTB 5.0", "Fisher");
    CliRunner mcnemar = CliRunner.run("mcnemar", "--cells", "794,150,86,570");
    assertThat(mcnemar.out()).contains("McNemar, continuity-corrected", "16.82");
    CliRunner rates = CliRunner.run("rates", "--events", "11,21", "--person-time", "800,3011", "--alternative", "greater");
    assertThat(rates.out()).contains("Rate ratio (first / second) 1.971", "alternative greater");
  }

  @Test
  void aRowWithoutAGroupIsLeftOutAsRDoes() throws IOException {
    // R: t.test(score ~ arm, data = read.csv("na.csv")) and lm(score ~ base + arm, ...) drop the
    // rows whose arm is NA or empty (na.omit): the same numbers as the file without them
    Path withNa = file("na.csv", "score,arm,base", "3,peer,2", "5,peer,4", "4,NA,4", "6,peer,5", "8,usual,6",
        "7,,7", "9,usual,8", "5,usual,5", "4,peer,3");
    Path without = file("complete.csv", "score,arm,base", "3,peer,2", "5,peer,4", "6,peer,5", "8,usual,6",
        "9,usual,8", "5,usual,5", "4,peer,3");
    for (List<String> command : List.of(List.of("compare", "--value", "score", "--group", "arm"),
        List.of("ancova", "--pre", "base", "--post", "score", "--group", "arm"))) {
      List<String> a = new ArrayList<>(command);
      a.addAll(List.of("--input", withNa.toString(), "--format", "json"));
      List<String> b = new ArrayList<>(command);
      b.addAll(List.of("--input", without.toString(), "--format", "json"));
      CliRunner na = CliRunner.run(a.toArray(String[]::new));
      CliRunner complete = CliRunner.run(b.toArray(String[]::new));
      assertThat(na.exitCode()).as(na.err()).isZero();
      ObjectNode x = (ObjectNode) Json.MAPPER.readTree(na.out());
      ObjectNode y = (ObjectNode) Json.MAPPER.readTree(complete.out());
      assertThat(x.get("excludedMissing").asInt()).isEqualTo(2);
      assertThat(x.get("omittedRows").toString()).isEqualTo("[3,6]"); // listed, as the survival commands list them
      assertThat(na.err()).contains("2 rows with a missing value (an empty cell or NA) left out of the analysis");
      assertThat(x.get("warnings").toString()).contains("2 of 9 rows lack a");
      for (String count : List.of("excludedMissing", "warnings", "omittedRows")) {
        x.remove(count);
        y.remove(count);
      }
      assertThat(x).isEqualTo(y);
    }
  }

  @Test
  void zeroCellsAndInfiniteLimitsAreWrittenPlainly() throws IOException {
    CliRunner r = CliRunner.run("table2x2", "--cells", "7,0,3,9", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("fisherOddsRatio").asText()).isEqualTo("Infinity");
    assertThat(json.get("oddsRatio").asText()).isEqualTo("Infinity");
    assertThat(json.get("warnings").toString()).contains("zero-cell", "odds-ratio-at-boundary");
    CliRunner none = CliRunner.run("table2x2", "--cells", "0,20,0,15", "--format", "json");
    assertThat(none.exitCode()).as(none.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(none.err()).contains("nobody had the event");
  }

  @Test
  void badInputGetsTheRightExitCodeAndMessage() throws IOException {
    CliRunner wrongCount = CliRunner.run("table2x2", "--cells", "1,2,3");
    assertThat(wrongCount.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(wrongCount.err()).contains("--cells needs 4 comma-separated values");
    CliRunner negative = CliRunner.run("mcnemar", "--cells", "1,-2,3,4");
    assertThat(negative.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(negative.err()).contains("b: count -2 is negative");
    CliRunner zeroTime = CliRunner.run("rates", "--events", "1,2", "--person-time", "0,10");
    assertThat(zeroTime.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(zeroTime.err()).contains("person-time 0.0 must be positive");
    Path bad = file("bad.csv", "before,after", "1,2", "x,3", "2,inf");
    CliRunner cells = CliRunner.run("paired", "--input", bad.toString(), "--before", "before", "--after", "after");
    assertThat(cells.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(cells.err()).contains("row 2, column before", "row 3, column after");
    Path constant = file("constant.csv", "before,after", "1,1", "2,2", "3,3");
    CliRunner degenerate = CliRunner.run("paired", "--input", constant.toString(), "--before", "before", "--after", "after");
    assertThat(degenerate.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(degenerate.err()).contains("cannot analyse these data", "zero variance");
    CliRunner level = CliRunner.run("table2x2", "--cells", "1,2,3,4", "--conf-level", "95");
    assertThat(level.exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRunner alternative = CliRunner.run("rates", "--events", "1,2", "--person-time", "5,10", "--alternative", "bigger");
    assertThat(alternative.exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRunner dose = CliRunner.run("paired", "--input", constant.toString(), "--before", "before", "--after", "after",
        "--dose", "before");
    assertThat(dose.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(dose.err()).contains("--dose needs --dose-more-than");
  }

  @Test
  void helpListsTheStatisticsCommands() {
    assertThat(CliRunner.run("--help").out()).contains("paired", "compare", "ancova", "table2x2", "mcnemar", "rates");
  }
}
