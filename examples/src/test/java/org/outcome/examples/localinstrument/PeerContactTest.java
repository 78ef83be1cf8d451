package org.outcome.examples.localinstrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.testkit.instruments.InstrumentContract;

/** How a trust tests its own instrument: one line for the contract, plus worked examples. */
class PeerContactTest {
  private static final InstrumentId ID = InstrumentId.of("peer-contact");
  private final Instrument instrument = InstrumentRegistry.load().require(ID);

  @Test
  void meetsTheScoringContract() {
    InstrumentContract.of(instrument).verify();
  }

  @Test
  void scoresAWorkedExample() {
    // answers 4, 5, 2, 4, 1, 5; items 3 and 5 reversed: 4, 5, 4, 4, 5, 5 -> mean 27 / 6 = 4.5
    // connection: items 1, 3, 5 after reversal 4 + 4 + 5 = 13 -> (13 - 3) * 100 / 12 = 83.33...
    Score score = instrument.score(ResponseSet.complete(ID, 4, 5, 2, 4, 1, 5));

    assertThat(score.primaryScore().value()).hasValue(4.5);
    assertThat(score.subscale(SubscaleId.of("connection")).orElseThrow().value().getAsDouble())
        .isCloseTo(83.333333333333, within(1e-9));
  }

  @Test
  void proratesTheTotalWithOneItemMissingButNotTheConnectionScore() {
    Score score = instrument.score(ResponseSet.builder(ID).answer(1, 4).answer(2, 5).answer(3, 2)
        .answer(4, 4).missing(5).answer(6, 5).build());

    assertThat(score.primaryScore().value()).hasValue(4.4);
    assertThat(score.primaryScore().prorated()).isTrue();
    assertThat(score.subscale(SubscaleId.of("connection")).orElseThrow().isScored()).isFalse();
  }

  @Test
  void rejectsAnAnswerOutsideTheScaleNamingTheItem() {
    assertThatThrownBy(() -> instrument.score(ResponseSet.complete(ID, 4, 5, 6, 4, 1, 5)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("item 3");
  }
}
