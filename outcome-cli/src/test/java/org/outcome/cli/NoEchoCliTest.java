package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value in the wrong column (an NHS number, a name) is never printed: stderr names the row, the
 * column and what is wrong; a grouping column with a different value on every row (a subject
 * column) is refused instead of listing every subject as a group.
 */
class NoEchoCliTest {
  static final String NHS = "9434769999";
  static final String NAME = "Jane Smith";
  static final String[] IDS = {"9434765919", "4010232137", "9990001112", "9434765870", "9434765862", "9434765854",
      "9434765846", "9434765838"};

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static void assertNoEcho(CliRunner r, String... planted) {
    for (String p : planted) {
      assertThat(r.err()).doesNotContain(p);
      assertThat(r.out()).doesNotContain(p);
    }
  }

  @Test
  void scoreNamesRowAndColumnOfANameAnIdentifierAndAJavaOnlyNumber() throws Exception {
    Path csv = file("gse.csv", "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n"
        + "A1,baseline," + NAME + ",2,3,4,1,2,3,4,1,2\n"
        + "A2,baseline,1,2," + NHS + ",4,1,2,3,4,1,2\n"
        + "A3,baseline,1,2,3,0x1p1,1,2,3,4,1,2f\n");
    CliRunner r = CliRunner.run("score", "--instrument", "gse", "--input", csv.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("rejected row 1, column q1: not a number",
        "rejected row 2, column q3: outside the scale 1-4",
        "rejected row 3, column q4: not a number", "rejected row 3, column q10: not a number");
    assertNoEcho(r, NAME, "Jane", NHS, "0x1p1", "2f");
  }

  @Test
  void aFileWithoutAHeaderRowIsNotPrintedAsTheHeader() throws Exception {
    Path csv = file("gse.csv", NHS + ",1985-03-02,1,2,3,4,0,5,6,7,8,9\n");
    CliRunner r = CliRunner.run("score", "--instrument", "gse", "--input", csv.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("column subject: missing from the header");
    assertNoEcho(r, NHS, "1985");
  }

  @Test
  void survivalNamesTheRowOfAnIdentifierInTheEventOrTimeColumn() throws Exception {
    Path csv = file("s.csv", "time,event,group\n5,1,a\n6," + IDS[0] + ",a\n" + NAME + ",0,b\n8,1,b\n0x1p1,1,b\n");
    CliRunner r = CliRunner.run("survival", "km", "--input", csv.toString(), "--time", "time", "--event", "event");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("row 3, column time: not a number", "row 5, column time: not a number");
    assertNoEcho(r, IDS[0], NAME, "0x1p1");

    Files.writeString(csv, "time,event,group\n5,1,a\n6," + IDS[0] + ",a\n7," + NAME + ",b\n");
    r = CliRunner.run("survival", "km", "--input", csv.toString(), "--time", "time", "--event", "event");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("column event: 2 rows have a value that is not an event code", "rows 2, 3");
    assertNoEcho(r, IDS[0], NAME);
  }

  @Test
  void groupingBySubjectIsRefusedWithoutListingTheSubjects() throws Exception {
    StringBuilder sb = new StringBuilder("subject,score,base,time,event\n");
    for (int i = 0; i < IDS.length; i++) {
      sb.append(IDS[i]).append(',').append(i + 3).append(',').append(i + 1).append(',').append(i + 5).append(',')
          .append(i % 2).append('\n');
    }
    Path csv = file("ids.csv", sb.toString());
    String in = csv.toString();
    String[][] runs = {
        {"compare", "--input", in, "--value", "score", "--group", "subject"},
        {"ancova", "--input", in, "--pre", "base", "--post", "score", "--group", "subject"},
        {"survival", "rmst", "--input", in, "--time", "time", "--event", "event", "--group", "subject", "--tau", "8"},
        {"survival", "logrank", "--input", in, "--time", "time", "--event", "event", "--group", "subject"},
        {"survival", "km", "--input", in, "--time", "time", "--event", "event", "--group", "subject"},
        {"survival", "cox", "--input", in, "--time", "time", "--event", "event", "--covariates", "base",
            "--strata", "subject"},
    };
    for (String[] args : runs) {
      CliRunner r = CliRunner.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).as(String.join(" ", args))
          .contains("column 'subject' has a different value on every row: it looks like an identifier, not a group");
      assertNoEcho(r, IDS);
    }
  }
}
