package org.outcome.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;

class EvaluateCommandTest {
  @TempDir Path dir;

  @Test
  void demoWritesTheDataTheConfigurationAndBothReports() {
    CliRunner r = CliRunner.run("demo", "--output-dir", dir.toString(), "--people-per-group", "40", "--seed", "3");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("report.json")).exists();
    assertThat(dir.resolve("evaluation.json")).exists();
    assertThat(dir.resolve("data/episodes.csv")).exists();
    assertThat(r.out()).contains("Peer support evaluation: synthetic demonstration", "Reports: ", "report.html");
    // not a terminal: progress as plain lines on stderr
    assertThat(r.err()).contains("[1/6] reading people and sessions", "[5/6] deriving community tenure", "done in ");
  }

  @Test
  void evaluateRunsAConfigurationAgain() {
    assertThat(CliRunner.run("demo", "--output-dir", dir.toString(), "--people-per-group", "30").exitCode()).isZero();
    Path again = dir.resolve("again");

    CliRunner r = CliRunner.run("evaluate", "--config", dir.resolve("evaluation.json").toString(),
        "--output-dir", again.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(again.resolve("report.html")).exists();
  }

  @Test
  void anInvalidConfigurationFailsBeforeAnyWorkListingEveryProblem() throws Exception {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, """
        {"data": {"people": "missing.csv", "answers": [{"instrument": "nope", "file": "x.csv"}]},
         "groups": {"intervention": "a", "comparison": "b"},
         "outcomes": [{"instrument": "mhcs", "comparison": ["frobnicate"]}]}
        """);
    Path out = dir.resolve("out");

    CliRunner r = CliRunner.run("evaluate", "--config", config.toString(), "--output-dir", out.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("invalid evaluation config", "data.people: file 'missing.csv' does not exist",
        "data.answers[0].instrument: unknown instrument 'nope'", "outcomes[0].comparison[0]: unknown analysis 'frobnicate'");
    assertThat(out).doesNotExist();
  }

  @Test
  void labelsThatMatchNoRowOfTheDataFailBeforeAnyWorkWithExit3() throws Exception {
    assertThat(CliRunner.run("demo", "--output-dir", dir.toString(), "--people-per-group", "30").exitCode()).isZero();
    Path config = dir.resolve("evaluation.json");
    Files.writeString(config, Files.readString(config)
        .replaceAll("\"intervention\"\\s*:\\s*\"peer-support\"", "\"intervention\": \"peer\"")
        .replaceAll("\"followUp\"\\s*:\\s*\"follow-up\"", "\"followUp\": \"6-months\""));
    Path out = dir.resolve("labels");

    CliRunner r = CliRunner.run("evaluate", "--config", config.toString(), "--output-dir", out.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("groups.intervention: 'peer' is on no row of people.csv (data.people), column group;"
        + " the labels found there are", "timepoints.followUp: '6-months' is on no row of swemwbs.csv");
    assertThat(out).doesNotExist();
  }

  @Test
  void configIsRequired() {
    CliRunner r = CliRunner.run("evaluate");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--config");
  }
}
