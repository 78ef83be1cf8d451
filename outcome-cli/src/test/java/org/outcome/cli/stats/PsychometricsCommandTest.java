package org.outcome.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.RFixtures;
import org.outcome.stats.psychometrics.InternalConsistency;
import org.outcome.stats.psychometrics.ItemResponses;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.JsonText;

/**
 * {@code outcome psychometrics}: psych's numbers on the attitude fixture's CSV, an instrument's
 * answers file read as {@code outcome score} reads it with its reverse-keyed items reversed, and
 * bad input named by row and column without echoing a cell.
 */
class PsychometricsCommandTest {
  /** The empowerment scale's reverse-keyed items (its definition). */
  private static final List<Integer> REVERSED = List.of(4, 7, 8, 10, 16, 17, 21, 22, 23);

  @TempDir Path dir;

  @Test
  void theAttitudeFixturesCsvGivesPsychsAlpha() {
    Fixture f = RFixtures.ofKind("internal-consistency").stream()
        .filter(x -> x.id().equals("psychometrics/attitude")).findFirst().orElseThrow();
    Path csv = f.writeCsv(dir.resolve("attitude.csv"));
    CliRunner r = CliRunner.run("psychometrics", "--input", csv.toString(), "--items",
        String.join(",", f.columns()), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(r.out());
    f.assertMatches(json);
    assertThat(((Number) json.get("n")).intValue()).isEqualTo(30);
    assertThat((List<?>) json.get("omittedRows")).isEmpty();
    assertThat(json.get("omegaTotal")).isInstanceOf(Number.class);
    assertThat(((Number) json.get("feldtLower")).doubleValue()).isLessThan(((Number) json.get("rawAlpha")).doubleValue());

    CliRunner text = CliRunner.run("psychometrics", "--input", csv.toString(), "--items",
        String.join(",", f.columns()));
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("raw alpha", "0.8431", "Feldt", "omega total", "r item-rest", "critical");
  }

  /** Answers to the empowerment scale (1-4), 40 rows, one with an empty cell (row 5). */
  private Path empowermentAnswers(int[][] answers) throws IOException {
    Random random = new Random(18);
    StringBuilder csv = new StringBuilder("subject,timepoint");
    for (int q = 1; q <= 28; q++) {
      csv.append(",q").append(q);
    }
    csv.append('\n');
    for (int i = 0; i < answers.length; i++) {
      double trait = random.nextGaussian();
      csv.append("P").append(i + 1).append(",baseline");
      for (int q = 1; q <= 28; q++) {
        double sign = REVERSED.contains(q) ? -1 : 1;
        answers[i][q - 1] = (int) Math.max(1, Math.min(4, Math.rint(2.5 + sign * trait + random.nextGaussian())));
        csv.append(',').append(i == 4 && q == 9 ? "" : Integer.toString(answers[i][q - 1]));
      }
      csv.append('\n');
    }
    return Files.writeString(dir.resolve("answers.csv"), csv);
  }

  @Test
  void anInstrumentsItemsAreReadAsScoreReadsThemAndReverseKeyedOnesReversed() throws IOException {
    int[][] answers = new int[40][28];
    Path csv = empowermentAnswers(answers);
    CliRunner r = CliRunner.run("psychometrics", "--instrument", "empowerment-scale", "--input", csv.toString(),
        "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(r.out());
    // the same answers, reversed here (5 - answer), row 5 left out
    List<String> names = new ArrayList<>();
    double[][] columns = new double[28][40];
    for (int q = 1; q <= 28; q++) {
      names.add("q" + q);
      for (int i = 0; i < 40; i++) {
        columns[q - 1][i] = i == 4 && q == 9 ? Double.NaN
            : REVERSED.contains(q) ? 5 - answers[i][q - 1] : answers[i][q - 1];
      }
    }
    InternalConsistency.Result expected = InternalConsistency.withDefaults().analyse(ItemResponses.of(names, columns));
    assertThat(((Number) json.get("rawAlpha")).doubleValue()).isCloseTo(expected.rawAlpha(), within(1e-14));
    assertThat(((Number) json.get("stdAlpha")).doubleValue()).isCloseTo(expected.stdAlpha(), within(1e-14));
    assertThat(expected.rawAlpha()).isGreaterThan(0.8); // reversed, the items agree
    assertThat(json.get("items")).isEqualTo(names);
    assertThat(json.get("subscale")).isEqualTo("total");
    assertThat(json.get("omittedRows")).isEqualTo(List.of(5.0));
    assertThat(r.err()).contains("row 5");
    List<?> stats = (List<?>) json.get("itemStatistics");
    assertThat(((Map<?, ?>) stats.get(3)).get("reversed")).isEqualTo(true);
    assertThat(((Map<?, ?>) stats.get(0)).get("reversed")).isEqualTo(false);
    assertThat(json.get("warnings")).isEqualTo(List.of());

    CliRunner unknown = CliRunner.run("psychometrics", "--instrument", "empowerment-scale", "--subscale", "nope",
        "--input", csv.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no subscale 'nope'");
  }

  @Test
  void timepointsArePooledWithAWarningOrChosenAndRowsKeepTheirNumbersInTheFile() throws IOException {
    Path csv = Files.writeString(dir.resolve("t.csv"), "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n"
        + "P1,baseline,1,2,2,1,2,1,2,1,1,2\n"
        + "P1,follow-up,3,3,4,3,4,3,3,4,3,3\n"
        + "P2,baseline,2,2,3,2,2,3,2,2,2,3\n"
        + "P2,follow-up,4,4,4,3,4,4,4,3,4,4\n"
        + "P3,baseline,3,4,3,3,4,3,3,4,,3\n"
        + "P4,baseline,4,3,4,4,3,4,4,4,3,4\n"
        + "P5,baseline,1,1,2,2,1,1,2,1,2,1\n");
    CliRunner all = CliRunner.run("psychometrics", "--instrument", "gse", "--input", csv.toString(), "--format", "json");
    assertThat(all.exitCode()).as(all.err()).isZero();
    Map<?, ?> pooled = (Map<?, ?>) JsonText.parse(all.out());
    assertThat(((Number) pooled.get("n")).intValue()).isEqualTo(6);
    assertThat((List<?>) pooled.get("warnings")).anySatisfy(w -> assertThat(((Map<?, ?>) w).get("code"))
        .isEqualTo("timepoints-pooled"));
    CliRunner baseline = CliRunner.run("psychometrics", "--instrument", "gse", "--input", csv.toString(),
        "--timepoint", "baseline", "--format", "json");
    assertThat(baseline.exitCode()).as(baseline.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(baseline.out());
    assertThat(((Number) json.get("n")).intValue()).isEqualTo(4);
    assertThat(json.get("omittedRows")).isEqualTo(List.of(5.0)); // the file's row 5, the 3rd baseline row
    assertThat((List<?>) json.get("warnings")).noneSatisfy(w -> assertThat(((Map<?, ?>) w).get("code"))
        .isEqualTo("timepoints-pooled"));
    assertThat(CliRunner.run("psychometrics", "--instrument", "gse", "--input", csv.toString(), "--timepoint",
        "week-52").exitCode()).isEqualTo(3);
  }

  @Test
  void theBootstrapIsReproducibleWithItsSeed() throws IOException {
    Path csv = Files.writeString(dir.resolve("x.csv"), "a,b,c\n1,2,2\n2,2,3\n3,4,3\n4,3,5\n5,5,4\n2,1,2\n4,4,4\n");
    String[] args = {"psychometrics", "--input", csv.toString(), "--items", "a,b,c", "--bootstrap", "500", "--seed",
        "7", "--format", "json"};
    CliRunner first = CliRunner.run(args);
    CliRunner second = CliRunner.run(args);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo(second.out());
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(first.out());
    assertThat(((Number) json.get("bootstrapResamples")).intValue()).isEqualTo(500);
    assertThat(((Number) json.get("bootstrapLower")).doubleValue())
        .isLessThan(((Number) json.get("bootstrapUpper")).doubleValue());
    assertThat(CliRunner.run("psychometrics", "--input", csv.toString(), "--items", "a,b,c", "--seed", "7")
        .exitCode()).isEqualTo(2);
  }

  @Test
  void badInputIsNamedByRowAndColumnAndNoCellIsEchoed() throws IOException {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b,c\n1,2,2\n2,secret42,3\n3,4,3\n");
    CliRunner cell = CliRunner.run("psychometrics", "--input", csv.toString(), "--items", "a,b,c");
    assertThat(cell.exitCode()).isEqualTo(3);
    assertThat(cell.err()).contains("row 2").contains("b").doesNotContain("secret42");

    CliRunner column = CliRunner.run("psychometrics", "--input", csv.toString(), "--items", "a,nope");
    assertThat(column.exitCode()).isEqualTo(3);
    assertThat(column.err()).contains("nope");

    StringBuilder gse = new StringBuilder("subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n");
    gse.append("P1,baseline,1,2,3,4,1,2,3,4,1,2\n");
    gse.append("P2,baseline,2,3,99,4,2,3,4,4,2,3\n");
    gse.append("P3,baseline,2,3,2.5,4,2,3,4,4,2,3\n");
    Path answers = Files.writeString(dir.resolve("gse.csv"), gse);
    CliRunner scale = CliRunner.run("psychometrics", "--instrument", "gse", "--input", answers.toString());
    assertThat(scale.exitCode()).isEqualTo(3);
    assertThat(scale.err()).contains("row 2, column q3: outside the scale 1-4")
        .contains("row 3, column q3: not a whole number").doesNotContain("99").doesNotContain("2.5");

    CliRunner constant = CliRunner.run("psychometrics", "--input",
        Files.writeString(dir.resolve("c.csv"), "a,b\n1,3\n2,3\n3,3\n").toString(), "--items", "a,b");
    assertThat(constant.exitCode()).isNotZero();
    assertThat(constant.err()).contains("item b").contains("zero variance");

    assertThat(CliRunner.run("psychometrics", "--input", csv.toString()).exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("psychometrics", "--input", csv.toString(), "--items", "a").exitCode()).isEqualTo(2);
  }
}
