package org.outcome.cli.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.RFixtures;
import org.outcome.cli.io.Json;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.JsonText;

/** The survival commands: every R fixture through the tool's JSON, and the tool's handling of bad input. */
class SurvivalCommandsTest {
  @TempDir Path dir;

  static Stream<Fixture> kaplanMeier() {
    return RFixtures.ofKind("kaplan-meier").stream();
  }

  static Stream<Fixture> logRank() {
    return RFixtures.ofKind("log-rank").stream();
  }

  @Test
  void theFixturesAreFound() {
    assertThat(kaplanMeier()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(logRank()).hasSizeGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kaplanMeier")
  void kmJsonMatchesR(Fixture f) throws Exception {
    Path csv = f.writeCsv(dir.resolve("data.csv"));
    List<String> args = new ArrayList<>(List.of("survival", "km", "--input", csv.toString(), "--time", "time",
        "--event", "event", "--group", groupColumn(f), "--conf-type", f.option("confType").orElseThrow(),
        "--conf-level", f.option("confLevel").orElseThrow(), "--format", "json"));
    f.option("rmeanTau").ifPresent(tau -> args.addAll(List.of("--rmean-tau", tau)));
    CliRunner r = CliRunner.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isZero();
    f.assertMatches(JsonText.parse(r.out()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logRank")
  void logRankJsonMatchesR(Fixture f) throws Exception {
    Path csv = f.writeCsv(dir.resolve("data.csv"));
    List<String> args = new ArrayList<>(List.of("survival", "logrank", "--input", csv.toString(), "--time", "time",
        "--event", "event", "--group", groupColumn(f), "--rho", f.option("rho").orElseThrow(), "--format", "json"));
    f.option("strata").ifPresent(strata -> args.addAll(List.of("--strata", strata)));
    CliRunner r = CliRunner.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isZero();
    f.assertMatches(JsonText.parse(r.out()));
  }

  private static String groupColumn(Fixture f) {
    String strata = f.option("strata").orElse(null);
    List<String> rest = f.columns().stream()
        .filter(c -> !c.equals("time") && !c.equals("event") && !c.equals(strata)).toList();
    assertThat(rest).hasSize(1);
    return rest.get(0);
  }

  private Path aml() {
    return kaplanMeier().filter(f -> f.id().equals("survival/km-aml")).findFirst().orElseThrow()
        .writeCsv(dir.resolve("aml.csv"));
  }

  @Test
  void rmstComparesTwoGroups() throws Exception {
    // values from R as in the stats module's WorkedExamplesTest.rmstDifferenceAndRatioAtForty
    CliRunner r = CliRunner.run("survival", "rmst", "--input", aml().toString(), "--time", "time", "--event", "event",
        "--group", "group", "--tau", "40", "--format", "json", "--timing");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("tau").asDouble()).isEqualTo(40);
    assertThat(json.at("/groups/0/group").asText()).isEqualTo("group=Maintained");
    assertThat(json.at("/groups/0/rmean").asDouble()).isCloseTo(28.897727272727270, within(1e-9));
    assertThat(json.at("/groups/1/rmeanSe").asDouble()).isCloseTo(3.8356411631845924, within(1e-9));
    assertThat(json.at("/contrasts/0/difference").asDouble()).isCloseTo(-6.9671717171717127, within(1e-9));
    assertThat(json.at("/contrasts/0/differenceP").asDouble()).isCloseTo(0.17784163219555257, within(1e-9));
    assertThat(json.at("/contrasts/0/ratioUpper").asDouble()).isCloseTo(1.1500854455741687, within(1e-9));
    assertThat(json.at("/timing/readSeconds").isNumber()).isTrue();
    assertThat(json.at("/timing/analysisSeconds").isNumber()).isTrue();
  }

  @Test
  void kmReadsCurvesAtChosenTimesAndPrintsTablesAndCsv() throws Exception {
    String[] base = {"survival", "km", "--input", aml().toString(), "--time", "time", "--event", "event", "--group",
        "group", "--at", "12,48", "--conf-type", "log-log"};
    CliRunner json = CliRunner.run(concat(base, "--format", "json"));
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode at = Json.MAPPER.readTree(json.out()).at("/strata/1/at");
    assertThat(at.get(0).get("nRisk").asLong()).isEqualTo(8);
    assertThat(at.get(0).get("survival").asDouble()).isCloseTo(0.58333333333333337, within(1e-12));
    // after the last Nonmaintained time (45): its last value (0) carried, marked, as R's extend = TRUE
    assertThat(at.get(1).get("survival").asDouble()).isZero();
    assertThat(at.get(1).get("nRisk").asLong()).isZero();
    assertThat(at.get(1).get("beyondLastTime").asBoolean()).isTrue();
    assertThat(at.get(0).get("beyondLastTime").asBoolean()).isFalse();

    CliRunner text = CliRunner.run(base);
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("group=Maintained", "median", "0.95LCL", "Survival at chosen times",
        "* after the curve's last observed time");

    CliRunner csv = CliRunner.run(concat(base, "--format", "csv"));
    assertThat(csv.exitCode()).isZero();
    List<String> lines = csv.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("stratum,time,nRisk,nEvent,nCensor,survival,stdErrCumHazard,lower,upper");
    assertThat(lines).hasSize(21);
    assertThat(lines.get(20)).startsWith("group=Nonmaintained,45,1,1,0,0,NA,NA,NA");
  }

  @Test
  void kmWithoutAGroupDrawsOneCurve() throws Exception {
    CliRunner r = CliRunner.run("survival", "km", "--input", aml().toString(), "--time", "time", "--event", "event",
        "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("strata")).hasSize(1);
    assertThat(json.at("/strata/0/stratum").asText()).isEqualTo("all");
    assertThat(json.at("/strata/0/n").asLong()).isEqualTo(23);
  }

  @Test
  void logRankTextLooksLikeR() {
    CliRunner r = CliRunner.run("survival", "logrank", "--input", aml().toString(), "--time", "time", "--event", "event",
        "--group", "group");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Observed", "Expected", "(O-E)^2/V", "Chisq = 3.396 on 1 degrees of freedom");
  }

  @Test
  void eventCodesThatMixCodingsAreRejectedNamingTheRows() throws Exception {
    // R: Surv(c(5, 6, 7), c(1, 2, 0)) warns "Invalid status value, converted to NA" and drops the 0
    Path csv = Files.writeString(dir.resolve("bad.csv"), "t,e,g\n5,1,a\n6,2,b\n7,0,a\n");
    CliRunner r = CliRunner.run("survival", "km", "--input", csv.toString(), "--time", "t", "--event", "e");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("column e: the codes mix codings: 0 on 1 row (3), 1 on 1 row (1), 2 on 1 row (2)");
  }

  @Test
  void aNegativeTimeIsRejectedNamingRowAndColumnAndZeroIsATime() throws Exception {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "days,e,g\n5,1,a\n0,1,b\n-3,0,a\n-0.5,1,b\n");
    CliRunner r = CliRunner.run("survival", "logrank", "--input", csv.toString(), "--time", "days", "--event", "e",
        "--group", "g");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("column days: negative on 2 rows: 3, 4").doesNotContain("row 2");
  }

  @Test
  void aSingleGroupCannotBeTested() throws Exception {
    Path csv = Files.writeString(dir.resolve("one.csv"), "t,e,g\n5,1,a\n6,1,a\n");
    CliRunner r = CliRunner.run("survival", "logrank", "--input", csv.toString(), "--time", "t", "--event", "e",
        "--group", "g");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("cannot analyse these data", "only one group (a)");
  }

  @Test
  void usageErrors() {
    assertThat(CliRunner.run("survival").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRunner noGroup = CliRunner.run("survival", "logrank", "--input", "x.csv", "--time", "t", "--event", "e");
    assertThat(noGroup.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noGroup.err()).contains("--group");
    CliRunner badType = CliRunner.run("survival", "km", "--input", "x.csv", "--time", "t", "--event", "e",
        "--conf-type", "logit");
    assertThat(badType.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badType.err()).contains("log, log-log, plain");
    CliRunner csvForLogRank = CliRunner.run("survival", "logrank", "--input", aml().toString(), "--time", "time",
        "--event", "event", "--group", "group", "--format", "csv");
    assertThat(csvForLogRank.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void helpListsTheSurvivalCommands() {
    CliRunner r = CliRunner.run("survival", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("km", "logrank", "rmst");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
