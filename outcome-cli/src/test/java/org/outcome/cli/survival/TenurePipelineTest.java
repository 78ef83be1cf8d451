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
    assertThat(km.err()).contains("1 row with a missing value (an empty cell or NA) left out of the analysis (as R's na.omit): row 6");
    assertThat(km.out()).contains("\"omittedRows\" : [ 6 ]", "\"stratum\" : \"group=peer\"", "\"stratum\" : \"group=usual\"");
    assertThat(logrank.exitCode()).as(logrank.err()).isZero();
    assertThat(logrank.out()).contains("group=peer", "group=usual");
  }

  /**
   * {@code tenure --shape}: worked by hand. S1 (index 2023-01-01, end 2023-12-31) has stays
   * 2023-02-01 to 02-10 and 2023-05-01 to 05-05 (days 31-40 and 120-124); S2 dies on 2023-03-01
   * (day 59) without a stay; S3 is in hospital on its index date (excluded).
   */
  @Test
  void shapesWriteTheRowsOfEachAnalysis() throws Exception {
    java.nio.file.Path people = dir.resolve("people.csv");
    java.nio.file.Path episodes = dir.resolve("episodes.csv");
    java.nio.file.Files.writeString(people, """
        subject,index_date,end_date,death_date,group,age
        S1,2023-01-01,2023-12-31,,peer,40
        S2,2023-01-01,2023-12-31,2023-03-01,usual,51
        S3,2023-01-01,2023-12-31,,usual,33
        """);
    java.nio.file.Files.writeString(episodes, """
        subject,admission_date,discharge_date
        S1,2023-02-01,2023-02-10
        S1,2023-05-01,2023-05-05
        S3,2022-12-20,2023-01-05
        """);
    String[] base = {"tenure", "--people", people.toString(), "--episodes", episodes.toString(), "--format", "csv"};
    assertThat(shape(base, "recurrent", "--keep", "age")).containsExactly("subject,group,start,stop,event,enum,age",
        "S1,peer,0,31,1,1,40", "S1,peer,40,120,1,2,40", "S1,peer,124,364,0,3,40", "S2,usual,0,59,0,1,51");
    assertThat(shape(base, "total-time")).containsExactly("subject,group,start,stop,event,enum",
        "S1,peer,0,31,1,1", "S1,peer,31,120,1,2", "S1,peer,120,364,0,3", "S2,usual,0,59,0,1");
    assertThat(shape(base, "competing")).containsExactly("subject,group,time,status", "S1,peer,31,1", "S2,usual,59,2");
    assertThat(shape(base, "first")).containsExactly("subject,group,time,event", "S1,peer,31,1", "S2,usual,59,0");
    CliRunner bad = CliRunner.run("tenure", "--people", people.toString(), "--episodes", episodes.toString(),
        "--shape", "sideways");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("not one of first, recurrent, total-time, competing");
  }

  private static java.util.List<String> shape(String[] base, String shape, String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(base));
    args.add("--shape");
    args.add(shape);
    args.addAll(java.util.List.of(more));
    CliRunner r = CliRunner.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().lines().toList();
  }
}
