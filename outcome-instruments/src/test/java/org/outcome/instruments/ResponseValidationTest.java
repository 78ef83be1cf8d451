package org.outcome.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.ResponseSet;

/** Bad answers: every problem is reported together, naming the item and the value. */
class ResponseValidationTest {
  private final Instrument gse = Shipped.get("gse");

  @Test
  void everyViolationIsReportedTogetherInOrder() {
    ResponseSet r = ResponseSet.builder(InstrumentId.of("gse"))
        .answer(1, 2).answer(2, 5).answer(3, 1.5).answer(11, 2).answer(1, 3).missing(4).answer(0, 1)
        .build();
    assertThatThrownBy(() -> gse.score(r))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
            Violation.atItem(2, "answer is outside the scale 1-4"),
            Violation.atItem(3, "answer is not a whole number"),
            Violation.atItem(11, "the instrument has no item 11 (items are numbered 1 to 10)"),
            Violation.atItem(1, "answered more than once"),
            Violation.atItem(0, "the instrument has no item 0 (items are numbered 1 to 10)")));
  }

  @Test
  void answersForAnotherInstrumentOrVersionAreRejected() {
    ResponseSet other = ResponseSet.builder(InstrumentId.of("mhcs")).version("2000").answer(1, 2).build();
    assertThatThrownBy(() -> gse.score(other))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location).containsExactly("instrument", "version"));

    ResponseSet wrongVersion = ResponseSet.builder(InstrumentId.of("gse")).version("1979").answer(1, 2).build();
    assertThatThrownBy(() -> gse.score(wrongVersion))
        .hasMessageContaining("version: answers are for version '1979' of gse, which scores version '1995'");
  }

  @Test
  void theRightVersionOrNoneIsAccepted() {
    ResponseSet.Builder b = ResponseSet.builder(InstrumentId.of("gse")).version("1995");
    for (int i = 1; i <= 10; i++) {
      b.answer(i, 4);
    }
    assertThat(gse.score(b.build()).primaryScore().value()).hasValue(40);
  }

  @Test
  void completeAnswersMustAnswerEveryItem() {
    // a short list is refused, naming both counts, not read as items 4 to 10 unanswered
    assertThatThrownBy(() -> gse.score(ResponseSet.complete(InstrumentId.of("gse"), 3, 3, 3)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> assertThat(v.message()).contains("ResponseSet.complete gave 3 answers, but gse has 10 items")
                .contains("missing(item)")));
    assertThatThrownBy(() -> gse.score(ResponseSet.complete(InstrumentId.of("gse"), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)))
        .hasMessageContaining("gave 11 answers, but gse has 10 items");
    assertThat(gse.score(ResponseSet.complete(InstrumentId.of("gse"), 3, 3, 3, 3, 3, 3, 3, 3, 3, 3))
        .primaryScore().value()).hasValue(30);
    // the same three answers from a builder are a partly answered form: 3 of 10 cannot be prorated
    ResponseSet partial = ResponseSet.builder(InstrumentId.of("gse")).answer(1, 3).answer(2, 3).answer(3, 3).build();
    assertThat(gse.score(partial).primaryScore().value()).isEmpty();
  }

  @Test
  void aMissingMarkTwiceIsStillADuplicate() {
    ResponseSet r = ResponseSet.builder(InstrumentId.of("gse")).missing(2).missing(2).build();
    assertThatThrownBy(() -> gse.score(r)).hasMessageContaining("item 2: answered more than once");
  }

  @Test
  void leavingAnItemOutIsTheSameAsMarkingItMissing() {
    ResponseSet.Builder left = ResponseSet.builder(InstrumentId.of("gse"));
    ResponseSet.Builder marked = ResponseSet.builder(InstrumentId.of("gse"));
    for (int i = 1; i <= 9; i++) {
      left.answer(i, 3);
      marked.answer(i, 3);
    }
    marked.missing(10);
    assertThat(gse.score(left.build())).isEqualTo(gse.score(marked.build()));
  }
}
