package org.outcome.cli.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;

/**
 * The time-to-readmission file {@code outcome tenure} writes is analysed directly by the survival
 * commands: people excluded from time to readmission (no time) are left out and listed.
 */
class TenurePipelineTest {
  @TempDir Path dir;

  @Test
  void tenureOutputFeedsKaplanMeierAndLogRank() throws Exception {
    Path people = dir.resolve("people.csv");
    Path episodes = dir.resolve("episodes.csv");
    Files.writeString(people, """
        subject,index_date,end_date,death_date,group
        A1,2024-01-10,,,peer
        A2,2024-01-10,,,peer
        A3,2024-01-10,,,peer
        B1,2024-01-10,,,usual
        B2,2024-01-10,,,usual
        B3,2024-01-10,,,usual
        """);
    // B3 is in hospital on the index date: excluded from time to readmission
    Files.writeString(episodes, """
        subject,admission_date,discharge_date,setting
        A1,2024-03-01,2024-03-10,psychiatric
        A2,2024-06-01,2024-06-20,psychiatric
        B1,2024-02-01,2024-02-15,psychiatric
        B2,2024-01-20,2024-02-01,psychiatric
        B3,2024-01-01,2024-01-20,psychiatric
        """);
    CliRunner tenure = CliRunner.run("tenure", "--people", people.toString(), "--episodes", episodes.toString(),
        "--window-days", "365", "--format", "csv");
    assertThat(tenure.exitCode()).as(tenure.err()).isZero();
    Path tenureCsv = dir.resolve("tenure.csv");
    Files.writeString(tenureCsv, tenure.out());

    CliRunner km = CliRunner.run("survival", "km", "--input", tenureCsv.toString(), "--time", "time", "--event", "event",
        "--group", "group", "--format", "json");
    CliRunner logrank = CliRunner.run("survival", "logrank", "--input", tenureCsv.toString(), "--time", "time",
        "--event", "event", "--group", "group");

    assertThat(km.exitCode()).as(km.err()).isZero();
    assertThat(km.err()).contains("1 rows with an empty cell left out of the analysis (as R's na.omit): rows 6");
    assertThat(km.out()).contains("\"omittedRows\" : [ 6 ]", "\"stratum\" : \"group=peer\"", "\"stratum\" : \"group=usual\"");
    assertThat(logrank.exitCode()).as(logrank.err()).isZero();
    assertThat(logrank.out()).contains("group=peer", "group=usual");
  }
}
