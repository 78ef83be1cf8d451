package org.outcome.cli.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.RFixtures;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.JsonText;

/**
 * {@code survival cox} on every {@code cox} fixture: the fixture's input written to a CSV file, the
 * command's JSON compared with R's values within the fixture's tolerance.
 */
class CoxCommandTest {
  @TempDir Path dir;

  static List<Fixture> fixtures() {
    return RFixtures.ofKind("cox");
  }

  @Test
  void sixFixtures() {
    assertThat(fixtures()).hasSize(6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void jsonMatchesR(Fixture f) throws IOException {
    Path csv = f.writeCsv(dir.resolve("data.csv"));
    CliRunner r = CliRunner.run(args(f, csv, "--format", "json"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(r.out());
    f.assertMatches(json);
    // the comparison does not look inside an expected null: the model-based se is there exactly when R has it
    assertThat(json.get("naiveSe") != null).isEqualTo(f.expected().get("naiveSe") != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void textIsTheSummaryTable(Fixture f) throws IOException {
    Path csv = f.writeCsv(dir.resolve("data.csv"));
    CliRunner r = CliRunner.run(args(f, csv));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Cox proportional hazards", "exp(coef)", "lower .95", "Concordance = ",
        "Likelihood ratio test = ", "Wald test", "Score (logrank) test", "cox.zph", "GLOBAL");
    for (String term : terms(f)) {
      assertThat(r.out()).contains(term);
    }
    if (f.option("cluster").isPresent()) {
      assertThat(r.out()).contains("robust se", "Robust score test");
    }
  }

  @Test
  void timingAddsReadAndAnalysisSeconds() throws IOException {
    Fixture f = fixtures().get(0);
    Path csv = f.writeCsv(dir.resolve("data.csv"));
    List<String> a = new ArrayList<>(List.of(args(f, csv, "--format", "json", "--timing")));
    CliRunner r = CliRunner.run(a.toArray(String[]::new));
    assertThat(r.exitCode()).isZero();
    Map<?, ?> timing = (Map<?, ?>) ((Map<?, ?>) JsonText.parse(r.out())).get("timing");
    assertThat(timing.keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrder("readSeconds", "analysisSeconds");
  }

  @Test
  void optionsChangeTheModel() throws IOException {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "t,e,x,z\n9,1,0,0.3\n1,1,1,1.2\n1,0,1,1\n6,1,1,0.7\n6,1,0,-0.4\n8,0,0,0\n3,1,1,2.2\n11,1,0,-1\n");
    CliRunner r = CliRunner.run("survival", "cox", "--input", csv.toString(), "--time", "t", "--event", "e", "--covariates", "x,z",
        "--ties", "BRESLOW", "--robust", "--no-zph", "--no-concordance", "--conf-level", "0.9", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(r.out());
    assertThat(json.get("ties")).isEqualTo("breslow");
    assertThat(json.get("terms")).isEqualTo(List.of("x", "z"));
    assertThat(json.get("naiveSe")).isInstanceOf(List.class);
    assertThat(json.get("robustScore")).isInstanceOf(Double.class);
    assertThat(json.get("zph")).isNull();
    assertThat(json.get("concordance")).isNull();
    assertThat(json.get("confLevel")).isEqualTo(0.9);
  }

  @Test
  void anEventValueThatIsNoCodeIsRejectedWithItsRow() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "t,e,x\n5,1,0\n6,3,1\n7,0,1\n");
    CliRunner r = CliRunner.run("survival", "cox", "--input", csv.toString(), "--time", "t", "--event", "e", "--covariates", "x");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("column e: 1 row has a value that is not an event code", "rows 2");
  }

  @Test
  void aNegativeTimeIsRejectedWithItsRowAndColumn() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "t,e,x\n5,1,0\n-1,1,1\n7,0,1\n");
    CliRunner r = CliRunner.run("survival", "cox", "--input", csv.toString(), "--time", "t", "--event", "e", "--covariates", "x");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("column t: negative on row 2");
  }

  @Test
  void rowsWithAnEmptyCellAreLeftOutAndListedAsRsNaOmit() throws IOException {
    Path csv = dir.resolve("gaps.csv");
    Files.writeString(csv, "t,e,x\n5,1,0\n,0,1\n8,1,1\n3,1,0\n9,0,\n6,0,1\n4,1,1\n");
    Path complete = dir.resolve("complete.csv");
    Files.writeString(complete, "t,e,x\n5,1,0\n8,1,1\n3,1,0\n6,0,1\n4,1,1\n");

    CliRunner gaps = CliRunner.run("survival", "cox", "--input", csv.toString(), "--time", "t", "--event", "e",
        "--covariates", "x", "--format", "json");
    CliRunner full = CliRunner.run("survival", "cox", "--input", complete.toString(), "--time", "t", "--event", "e",
        "--covariates", "x", "--format", "json");

    assertThat(gaps.exitCode()).as(gaps.err()).isZero();
    assertThat(gaps.err()).contains("2 rows with a missing value (an empty cell or NA) left out of the analysis (as R's na.omit): rows 2, 5");
    Map<?, ?> withGaps = (Map<?, ?>) JsonText.parse(gaps.out());
    Map<?, ?> without = (Map<?, ?>) JsonText.parse(full.out());
    assertThat(withGaps.get("omittedRows").toString()).isEqualTo("[2.0, 5.0]");
    assertThat(withGaps.get("coef")).isEqualTo(without.get("coef"));
    assertThat(withGaps.get("n")).isEqualTo(without.get("n"));
  }

  @Test
  void degenerateDataIsExplained() throws IOException {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "t,e,x,y\n5,1,0,1\n6,1,1,3\n7,0,1,3\n8,1,0,1\n");
    CliRunner r = CliRunner.run("survival", "cox", "--input", csv.toString(), "--time", "t", "--event", "e", "--covariates", "x,y");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("cannot analyse these data").contains("'x' and 'y' are collinear");
  }

  @Test
  void aColumnNamedTwiceOrAMissingColumnIsAnError() throws IOException {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "t,e,x\n5,1,0\n6,1,1\n");
    CliRunner twice = CliRunner.run("survival", "cox", "--input", csv.toString(), "--time", "t", "--event", "e", "--covariates", "x,t");
    assertThat(twice.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(twice.err()).contains("'t' is named for more than one role");
    CliRunner missing = CliRunner.run("survival", "cox", "--input", csv.toString(), "--time", "t", "--event", "e", "--covariates", "age");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(missing.err()).contains("age");
  }

  private static List<String> terms(Fixture f) {
    Object t = f.expected().get("terms");
    return t instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(t.toString());
  }

  private static String[] args(Fixture f, Path csv, String... extra) {
    List<String> a = new ArrayList<>(List.of("survival", "cox", "--input", csv.toString(), "--time", "time",
        "--event", "event", "--covariates", String.join(",", terms(f)), "--ties", f.option("ties").orElseThrow()));
    f.option("strata").ifPresent(s -> a.addAll(List.of("--strata", s)));
    f.option("cluster").ifPresent(c -> a.addAll(List.of("--cluster", c)));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }
}
