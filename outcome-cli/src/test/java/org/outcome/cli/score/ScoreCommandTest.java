package org.outcome.cli.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.io.Json;

class ScoreCommandTest {
  @TempDir Path dir;

  private Path gseFile() throws Exception {
    Path file = dir.resolve("gse.csv");
    Files.writeString(file, """
        subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10
        NHS-0001,baseline,1,2,3,4,1,2,3,4,1,2
        "NHS, 0002",baseline,1,2,3,4,1,2,3,4,,
        NHS-0003,week 12,5,2,3,4,1,2,3,4,1,x
        NHS-0004,week 12,1,2,3,4,1,2,,,,
        """);
    return file;
  }

  @Test
  void csvIsTheDefaultAndRejectedRowsGoToStandardError() throws Exception {
    CliRunner r = CliRunner.run("score", "--instrument", "gse", "--input", gseFile().toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        row,subject,timepoint,total,missing_items,prorated,not_scored
        1,NHS-0001,baseline,23.0,,false,
        2,"NHS, 0002",baseline,25.0,9 10,true,
        4,NHS-0004,week 12,,7 8 9 10,false,total: 6 of 10 items answered; at least 7 required
        """);
    assertThat(r.err()).contains("score: rejected row 3, column q1: outside the scale 1-4",
        "score: rejected row 3, column q10: not a number",
        "score: gse: read 4 rows, scored 3, rejected 1");
    assertThat(r.err()).doesNotContain("NHS-");
  }

  @Test
  void naIsAMissingAnswerUnlessNaSaysOtherwise() throws Exception {
    Path file = dir.resolve("na.csv");
    Files.writeString(file, "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n"
        + "A,baseline,1,2,3,4,1,2,3,4,NA,NA\nB,baseline,1,2,3,4,1,2,3,4,-9,\n");
    CliRunner byDefault = CliRunner.run("score", "--instrument", "gse", "--input", file.toString());
    assertThat(byDefault.out()).contains("1,A,baseline,25.0,9 10,true,");
    assertThat(byDefault.err()).contains("rejected row 2, column q9: outside the scale 1-4");
    CliRunner spss = CliRunner.run("score", "--instrument", "gse", "--input", file.toString(), "--na", "NA,-9");
    assertThat(spss.out()).contains("1,A,baseline,25.0,9 10,true,", "2,B,baseline,25.0,9 10,true,");
    CliRunner none = CliRunner.run("score", "--instrument", "gse", "--input", file.toString(), "--na", "");
    assertThat(none.err()).contains("rejected row 1, column q9: not a number");
  }

  @Test
  void jsonHoldsScoresRejectedRowsAndCounts() throws Exception {
    Path output = dir.resolve("out/scores.json");
    CliRunner r = CliRunner.run("score", "--instrument", "gse", "--input", gseFile().toString(),
        "--format", "json", "--output", output.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = Json.MAPPER.readTree(output.toFile());
    assertThat(doc.get("instrument").asText()).isEqualTo("gse");
    assertThat(doc.get("version").asText()).isEqualTo("1995");
    assertThat(doc.get("scores")).hasSize(3);
    JsonNode second = doc.get("scores").get(1);
    assertThat(second.get("row").asLong()).isEqualTo(2);
    assertThat(second.get("subject").asText()).isEqualTo("NHS, 0002");
    assertThat(second.get("scores").get("total").asDouble()).isEqualTo(25.0);
    assertThat(second.get("missingItems").toString()).isEqualTo("[9,10]");
    assertThat(second.get("prorated").asBoolean()).isTrue();
    JsonNode fourth = doc.get("scores").get(2);
    assertThat(fourth.get("scores").get("total").isNull()).isTrue();
    assertThat(fourth.get("notScored").get("total").asText()).isEqualTo("6 of 10 items answered; at least 7 required");
    assertThat(doc.get("rejected")).hasSize(1);
    assertThat(doc.get("rejected").get(0).get("row").asLong()).isEqualTo(3);
    assertThat(doc.get("rejected").get(0).get("reasons")).hasSize(2);
    assertThat(doc.get("rejected").get(0).get("reasons").get(1).get("location").asText())
        .isEqualTo("row 3, column q10");
    assertThat(doc.get("counts").toString()).isEqualTo("{\"read\":4,\"scored\":3,\"rejected\":1}");
  }

  @Test
  void jsonWithManyRejectedRowsIsStillOneValidDocument() throws Exception {
    Path file = dir.resolve("bad.csv");
    StringBuilder csv = new StringBuilder("subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n");
    for (int i = 0; i < 500; i++) {
      csv.append("S").append(i).append(",t,").append(i % 2 == 0 ? "9" : "1").append(",1,1,1,1,1,1,1,1,1\n");
    }
    Files.writeString(file, csv);
    CliRunner r = CliRunner.run("score", "--instrument", "gse", "--input", file.toString(), "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertThat(doc.get("scores")).hasSize(250);
    assertThat(doc.get("rejected")).hasSize(250);
    assertThat(doc.get("counts").get("read").asLong()).isEqualTo(500);
  }

  @Test
  void aWhoqolFileScoresEveryDomain() throws Exception {
    Path file = dir.resolve("whoqol.csv");
    StringBuilder header = new StringBuilder("subject,timepoint");
    StringBuilder row = new StringBuilder("P1,t0");
    for (int q = 1; q <= 26; q++) {
      header.append(",q").append(q);
      row.append(',').append(q == 3 ? 2 : q == 4 ? 1 : q == 26 ? 2 : 4);
    }
    Files.writeString(file, header + "\n" + row + "\n");
    CliRunner r = CliRunner.run("score", "--instrument", "whoqol-bref", "--input", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("row,subject,timepoint,physical,psychological,social,environment,"
        + "physical.4-20,psychological.4-20,social.4-20,environment.4-20,overall,health,missing_items");
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
        .startsWith("1,P1,t0," + (((29.0 / 7) * 4 - 4) * 6.25) + ",75.0,75.0,75.0,");
  }

  @Test
  void anUnknownInstrumentIsInvalidInputListingWhatIsInstalled() throws Exception {
    CliRunner r = CliRunner.run("score", "--instrument", "nope", "--input", gseFile().toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("no instrument 'nope' is installed", "empowerment-scale", "whoqol-bref");
  }

  @Test
  void aBadHeaderIsInvalidInputNamingEveryColumn() throws Exception {
    Path file = dir.resolve("h.csv");
    Files.writeString(file, "subject,q1,q2\nA,1,1\n");
    Path output = dir.resolve("never.csv");
    CliRunner r = CliRunner.run("score", "--instrument", "gse", "--input", file.toString(), "--output", output.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(output).doesNotExist();
    assertThat(r.err()).contains("column timepoint: missing from the header", "column q10: missing from the header");
  }

  @Test
  void usageErrors() throws Exception {
    assertThat(CliRunner.run("score", "--input", gseFile().toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRunner text = CliRunner.run("score", "--instrument", "gse", "--input", gseFile().toString(), "--format", "text");
    assertThat(text.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(text.err()).contains("--format text is not available");
    assertThat(CliRunner.run("score", "--instrument", "Not An Id", "--input", gseFile().toString()).exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMissingFileIsInvalidInput() {
    CliRunner r = CliRunner.run("score", "--instrument", "gse", "--input", dir.resolve("none.csv").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("no such file");
  }
}
