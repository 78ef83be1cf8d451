package org.outcome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * No message of the reader quotes a cell: a value in the wrong column (an NHS number, a name, a
 * date of birth) is named by row and column and what is wrong, never by its content.
 */
class NoEchoTest {
  static final String NHS = "9434769999";
  static final String NAME = "Jane Smith";

  @TempDir Path dir;

  private Path csv(String text) throws Exception {
    Path file = dir.resolve("in.csv");
    Files.writeString(file, text);
    return file;
  }

  private static String everything(InvalidInputException e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Violation v : e.violations()) {
      sb.append('\n').append(v).append('\n').append(v.location()).append('\n').append(v.message());
    }
    return sb.toString();
  }

  @Test
  void anIdentifierOrANameInANumericOrBinaryColumnIsNamedByRowAndColumnOnly() throws Exception {
    Path file = csv("subject,score,event\nA,1,1\nB," + NAME + ",1\nC,2," + NHS + "\nD,0x1p1,0\nE,+3,1\n");
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> TableReader.of(file).numeric("score").binary("event").read());

    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "row 2, column score: not a number",
        "row 3, column event: not 0 or 1",
        "row 4, column score: not a number",
        "row 5, column score: not a number");
    assertThat(everything(e)).doesNotContain(NHS, NAME, "Jane", "0x1p1", "+3");
  }

  @Test
  void javaOnlyNumbersAreRejected() throws Exception {
    for (String cell : new String[] {"0x1p1", "2f", "3d", "+3", "\" 4\"", "NaN", "Infinity", "-Infinity"}) {
      Path file = csv("t\n" + cell + "\n");
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
          () -> TableReader.of(file).numeric("t").read());
      assertThat(e).as(cell).isNotNull();
      assertThat(e.violations()).as(cell).extracting(Violation::toString)
          .containsExactly("row 1, column t: not a number");
    }
  }

  @Test
  void aFileWithoutAHeaderRowIsNeverPrintedAsTheHeader() throws Exception {
    Path file = csv(NHS + ",1985-03-02," + NAME + "\n4010232137,1990-01-01,John Doe\n");
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> TableReader.of(file).text("group").numeric("score").keyedBy("subject").read());

    assertThat(e.violations()).extracting(Violation::toString).containsExactly(
        "column group: missing from the header; expected columns: group, score, subject",
        "column score: missing from the header; expected columns: group, score, subject",
        "column subject: missing from the header; expected columns: group, score, subject");
    assertThat(everything(e)).doesNotContain(NHS, "1985", NAME);
  }

  @Test
  void aRepeatedHeaderNameIsNamedByPosition() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> CsvRecords.of(new StringReader(NHS + ",1," + NHS + "\n"), "file x.csv"));

    assertThat(e.violations()).extracting(Violation::toString)
        .containsExactly("header: column 3 has the same name as column 1");
    assertThat(everything(e)).doesNotContain(NHS);
  }

  @Test
  void malformedQuotingDoesNotCarryTheParsersQuoteOfTheText() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> {
      try (CsvRecords csv = CsvRecords.of(new StringReader("a,b\n1,\"" + NAME + "\"" + NHS + "\n"), "file x.csv")) {
        csv.forEach(r -> { });
      }
    });

    assertThat(e).isNotNull();
    assertThat(everything(e)).contains("row 1: malformed CSV").doesNotContain(NHS, NAME);
  }

  /** Any text planted in any cell of a numeric or binary column is never in a message. */
  @Test
  void randomTextPlantedInRandomCellsNeverAppearsInAMessage() {
    qt().withExamples(300)
        .forAll(strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(6, 20),
            integers().between(1, 8), integers().between(0, 2))
        .assuming((text, row, column) -> !Numbers.isPlainDecimal(text) && text.indexOf('"') < 0
            && text.indexOf(',') < 0 && !text.equals("0") && !text.equals("1"))
        .check((text, row, column) -> {
          StringBuilder sb = new StringBuilder("subject,score,event,group\n");
          for (int r = 1; r <= 8; r++) {
            String[] cells = {"s" + r, "2.5", "1", "peer"};
            if (r == row) {
              cells[column + 1] = text;
            }
            sb.append(String.join(",", cells)).append('\n');
          }
          try {
            Path file = csv(sb.toString());
            TableReader.of(file).numeric("score").binary("event").text("group").keyedBy("subject").read();
            return column == 2; // text in the text column is a value, not a violation
          } catch (InvalidInputException e) {
            String all = everything(e);
            return column != 2 && !all.contains(text) && all.contains("row " + row + ", column ");
          } catch (Exception other) {
            throw new AssertionError(other);
          }
        });
  }
}
