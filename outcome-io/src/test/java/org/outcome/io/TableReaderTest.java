package org.outcome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;

class TableReaderTest {
  @TempDir Path dir;

  private Path csv(String text) throws Exception {
    Path file = dir.resolve("in.csv");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsRequestedColumnsInRowOrder() throws Exception {
    Table t = TableReader.of(csv("id,before,after,group,event\nx,1.5,2,peer,1\ny,3,,usual,0\n"))
        .numeric("before").numeric("after", TableReader.Empty.AS_MISSING).text("group").binary("event").read();

    assertThat(t.rows()).isEqualTo(2);
    assertThat(t.numeric("before")).containsExactly(1.5, 3);
    assertThat(t.numeric("after")[0]).isEqualTo(2);
    assertThat(t.numeric("after")[1]).isNaN();
    assertThat(t.text("group")).containsExactly("peer", "usual");
    assertThat(t.binary("event")).containsExactly(true, false);
  }

  @Test
  void everyBadCellIsNamedByRowAndColumn() throws Exception {
    Path file = csv("before,after,event\n1,abc,1\n,2,2\nInf,3,0\n");

    assertThatThrownBy(() -> TableReader.of(file).numeric("before").numeric("after").binary("event").read())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly(
                "row 1, column after: not a number",
                "row 2, column before: empty cell; a number is required",
                "row 2, column event: not 0 or 1",
                "row 3, column before: not a number"));
  }

  @Test
  void missingColumnsAreNamed() throws Exception {
    Path file = csv("before\n1\n");

    assertThatThrownBy(() -> TableReader.of(file).numeric("before").numeric("after").read())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column after: missing from the header; expected columns: before, after");
  }

  @Test
  void aReaderIsImmutableSoItCanBeSharedAndExtended() throws Exception {
    Path file = csv("before,after\n1,2\n3,4\n");
    TableReader before = TableReader.of(file).numeric("before");
    TableReader both = before.numeric("after");

    assertThat(both.read().numeric("after")).containsExactly(2, 4);
    assertThatThrownBy(() -> before.read().numeric("after"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'after' was not requested");
  }

  @Test
  void theArraysReturnedAreCopies() throws Exception {
    Table t = TableReader.of(csv("x,g\n1,a\n")).numeric("x").text("g").read();

    t.numeric("x")[0] = 99;
    t.text("g")[0] = "changed";

    assertThat(t.numeric("x")).containsExactly(1);
    assertThat(t.text("g")).containsExactly("a");
  }

  @Test
  void aKeyedTableLinesColumnsUpBySubject() throws Exception {
    Table people = TableReader.of(csv("subject,group,sessions\nP3,peer,12\nP1,usual,\nP2,peer,4\n"))
        .text("group").numeric("sessions", TableReader.Empty.AS_MISSING).keyedBy("subject").read();
    SubjectId p1 = SubjectId.of("P1");
    SubjectId p2 = SubjectId.of("P2");
    SubjectId p3 = SubjectId.of("P3");
    SubjectId unknown = SubjectId.of("P9");

    assertThat(people.subjects()).containsExactly(p3, p1, p2);
    assertThat(people.rowOf(p2)).hasValue(2);
    assertThat(people.rowOf(unknown)).isEmpty();
    assertThat(people.subjectsWhere("group", "peer")).containsExactly(p3, p2);
    assertThat(people.subjectsWhere("group", "none")).isEmpty();
    double[] sessions = people.numeric("sessions", List.of(p2, unknown, p3, p1));
    assertThat(sessions[0]).isEqualTo(4);
    assertThat(sessions[1]).isNaN();                     // no row for the subject
    assertThat(sessions[2]).isEqualTo(12);
    assertThat(sessions[3]).isNaN();                     // an empty cell, allowed
    assertThat(people.text("group", List.of(unknown, p1))).containsExactly("", "usual");
  }

  @Test
  void aKeyedTableRejectsEmptyAndRepeatedSubjectsWithoutNamingThem() throws Exception {
    Path file = csv("subject,score\nsecret-1,1\n,2\nsecret-1,x\n");

    assertThatThrownBy(() -> TableReader.of(file).numeric("score").keyedBy("subject").read())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(Violation::toString).containsExactly(
              "row 2, column subject: empty cell; a subject is required",
              "row 3, column subject: the same subject as row 1",
              "row 3, column score: not a number");
          assertThat(e.getMessage()).doesNotContain("secret");
        });
  }

  @Test
  void theKeyColumnMustBeInTheHeader() throws Exception {
    Path file = csv("id,score\nA,1\n");

    assertThatThrownBy(() -> TableReader.of(file).numeric("score").keyedBy("subject").read())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column subject: missing from the header");
  }

  @Test
  void anUnkeyedTableDoesNotAnswerBySubject() throws Exception {
    Table t = TableReader.of(csv("x\n1\n")).numeric("x").read();

    assertThatThrownBy(t::subjects).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> t.numeric("x", List.of(SubjectId.of("A")))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void naReadsAsMissingAsRWritesIt() throws Exception {
    // R: write.csv(data.frame(t = c(5, NA, 7), g = c("a", NA, "b")), row.names = FALSE) writes NA
    // unquoted and "NA" quoted in a text column; read.csv reads both back as NA
    Path file = csv("t,g,n\n5,a,1\nNA,\"NA\",2\n7,b,NA\n");

    Table t = TableReader.of(file).numeric("t", TableReader.Empty.AS_MISSING).text("g", TableReader.Empty.AS_MISSING)
        .read();
    assertThat(t.numeric("t")[1]).isNaN();
    assertThat(t.text("g")).containsExactly("a", "", "b");

    assertThatThrownBy(() -> TableReader.of(file).numeric("n").read())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("row 3, column n: missing value; a number is required"));
  }

  @Test
  void theMarkersAreConfigurable() throws Exception {
    Path file = csv("t,g\n-99,NA\n.,x\n4,na\n");

    Table spss = TableReader.of(file).missing(MissingValues.of("-99", "."))
        .numeric("t", TableReader.Empty.AS_MISSING).text("g", TableReader.Empty.AS_MISSING).read();
    assertThat(spss.numeric("t")).containsExactly(Double.NaN, Double.NaN, 4);
    assertThat(spss.text("g")).containsExactly("NA", "x", "na"); // NA is a level when it is not a marker

    // by default only NA, and case matters, as in R: "na" is not NA
    assertThat(TableReader.of(file).text("g", TableReader.Empty.AS_MISSING).read().text("g"))
        .containsExactly("", "x", "na");
    assertThatThrownBy(() -> TableReader.of(file).numeric("t", TableReader.Empty.AS_MISSING).read())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("row 2, column t: not a number"));
    assertThatThrownBy(() -> TableReader.of(file).missing(MissingValues.NONE).text("g").numeric("t").read())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("row 2, column t: not a number"));
  }

  @Test
  void aMarkerNeverMatchesPartOfACell() throws Exception {
    Path file = csv("g\nNAN\nN\n NA \nNA\n");

    Table t = TableReader.of(file).text("g", TableReader.Empty.AS_MISSING).read();
    assertThat(t.text("g")).containsExactly("NAN", "N", "", ""); // cells are trimmed before the comparison
  }

  @Test
  void aMarkerIsNonEmptyTextWithoutSpacesAtTheEnds() {
    assertThat(MissingValues.of("NA", "", "-99").markers()).containsExactly("NA", "-99");
    assertThat(MissingValues.of("").isMissing("")).isTrue();
    assertThat(MissingValues.R_DEFAULT.isMissing("NA")).isTrue();
    assertThat(MissingValues.R_DEFAULT.isMissing("na")).isFalse();
    assertThatThrownBy(() -> MissingValues.of(" NA")).isInstanceOf(IllegalArgumentException.class);
  }
}
