package org.outcome.instruments.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outcome.api.RejectedRow;
import org.outcome.api.Violation;
import org.outcome.instruments.BuiltInInstruments;
import org.outcome.io.CsvRecords;
import org.outcome.io.Numbers;

/**
 * A value in the wrong column of an answers file (an NHS number in q3, a name in q1, a
 * Java-only number) is rejected by row and column and what is wrong, never quoted.
 */
class BatchNoEchoTest {
  private static final BatchScorer GSE = BatchScorer.of(new BuiltInInstruments().instruments().stream()
      .filter(i -> i.id().value().equals("gse")).findFirst().orElseThrow());
  private static final String HEADER = "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n";

  private static List<RejectedRow> rejected(String csv) {
    BatchScorerTest.Collector c = new BatchScorerTest.Collector();
    try (CsvRecords records = CsvRecords.of(new StringReader(csv), "test.csv")) {
      GSE.score(records, c);
    }
    return c.rejected;
  }

  private static String text(List<RejectedRow> rows) {
    return rows.stream().map(r -> r.toString() + r.reasons().stream().map(v -> v.location() + " " + v.message())
        .collect(Collectors.joining(" "))).collect(Collectors.joining("\n"));
  }

  @Test
  void plantedValuesAreNamedByRowAndColumnOnly() {
    List<RejectedRow> rows = rejected(HEADER
        + "A1,baseline,Jane Smith,2,3,4,1,2,3,4,1,2\n"
        + "A2,baseline,1,2,9434769999,4,1,2,3,4,1,2\n"
        + "A3,baseline,1,2,3,0x1p1,1,2,3,4,1,+3\n"
        + "A4,baseline,1,2,3,4,1,2,3,4,1,3.5\n"
        + "A5,baseline,NaN,Infinity,3d,2f,1,2,3,4,1,2\n");

    assertThat(rows).flatExtracting(RejectedRow::reasons).extracting(Violation::toString).containsExactly(
        "row 1, column q1: not a number",
        "row 2, column q3: outside the scale 1-4",
        "row 3, column q4: not a number",
        "row 3, column q10: not a number",
        "row 4, column q10: not a whole number",
        "row 5, column q1: not a number",
        "row 5, column q2: not a number",
        "row 5, column q3: not a number",
        "row 5, column q4: not a number");
    assertThat(text(rows)).doesNotContain("Jane", "9434769999", "0x1p1", "+3", "3.5", "NaN", "Infinity", "3d", "2f");
  }

  /** Random text planted in a random item cell of a random row never appears in a rejection. */
  @Test
  void randomTextPlantedInRandomCellsNeverAppearsInARejection() {
    qt().withExamples(300)
        .forAll(strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(5, 20), integers().between(1, 5),
            integers().between(1, 10))
        .assuming((text, row, item) -> text.indexOf('"') < 0 && text.indexOf(',') < 0 && !Numbers.isPlainDecimal(text))
        .check((text, row, item) -> {
          StringBuilder sb = new StringBuilder(HEADER);
          for (int r = 1; r <= 5; r++) {
            String[] cells = {"S" + r, "baseline", "1", "2", "3", "4", "1", "2", "3", "4", "1", "2"};
            if (r == row) {
              cells[item + 1] = text;
            }
            sb.append(String.join(",", cells)).append('\n');
          }
          List<RejectedRow> rows = rejected(sb.toString());
          String all = text(rows);
          return rows.size() == 1 && rows.get(0).row() == row && all.contains("column q" + item + ": ")
              && !all.contains(text);
        });
  }
}
