package org.outcome.instruments.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.RejectedRow;
import org.outcome.api.Violation;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.instruments.BuiltInInstruments;
import org.outcome.io.CsvRecords;
import org.outcome.io.MissingValues;

/** Batch scoring: accounting, every rejection reason, header checks, and no subject in any message. */
class BatchScorerTest {
  private static final BatchScorer GSE = BatchScorer.of(new BuiltInInstruments().instruments().stream()
      .filter(i -> i.id().value().equals("gse")).findFirst().orElseThrow());
  private static final String HEADER = "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n";

  /** Collects what the batch hands over, in order. */
  static final class Collector implements BatchSink {
    final List<ScoredRow> scored = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    final List<Long> order = new ArrayList<>();

    @Override
    public void scored(ScoredRow row) {
      scored.add(row);
      order.add(row.row());
    }

    @Override
    public void rejected(RejectedRow row) {
      rejected.add(row);
      order.add(row.row());
    }
  }

  private static Collector run(String csv, BatchSummary[] summary) {
    Collector c = new Collector();
    try (CsvRecords records = CsvRecords.of(new StringReader(csv), "test.csv")) {
      summary[0] = GSE.score(records, c);
    }
    return c;
  }

  @Test
  void everyRowIsScoredOrRejectedInFileOrder() {
    String csv = HEADER
        + "NHS-001,baseline,1,2,3,4,1,2,3,4,1,2\n"                       // 1: 23
        + "NHS-002,baseline,1,2,3,4,1,2,3,4,,\n"                         // 2: prorated 25
        + "NHS-003,baseline,5,2,3,4,1,2,3,4,1,x\n"                       // 3: rejected twice over
        + "NHS-004,baseline,1,2,3,4,1,2,,,,\n"                           // 4: valid, not scored (4 missing)
        + ",,2.5,2,3,4,1,2,3,4,1,2\n"                                    // 5: rejected three times over
        + "NHS-006,week 12,4,4,4,4,4,4,4,4,4,4,extra\n";                 // 6: too many cells
    BatchSummary[] summary = new BatchSummary[1];
    Collector c = run(csv, summary);

    assertThat(summary[0]).isEqualTo(new BatchSummary(6, 3, 3));
    assertThat(c.order).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(c.scored).extracting(ScoredRow::row).containsExactly(1L, 2L, 4L);
    assertThat(c.scored.get(0).subject().value()).isEqualTo("NHS-001");
    assertThat(c.scored.get(0).timepoint()).isEqualTo("baseline");
    assertThat(c.scored.get(0).score().primaryScore().value()).hasValue(23);
    assertThat(c.scored.get(1).score().primaryScore().value()).hasValue(25);
    assertThat(c.scored.get(1).score().prorated()).isTrue();
    assertThat(c.scored.get(1).score().missingItems()).containsExactly(9, 10);
    assertThat(c.scored.get(2).score().subscale(SubscaleId.of("total")).orElseThrow().notScoredReason())
        .hasValue("6 of 10 items answered; at least 7 required");

    assertThat(c.rejected.get(0)).isEqualTo(new RejectedRow(3, List.of(
        Violation.atCell(3, "q1", "outside the scale 1-4"),
        Violation.atCell(3, "q10", "not a number"))));
    assertThat(c.rejected.get(1)).isEqualTo(new RejectedRow(5, List.of(
        Violation.atCell(5, "subject", "is missing (empty, or a missing-value marker such as NA)"),
        Violation.atCell(5, "timepoint", "is missing (empty, or a missing-value marker such as NA)"),
        Violation.atCell(5, "q1", "not a whole number"))));
    assertThat(c.rejected.get(2).reasons()).containsExactly(
        Violation.atRow(6, "has 13 cells but the header has 12 columns"));
  }

  @Test
  void naIsAMissingAnswerAsRWritesItAndOtherMarkersCanBeNamed() {
    // R: write.csv writes NA for a missing answer; the row then scores as with an empty cell
    String csv = HEADER
        + "A,baseline,1,2,3,4,1,2,3,4,NA,\"NA\"\n"
        + "B,baseline,1,2,3,4,1,2,3,4,,\n"
        + "C,NA,1,2,3,4,1,2,3,4,-9,-9\n";
    BatchSummary[] summary = new BatchSummary[1];
    Collector c = run(csv, summary);
    assertThat(c.scored).extracting(ScoredRow::row).containsExactly(1L, 2L);
    assertThat(c.scored.get(0).score()).isEqualTo(c.scored.get(1).score());
    assertThat(c.scored.get(0).score().missingItems()).containsExactly(9, 10);
    assertThat(c.rejected.get(0).reasons()).contains(Violation.atCell(3, "timepoint",
        "is missing (empty, or a missing-value marker such as NA)"),
        Violation.atCell(3, "q9", "outside the scale 1-4"));

    Collector spss = new Collector();
    try (CsvRecords records = CsvRecords.of(new StringReader(csv), "test.csv")) {
      GSE.withMissing(MissingValues.of("-9")).score(records, spss);
    }
    // with only -9 as a marker, NA is not a number and C's timepoint is the text NA
    assertThat(spss.scored).extracting(ScoredRow::row).containsExactly(2L, 3L);
    assertThat(spss.rejected.get(0).reasons()).containsExactly(Violation.atCell(1, "q9", "not a number"),
        Violation.atCell(1, "q10", "not a number"));
  }

  @Test
  void aRowFromElsewhereIsScoredOrRejectedAsTheSameRowOfAFile() {
    String[] lines = {"NHS-001,baseline,1,2,3,4,1,2,3,4,1,2", "NHS-002,baseline,1,2,3,4,1,2,3,4,,",
        "NHS-003,baseline,5,2,3,4,1,2,3,4,1,x", ",,1,2,3,4,1,2,,,,", "NHS-005,t1,1.5,2,3,4,1,2,3,4,1,2"};
    Collector fromFile = run(HEADER + String.join("\n", lines) + "\n", new BatchSummary[1]);
    Collector fromCells = new Collector();
    for (int r = 0; r < lines.length; r++) {
      String[] cells = lines[r].split(",", -1);
      String[] items = java.util.Arrays.copyOfRange(cells, 2, 12);
      for (int i = 0; i < items.length; i++) {
        items[i] = items[i].isEmpty() && i % 2 == 0 ? null : items[i]; // null and empty: both missing
      }
      GSE.scoreRow(r + 1, cells[0].isEmpty() ? null : cells[0], cells[1], items, fromCells);
    }
    assertThat(fromCells.order).isEqualTo(fromFile.order);
    assertThat(fromCells.rejected).isEqualTo(fromFile.rejected);
    assertThat(fromCells.scored).extracting(ScoredRow::score).isEqualTo(
        fromFile.scored.stream().map(ScoredRow::score).toList());
    assertThatThrownBy(() -> GSE.scoreRow(1, "A", "t0", new String[9], fromCells))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("gse has 10 items, got 9 cells");
  }

  @Test
  void noReasonEverContainsTheSubject() {
    String csv = HEADER + "SECRET-ID-123,t0,9,9,9,9,9,9,9,9,9,NaN\n" + "SECRET-ID-456,t0,1,1,1,1,1,1,1,1,1,1,1\n";
    BatchSummary[] summary = new BatchSummary[1];
    Collector c = run(csv, summary);
    assertThat(summary[0].rejected()).isEqualTo(2);
    assertThat(c.rejected).allSatisfy(r -> assertThat(r.toString()).doesNotContain("SECRET"));
    assertThat(c.rejected.get(0).reasons()).hasSize(10);
  }

  @Test
  void scoredRowsPrintWithoutTheSubject() {
    BatchSummary[] summary = new BatchSummary[1];
    Collector c = run(HEADER + "SECRET-ID-123,t0,1,1,1,1,1,1,1,1,1,1\n", summary);
    assertThat(c.scored.get(0).toString()).doesNotContain("SECRET").contains("redacted");
  }

  @Test
  void theHeaderMustHaveEveryItemColumnAndNoUnknownOne() {
    String csv = "subject,q1,q2,q3,q4,q5,q6,q7,q8,q9,q11,site\nA,1,1,1,1,1,1,1,1,1,1,x\n";
    assertThatThrownBy(() -> run(csv, new BatchSummary[1]))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
            Violation.at("column timepoint", "missing from the header"),
            Violation.at("column q10", "missing from the header: gse has item 10"),
            Violation.at("column q11", "gse has no item 11")));
  }

  @Test
  void otherColumnsAreIgnoredAndColumnOrderIsFree() {
    String csv = "q10,q9,q8,q7,q6,q5,q4,q3,q2,q1,site,timepoint,subject\n1,1,1,1,1,1,1,1,1,4,north,t1,A\n";
    BatchSummary[] summary = new BatchSummary[1];
    Collector c = run(csv, summary);
    assertThat(summary[0]).isEqualTo(new BatchSummary(1, 1, 0));
    assertThat(c.scored.get(0).score().primaryScore().value()).hasValue(13);
  }

  @Test
  void anEmptyFileBodyReadsNothing() {
    BatchSummary[] summary = new BatchSummary[1];
    run(HEADER, summary);
    assertThat(summary[0]).isEqualTo(new BatchSummary(0, 0, 0));
  }

  @Test
  void malformedQuotingFailsTheWholeFile() {
    assertThatThrownBy(() -> run(HEADER + "A,t0,1,1,1,1,1,1,1,1,1,1\n\"B,t0,1\n", new BatchSummary[1]))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void summariesMustAddUp() {
    assertThatThrownBy(() -> new BatchSummary(3, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
