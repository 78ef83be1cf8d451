package org.outcome.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.cli.CliRunner;
import org.outcome.cli.RFixtures;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.JsonText;

/**
 * Every R fixture of the before-and-after and comparison-group kinds, run through the command
 * line: the fixture's input is written to a CSV file (or given as counts), the command runs with
 * {@code --format json}, and its JSON is compared with the fixture field by field within the
 * fixture's tolerance.
 */
class StatsFixturesCliTest {
  @TempDir Path dir;

  static List<Fixture> paired() {
    return RFixtures.ofKind("paired");
  }

  static List<Fixture> twoGroup() {
    return RFixtures.ofKind("two-group");
  }

  static List<Fixture> ancova() {
    return RFixtures.ofKind("ancova");
  }

  static List<Fixture> twoByTwo() {
    return RFixtures.ofKind("two-by-two");
  }

  static List<Fixture> mcnemar() {
    return RFixtures.ofKind("mcnemar");
  }

  static List<Fixture> rateRatio() {
    return RFixtures.ofKind("rate-ratio");
  }

  static List<Fixture> metaAnalysis() {
    return RFixtures.ofKind("meta-analysis");
  }

  /** Each method's JSON beside the others, as the fixture nests them. */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void metaAnalysis(Fixture f) {
    String file = csv(f, "yi", "vi").toString();
    Map<String, Object> json = new java.util.LinkedHashMap<>();
    for (String method : List.of("DL", "REML", "FE")) {
      json.put(method, run("meta", "--input", file, "--yi", "yi", "--vi", "vi", "--method", method, "--conf-level",
          Double.toString(f.option("confLevel", 0.95)), "--format", "json"));
    }
    f.assertMatches(json);
  }

  static List<Fixture> propensity() {
    return RFixtures.ofKind("propensity");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void propensity(Fixture f) {
    List<String> covariates = ((List<?>) f.options().get("covariates")).stream().map(String::valueOf).toList();
    Object json = run("propensity", "--input", csv(f).toString(), "--treatment", "treat", "--covariates",
        String.join(",", covariates), "--outcome", "y", "--format", "json");
    f.assertMatches(json);
  }

  static List<Fixture> propensityMatching() {
    return RFixtures.ofKind("propensity-matching");
  }

  /**
   * MatchIt's matched sample. The shared {@code lalonde-nearest} was made by Debian's MatchIt 4.5.1,
   * whose fast path compares gaps with C's integer {@code abs} (its issue #163) and so takes the
   * lower candidate: only the fields that depend on that choice may differ from it; the
   * {@code nearest-rule} fixtures (MatchIt through its distance-matrix path) must match in full.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void propensityMatching(Fixture f) {
    List<String> args = new ArrayList<>(List.of("propensity", "--input", csv(f).toString(), "--treatment", "treat",
        "--covariates", String.join(",", covariates(f)), "--outcome", "y", "--method", "match", "--ratio",
        Long.toString((long) f.option("ratio", 1)), "--order", f.option("order").orElseThrow(), "--format", "json"));
    if (f.options().get("exact") instanceof List<?> exact) {
      args.addAll(List.of("--exact", exact.stream().map(String::valueOf).collect(Collectors.joining(","))));
    }
    Object json = run(args.toArray(String[]::new));
    if (f.id().contains("nearest-rule")) {
      f.assertMatches(json);
    } else {
      assertThat(f.differences(json)).allSatisfy(d -> assertThat(d).matches("(matchedRows|weights|att|smdMatched)\\b.*"));
    }
  }

  static List<Fixture> propensityCaliper() {
    return RFixtures.ofKind("propensity-caliper");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void propensityCaliper(Fixture f) {
    Object json = run("propensity", "--input", csv(f).toString(), "--treatment", "treat", "--covariates",
        String.join(",", covariates(f)), "--outcome", "y", "--method", "match", "--order", "largest", "--caliper",
        Double.toString(f.option("caliper", Double.NaN)), "--format", "json");
    f.assertMatches(json);
  }

  private static List<String> covariates(Fixture f) {
    return ((List<?>) f.options().get("covariates")).stream().map(String::valueOf).toList();
  }

  /** Writes the fixture's input columns as a CSV file. */
  private Path csv(Fixture f, String... columns) {
    return f.writeCsv(dir.resolve(f.id().replace('/', '-') + ".csv"), columns);
  }

  private static Object run(String... args) {
    CliRunner r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JsonText.parse(r.out());
  }

  /** The 2x2 {@code table} input, given by rows, as {@code a,b,c,d}. */
  private static String cells(Fixture f) {
    double[][] t = f.matrix("table");
    return (long) t[0][0] + "," + (long) t[0][1] + "," + (long) t[1][0] + "," + (long) t[1][1];
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void paired(Fixture f) {
    Object json = run("paired", "--input", csv(f, "before", "after").toString(), "--before", "before",
        "--after", "after", "--conf-level", Double.toString(f.option("confLevel", 0.95)), "--format", "json");
    f.assertMatches(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoGroup(Fixture f) {
    Object json = run("compare", "--input", csv(f, "value", "group").toString(), "--value", "value",
        "--group", "group", "--first-group", f.option("firstGroup").orElseThrow(), "--conf-level",
        Double.toString(f.option("confLevel", 0.95)), "--format", "json");
    f.assertMatches(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void ancova(Fixture f) {
    Object json = run("ancova", "--input", csv(f, "pre", "post", "group").toString(), "--pre", "pre",
        "--post", "post", "--group", "group", "--reference", f.option("referenceGroup").orElseThrow(),
        "--format", "json");
    f.assertMatches(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoByTwo(Fixture f) {
    f.assertMatches(run("table2x2", "--cells", cells(f), "--conf-level",
        Double.toString(f.option("confLevel", 0.95)), "--format", "json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void mcnemar(Fixture f) {
    f.assertMatches(run("mcnemar", "--cells", cells(f), "--format", "json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void rateRatio(Fixture f) {
    double[] events = f.numbers("events");
    double[] time = f.numbers("personTime");
    f.assertMatches(run("rates", "--events", (long) events[0] + "," + (long) events[1],
        "--person-time", time[0] + "," + time[1], "--conf-level", Double.toString(f.option("confLevel", 0.95)),
        "--format", "json"));
  }
}
