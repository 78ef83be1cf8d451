package org.outcome.instruments.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.RejectedRow;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.instruments.BuiltInInstruments;
import org.outcome.io.CsvRecords;

/** Scores by person and time point: accounting, every rejection, the arrays, and no subject in any message. */
class ScoresByPersonTest {
  private static final Instrument GSE = instrument("gse");
  private static final String HEADER = "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n";
  private static final SubjectId A = SubjectId.of("NHS-A");
  private static final SubjectId B = SubjectId.of("NHS-B");
  private static final SubjectId C = SubjectId.of("NHS-C");

  private static Instrument instrument(String id) {
    return new BuiltInInstruments().instruments().stream().filter(i -> i.id().value().equals(id)).findFirst()
        .orElseThrow();
  }

  private static TimepointScores read(ScoresByPerson scores, String csv) {
    try (CsvRecords records = CsvRecords.of(new StringReader(csv), "answers.csv")) {
      return scores.read(records);
    }
  }

  @Test
  void everyRowIsScoredNotScoredOrRejectedWithEveryReason() {
    String csv = HEADER
        + "NHS-A,baseline,1,2,3,4,1,2,3,4,1,2\n"      // 1: A at baseline, 23
        + "NHS-A,follow-up,2,2,3,4,1,2,3,4,1,2\n"     // 2: A at follow-up, 24
        + "NHS-B,baseline,1,2,3,4,1,2,,,,\n"          // 3: B at baseline, not scored (4 items missing)
        + "NHS-B,baseline,4,4,4,4,4,4,4,4,4,4\n"      // 4: B at baseline again
        + "NHS-C,week 12,1,1,1,1,1,1,1,1,1,1\n"       // 5: a time point not asked for
        + "NHS-X,baseline,1,1,1,1,1,1,1,1,1,1\n"      // 6: not in the people file
        + "NHS-X,week 12,1,1,1,1,1,1,1,1,1,1\n"       // 7: both
        + "NHS-Y,baseline,5,1,1,1,1,1,1,1,1,1\n"      // 8: the batch scorer's own rejection
        + "NHS-B,follow-up,3,3,3,3,3,3,3,3,3,3\n";    // 9: B at follow-up, 30

    TimepointScores s = read(ScoresByPerson.of(GSE).withTimepoints("baseline", "follow-up")
        .withSubjects(List.of(A, B, C), "the people file"), csv);

    assertThat(s.read()).isEqualTo(9);
    assertThat(s.scored()).isEqualTo(3);
    assertThat(s.notScored()).isEqualTo(1);
    assertThat(s.rejected()).extracting(RejectedRow::row).containsExactly(4L, 5L, 6L, 7L, 8L);
    assertThat(s.rejected()).flatExtracting(RejectedRow::reasons).extracting(Violation::toString).containsExactly(
        "row 4: the same person and timepoint as row 3",
        "row 5, column timepoint: not one of the time points 'baseline', 'follow-up'",
        "row 6, column subject: not listed in the people file",
        "row 7, column subject: not listed in the people file",
        "row 7, column timepoint: not one of the time points 'baseline', 'follow-up'",
        "row 8, column q1: outside the scale 1-4");
    assertThat(s.rejected()).flatExtracting(RejectedRow::reasons).allSatisfy(v -> assertThat(v.toString())
        .doesNotContain("NHS"));
    assertThat(s.toString()).isEqualTo("9 rows read: 3 scored, 1 not scored, 5 rejected");
  }

  @Test
  void scoresAreFoundByPersonAndTimePointAndLinedUpWithAListOfPeople() {
    String csv = HEADER
        + "NHS-A,baseline,1,2,3,4,1,2,3,4,1,2\n"
        + "NHS-B,follow-up,3,3,3,3,3,3,3,3,3,3\n"
        + "NHS-A,follow-up,2,2,3,4,1,2,3,4,1,2\n"
        + "NHS-B,baseline,1,2,3,4,1,2,,,,\n";

    TimepointScores s = read(ScoresByPerson.of(GSE).withTimepoints("baseline", "follow-up"), csv);

    assertThat(s.baseline(A)).hasValue(23);
    assertThat(s.at(A, "follow-up")).hasValue(24);
    assertThat(s.baseline(B)).isEmpty();                       // too many items missing
    assertThat(s.at(B, "follow-up")).hasValue(30);
    assertThat(s.baseline(C)).isEmpty();                       // no row
    assertThat(s.at(A, "week 12")).isEmpty();
    assertThat(s.baseline(List.of(C, B, A))).containsExactly(Double.NaN, Double.NaN, 23);
    assertThat(s.at(List.of(C, B, A), "follow-up")).containsExactly(Double.NaN, 30, 24);
    assertThat(s.subjects()).containsExactly(A, B);
    assertThat(s.timepoints()).containsExactly("baseline", "follow-up");
    assertThat(s.baselineLabel()).isEqualTo("baseline");
    assertThat(s.subscale()).isEqualTo(SubscaleId.of("total"));
  }

  @Test
  void withoutOptionsEveryTimePointAndPersonIsKeptAndBaselineIsCalledBaseline() {
    String csv = HEADER
        + "NHS-C,week 12,1,1,1,1,1,1,1,1,1,1\n"
        + "NHS-A,baseline,1,2,3,4,1,2,3,4,1,2\n"
        + "NHS-A,week 12,2,2,2,2,2,2,2,2,2,2\n"
        + "NHS-A,week 12,2,2,2,2,2,2,2,2,2,3\n";

    TimepointScores s = read(ScoresByPerson.of(GSE), csv);

    assertThat(s.timepoints()).containsExactly("week 12", "baseline");
    assertThat(s.baseline(A)).hasValue(23);
    assertThat(s.at(List.of(A, C), "week 12")).containsExactly(20, 10);
    assertThat(s.rejected()).flatExtracting(RejectedRow::reasons).extracting(Violation::toString)
        .containsExactly("row 4: the same person and timepoint as row 3");
  }

  @Test
  void theFirstTimePointGivenIsTheBaseline() {
    String csv = HEADER + "NHS-A,intake,1,1,1,1,1,1,1,1,1,1\nNHS-A,exit,2,2,2,2,2,2,2,2,2,2\n";

    TimepointScores s = read(ScoresByPerson.of(GSE).withTimepoints("intake", "exit"), csv);

    assertThat(s.baselineLabel()).isEqualTo("intake");
    assertThat(s.baseline(A)).hasValue(10);
    assertThat(s.at(A, "exit")).hasValue(20);
  }

  @Test
  void anotherSubscaleOfTheInstrumentCanBeChosen() {
    Instrument swemwbs = instrument("swemwbs");
    String csv = "subject,timepoint,q1,q2,q3,q4,q5,q6,q7\nNHS-A,baseline,3,3,3,3,3,3,3\n";

    TimepointScores raw = read(ScoresByPerson.of(swemwbs).withSubscale(SubscaleId.of("raw")), csv);
    TimepointScores metric = read(ScoresByPerson.of(swemwbs), csv);

    assertThat(raw.baseline(A)).hasValue(21);
    assertThat(metric.subscale()).isEqualTo(SubscaleId.of("metric"));
    // SWEMWBS Rasch conversion (Stewart-Brown et al. 2009): a raw 21 is a metric 19.25
    assertThat(metric.baseline(A)).hasValue(19.25);
    assertThatThrownBy(() -> ScoresByPerson.of(swemwbs).withSubscale(SubscaleId.of("total")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("subscale: 'total' is not a subscale of swemwbs; its subscales are [metric, raw]"));
  }

  @Test
  void badOptionsAreRefused() {
    ScoresByPerson s = ScoresByPerson.of(GSE);
    assertThatThrownBy(() -> s.withTimepoints("baseline", "baseline")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.withTimepoints(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.withSubjects(List.of(A), "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadHeaderFailsTheWholeFile() {
    assertThatThrownBy(() -> read(ScoresByPerson.of(GSE), "subject,q1\nNHS-A,1\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot score gse");
  }

  @Test
  void theFirstAcceptedRowOfEachPersonAndTimePointIsTheOneKept() {
    // rows: person 0-3, time point 0-2, and the same answer to every item (1-4, or 0 for all missing)
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 3 * 3 * 5 - 1)).ofSizeBetween(0, 40))
        .checkAssert(codes -> {
          StringBuilder csv = new StringBuilder(HEADER);
          Map<String, Double> expected = new HashMap<>();
          Map<String, Long> firstRow = new HashMap<>();
          List<Long> duplicates = new ArrayList<>();
          long scored = 0;
          long notScored = 0;
          for (int row = 1; row <= codes.size(); row++) {
            int code = codes.get(row - 1);
            String person = "NHS-" + code % 3;
            String time = "t" + (code / 3) % 3;
            int answer = code / 9;
            String cell = answer == 0 ? "" : Integer.toString(answer);
            csv.append(person).append(',').append(time).append((',' + cell).repeat(10)).append('\n');
            String key = person + "/" + time;
            if (firstRow.putIfAbsent(key, (long) row) != null) {
              duplicates.add((long) row);
            } else if (answer == 0) {
              notScored++;
            } else {
              expected.put(key, 10.0 * answer);
              scored++;
            }
          }

          TimepointScores s = read(ScoresByPerson.of(GSE), csv.toString());

          assertThat(s.read()).isEqualTo(codes.size());
          assertThat(s.scored()).isEqualTo(scored);
          assertThat(s.notScored()).isEqualTo(notScored);
          assertThat(s.rejected()).extracting(RejectedRow::row).isEqualTo(duplicates);
          for (int p = 0; p < 3; p++) {
            for (int t = 0; t < 3; t++) {
              Double value = expected.get("NHS-" + p + "/t" + t);
              if (value == null) {
                assertThat(s.at(SubjectId.of("NHS-" + p), "t" + t)).isEmpty();
              } else {
                assertThat(s.at(SubjectId.of("NHS-" + p), "t" + t)).hasValue(value);
              }
            }
          }
        });
  }

  @Test
  void aSinkCanBeMadeFromTwoLambdas() {
    List<Long> scored = new ArrayList<>();
    List<Long> rejected = new ArrayList<>();
    String csv = HEADER + "NHS-A,baseline,1,1,1,1,1,1,1,1,1,1\nNHS-A,baseline,9,1,1,1,1,1,1,1,1,1\n";

    try (CsvRecords records = CsvRecords.of(new StringReader(csv), "answers.csv")) {
      BatchScorer.of(GSE).score(records, BatchSink.of(row -> scored.add(row.row()), row -> rejected.add(row.row())));
    }

    assertThat(scored).containsExactly(1L);
    assertThat(rejected).containsExactly(2L);
  }
}
