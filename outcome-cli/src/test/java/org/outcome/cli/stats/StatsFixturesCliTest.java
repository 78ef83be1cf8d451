package org.outcome.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.cli.CliRunner;
import org.outcome.stats.fixtures.Fixture;
import org.outcome.stats.fixtures.FixtureComparison;
import org.outcome.stats.fixtures.Fixtures;

/**
 * Every R fixture of the before-and-after and comparison-group kinds, run through the command
 * line: the fixture's input is written to a CSV file (or given as counts), the command runs with
 * {@code --format json}, and its JSON is compared with the fixture field by field within the
 * fixture's tolerance.
 */
class StatsFixturesCliTest {
  @TempDir Path dir;

  static List<Fixture> paired() {
    return Fixtures.ofKind("paired");
  }

  static List<Fixture> twoGroup() {
    return Fixtures.ofKind("two-group");
  }

  static List<Fixture> ancova() {
    return Fixtures.ofKind("ancova");
  }

  static List<Fixture> twoByTwo() {
    return Fixtures.ofKind("two-by-two");
  }

  static List<Fixture> mcnemar() {
    return Fixtures.ofKind("mcnemar");
  }

  static List<Fixture> rateRatio() {
    return Fixtures.ofKind("rate-ratio");
  }

  /** Writes the fixture's input columns as a CSV file. */
  private Path csv(Fixture f, String... columns) throws IOException {
    int rows = f.input().get(columns[0]).size();
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", columns));
    for (int i = 0; i < rows; i++) {
      List<String> cells = new ArrayList<>();
      for (String c : columns) {
        JsonNode v = f.input().get(c).get(i);
        cells.add(v.isNumber() ? Double.toString(v.asDouble()) : v.asText());
      }
      lines.add(String.join(",", cells));
    }
    Path file = dir.resolve(f.id().replace('/', '-') + ".csv");
    Files.write(file, lines);
    return file;
  }

  private static JsonNode run(String... args) {
    CliRunner r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Fixtures.parse(r.out());
  }

  private static String cells(Fixture f) {
    long[] c = f.table();
    return c[0] + "," + c[1] + "," + c[2] + "," + c[3];
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void paired(Fixture f) throws IOException {
    JsonNode json = run("paired", "--input", csv(f, "before", "after").toString(), "--before", "before",
        "--after", "after", "--conf-level", Double.toString(f.option("confLevel", 0.95)), "--format", "json");
    FixtureComparison.assertMatches(f, json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoGroup(Fixture f) throws IOException {
    JsonNode json = run("compare", "--input", csv(f, "value", "group").toString(), "--value", "value",
        "--group", "group", "--first-group", f.option("firstGroup", ""), "--conf-level",
        Double.toString(f.option("confLevel", 0.95)), "--format", "json");
    FixtureComparison.assertMatches(f, json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void ancova(Fixture f) throws IOException {
    JsonNode json = run("ancova", "--input", csv(f, "pre", "post", "group").toString(), "--pre", "pre",
        "--post", "post", "--group", "group", "--reference", f.option("referenceGroup", ""), "--format", "json");
    FixtureComparison.assertMatches(f, json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoByTwo(Fixture f) {
    FixtureComparison.assertMatches(f, run("table2x2", "--cells", cells(f), "--conf-level",
        Double.toString(f.option("confLevel", 0.95)), "--format", "json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void mcnemar(Fixture f) {
    FixtureComparison.assertMatches(f, run("mcnemar", "--cells", cells(f), "--format", "json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void rateRatio(Fixture f) {
    double[] events = f.numbers("events");
    double[] time = f.numbers("personTime");
    FixtureComparison.assertMatches(f, run("rates", "--events", (long) events[0] + "," + (long) events[1],
        "--person-time", time[0] + "," + time[1], "--conf-level", Double.toString(f.option("confLevel", 0.95)),
        "--format", "json"));
  }
}
