package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs end with exit 2 or 3 and a message, never exit 1, a stack trace or a partial file. */
class BadInputTest {
  private static final String MAX = Long.toString(Long.MAX_VALUE);

  @TempDir Path dir;

  private Path file(String name, String... lines) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, List.of(lines));
    return f;
  }

  private static void assertClean(CliRunner r, int code) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void countsWhoseSumOverflowAreInvalidInputNamingTheCount() {
    CliRunner table = CliRunner.run("table2x2", "--cells", MAX + ",1,1,1");
    assertClean(table, ExitCodes.INVALID_INPUT);
    assertThat(table.err()).contains("a: count " + MAX + " is too large");
    CliRunner mcnemar = CliRunner.run("mcnemar", "--cells", "1," + MAX + "," + MAX + ",1");
    assertClean(mcnemar, ExitCodes.INVALID_INPUT);
    assertThat(mcnemar.err()).contains(MAX);
    CliRunner rates = CliRunner.run("rates", "--events", MAX + "," + MAX, "--person-time", "1,1");
    assertClean(rates, ExitCodes.INVALID_INPUT);
    assertThat(rates.err()).contains(MAX);
  }

  @Test
  void aConfidenceLevelSoCloseToOneThatTheQuantileIsInfiniteIsAUsageError() {
    for (String command : List.of("table2x2", "mcnemar")) {
      CliRunner r = CliRunner.run(command, "--cells", "2,10,15,3", "--conf-level", "0.9999999999999999");
      assertClean(r, ExitCodes.USAGE);
      assertThat(r.err()).contains("--conf-level", "too close to 1");
    }
    CliRunner ok = CliRunner.run("table2x2", "--cells", "2,10,15,3", "--conf-level", "0.999999");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
  }

  @Test
  void anRmstTauBeyondDoublePrecisionIsAClearError() throws IOException {
    Path data = file("s.csv", "time,status,arm", "5,1,a", "8,0,a", "12,1,a", "3,1,b", "9,1,b", "15,0,b",
        "20,1,a", "7,1,b");
    for (String tau : List.of("1e308", "1e200")) {
      CliRunner r = CliRunner.run("survival", "rmst", "--input", data.toString(), "--time", "time",
          "--event", "status", "--group", "arm", "--tau", tau, "--format", "json");
      assertClean(r, ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains("tau", "is too large", "group b").doesNotContain("NaN");
    }
  }

  @Test
  void anEvaluationWithAnRmstTauBeyondTheWindowIsRefusedBeforeAnyWork() throws IOException {
    Path out = dir.resolve("demo");
    assertThat(CliRunner.run("demo", "--output-dir", out.toString(), "--people-per-group", "20").exitCode()).isZero();
    Path config = out.resolve("evaluation.json");
    String json = Files.readString(config);
    assertThat(json).contains("\"rmstTau\" : 1095");
    Files.writeString(config, json.replace("\"rmstTau\" : 1095", "\"rmstTau\" : 1e308"));
    CliRunner r = CliRunner.run("evaluate", "--config", config.toString(), "--output-dir", out.resolve("again").toString());
    assertClean(r, ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("tenure.rmstTau", "must not exceed tenure.windowDays (1095 days)");
    assertThat(out.resolve("again/report.json")).doesNotExist();
  }

  @Test
  void ancovaAndPairedWithFollowUpEqualToBaselineForEveryoneAreDegenerate() throws IOException {
    Path data = file("z.csv", "id,es0,es12,arm", "p1,1,1,peer", "p2,2,2,peer", "p3,3,3,peer", "p4,1,1,usual",
        "p5,2,2,usual", "p6,4,4,usual");
    CliRunner ancova = CliRunner.run("ancova", "--input", data.toString(), "--pre", "es0", "--post", "es12",
        "--group", "arm");
    assertClean(ancova, ExitCodes.INVALID_INPUT);
    assertThat(ancova.err()).contains("cannot analyse these data", "zero variance");
    CliRunner paired = CliRunner.run("paired", "--input", data.toString(), "--before", "es0", "--after", "es12");
    assertClean(paired, ExitCodes.INVALID_INPUT);
    assertThat(paired.err()).contains("zero variance");
  }

  @Test
  void demoRefusesGroupSizesOutsideItsLimitsBeforeWritingAnything() {
    for (String size : List.of("0", "-5", "2000000000")) {
      Path out = dir.resolve("demo" + size);
      CliRunner r = CliRunner.run("demo", "--output-dir", out.toString(), "--people-per-group", size);
      assertClean(r, ExitCodes.USAGE);
      assertThat(r.err()).contains("--people-per-group");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void aDirectoryGivenAsAFileOrAFileAsADirectoryIsAUsageErrorNamingTheOption() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Path data = file("c.csv", "x,g", "1,a", "2,a", "3,b", "5,b");
    CliRunner input = CliRunner.run("compare", "--input", folder.toString(), "--value", "x", "--group", "g");
    assertClean(input, ExitCodes.USAGE);
    assertThat(input.err()).contains("--input", "is a directory");
    CliRunner output = CliRunner.run("compare", "--input", data.toString(), "--value", "x", "--group", "g",
        "--output", folder.toString());
    assertClean(output, ExitCodes.USAGE);
    assertThat(output.err()).contains("--output", "is a directory");
    CliRunner demo = CliRunner.run("demo", "--output-dir", data.toString(), "--people-per-group", "10");
    assertClean(demo, ExitCodes.USAGE);
    assertThat(demo.err()).contains("--output-dir", "not a directory");
    assertThat(dir.resolve("c.csv")).isRegularFile();
  }

  @Test
  void demoRefusesToOverwriteAnEvaluationUnlessForced() throws IOException {
    Path out = Files.createDirectories(dir.resolve("report"));
    Files.writeString(out.resolve("evaluation.json"), "{}");
    CliRunner r = CliRunner.run("demo", "--output-dir", out.toString(), "--people-per-group", "10");
    assertClean(r, ExitCodes.USAGE);
    assertThat(r.err()).contains("evaluation.json", "--force");
    assertThat(Files.readString(out.resolve("evaluation.json"))).isEqualTo("{}");
    CliRunner forced = CliRunner.run("demo", "--output-dir", out.toString(), "--people-per-group", "10", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(out.resolve("report.html")).isRegularFile();
  }

  @Test
  void demoReplacesItsOwnEarlierRunButNotAnotherEvaluation() throws IOException {
    Path out = dir.resolve("demo-again");
    CliRunner first = CliRunner.run("demo", "--output-dir", out.toString(), "--people-per-group", "10");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(out.resolve(".outcome-demo")).isRegularFile();
    // the README's main command, run twice, works: the folder holds only an earlier demo
    CliRunner second = CliRunner.run("demo", "--output-dir", out.toString(), "--people-per-group", "10");
    assertThat(second.exitCode()).as(second.err()).isZero();
    // without the marker it is somebody's evaluation, and is refused as above
    Files.delete(out.resolve(".outcome-demo"));
    CliRunner third = CliRunner.run("demo", "--output-dir", out.toString(), "--people-per-group", "10");
    assertClean(third, ExitCodes.USAGE);
    assertThat(third.err()).contains("--force");
  }

  @Test
  void csvOutputNeutralisesFormulaPrefixesButKeepsNumbers() throws IOException {
    Path answers = file("gse.csv", "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10",
        "=HYPERLINK(\"http://x\"),baseline,1,2,3,4,1,2,3,4,1,2",
        "+cmd|calc,@x,1,2,3,4,1,2,3,4,1,2",
        "-1.5,-x,1,2,3,4,1,2,3,4,1,2");
    CliRunner score = CliRunner.run("score", "--instrument", "gse", "--input", answers.toString());
    assertThat(score.exitCode()).as(score.err()).isZero();
    assertThat(score.out()).contains("\"'=HYPERLINK(\"\"http://x\"\")\",baseline", "'+cmd|calc,'@x",
        "-1.5,'-x");
    Path people = file("people.csv", "subject,index_date,end_date,death_date,group",
        "@SUM(1),2023-01-01,2023-12-31,,=peer");
    Path episodes = file("episodes.csv", "subject,admission_date,discharge_date,setting");
    CliRunner tenure = CliRunner.run("tenure", "--people", people.toString(), "--episodes", episodes.toString(),
        "--format", "csv");
    assertThat(tenure.exitCode()).as(tenure.err()).isZero();
    assertThat(tenure.out()).contains("'@SUM(1),", ",'=peer").doesNotContain(",=peer", "\n@SUM");
    // a stratum is labelled column=group: a column named like a formula starts the cell
    Path km = file("km.csv", "time,status,=arm", "5,1,a", "8,0,a", "3,1,b", "9,1,b");
    CliRunner curves = CliRunner.run("survival", "km", "--input", km.toString(), "--time", "time",
        "--event", "status", "--group", "=arm", "--format", "csv");
    assertThat(curves.exitCode()).as(curves.err()).isZero();
    assertThat(curves.out()).doesNotContain("\n=").contains("\n'=arm=a,5,");
  }

  @Test
  void anInvalidByteIsReportedAtItsOwnRowAndAFailedRunLeavesNoOutputFile() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("x,g\n".getBytes(StandardCharsets.UTF_8));
    for (int row = 1; row <= 60_000; row++) {
      if (row == 60_000) {
        bytes.write("1\u00e9".getBytes(StandardCharsets.UTF_8), 0, 2); // 1 and the first byte of é alone
        bytes.writeBytes(",a\n".getBytes(StandardCharsets.UTF_8));
      } else {
        bytes.writeBytes((row + "," + (row % 2 == 0 ? "a" : "b") + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Path data = dir.resolve("big.csv");
    Files.write(data, bytes.toByteArray());
    Path output = dir.resolve("out.json");
    CliRunner r = CliRunner.run("compare", "--input", data.toString(), "--value", "x", "--group", "g",
        "--output", output.toString());
    assertClean(r, ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("row 60000", "not valid UTF-8");
    assertThat(output).doesNotExist();
  }

  @Test
  void aCommandFailingWhileWritingLeavesNoPartialOutputAndKeepsAnOldOne() throws IOException {
    // a bad byte after 2,000 good rows: scoring starts writing, then fails
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n".getBytes(StandardCharsets.UTF_8));
    for (int row = 1; row <= 2_000; row++) {
      bytes.writeBytes(("NHS-" + row + ",baseline,1,2,3,4,1,2,3,4,1,2\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes(new byte[] {'N', (byte) 0xff, ',', 'b', '\n'});
    Path answers = dir.resolve("gse.csv");
    Files.write(answers, bytes.toByteArray());
    Path output = dir.resolve("scores.csv");
    CliRunner fresh = CliRunner.run("score", "--instrument", "gse", "--input", answers.toString(),
        "--output", output.toString());
    assertClean(fresh, ExitCodes.INVALID_INPUT);
    assertThat(output).doesNotExist();
    Files.writeString(output, "old");
    CliRunner again = CliRunner.run("score", "--instrument", "gse", "--input", answers.toString(),
        "--output", output.toString());
    assertClean(again, ExitCodes.INVALID_INPUT);
    assertThat(Files.readString(output)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("gse.csv", "scores.csv");
    }
  }
}
