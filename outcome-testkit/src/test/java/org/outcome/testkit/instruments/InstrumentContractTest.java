package org.outcome.testkit.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Aggregation;
import org.outcome.api.instrument.Construct;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.MissingItemRule;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.ResponseScale;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.Transform;
import org.outcome.testkit.instruments.PlantedFaultScorer.Fault;

/**
 * The contract passes a correct scorer and catches each planted fault, naming the check that
 * failed and showing a small counterexample.
 */
class InstrumentContractTest {
  /**
   * Six items on a 1-4 scale (2 and 5 reverse keyed): a prorated mean of all six (at least 4
   * answered), a transformed sum of items 1-3 (at least 2), and a lookup on the complete sum of
   * items 4-6; at most 3 items missing overall.
   */
  static InstrumentDefinition tiny() {
    List<Item> items = IntStream.rangeClosed(1, 6).mapToObj(n -> new Item(n, "item " + n,
        n == 2 || n == 5 ? Keying.REVERSE : Keying.POSITIVE, ResponseScale.of(1, 4))).toList();
    Map<Integer, Double> table = new TreeMap<>();
    for (int raw = 3; raw <= 12; raw++) {
      table.put(raw, 10.0 + raw * raw / 4.0);
    }
    return new InstrumentDefinition(InstrumentId.of("tiny"), "1", "Tiny", Construct.OTHER, "test", "test only",
        items,
        List.of(
            subscale("total", List.of(1, 2, 3, 4, 5, 6), Aggregation.MEAN, 4),
            subscale("sum", List.of(1, 2, 3), Aggregation.SUM, 2, new Transform.Linear(-3, 2)),
            subscale("rasch", List.of(4, 5, 6), Aggregation.SUM, 3, Transform.Lookup.of(table))),
        SubscaleId.of("total"), OptionalInt.of(3), List.of());
  }

  private static Subscale subscale(String id, List<Integer> items, Aggregation aggregation, int min, Transform... t) {
    return new Subscale(SubscaleId.of(id), id, items, aggregation, List.of(t), new MissingItemRule(min),
        Polarity.HIGHER_IS_BETTER, Optional.empty());
  }

  private static String failure(Fault fault) {
    Throwable thrown = catchThrowable(() ->
        InstrumentContract.of(new PlantedFaultScorer(tiny(), fault)).withExamples(150).verify());
    assertThat(thrown).as("the contract should catch " + fault).isInstanceOf(AssertionError.class);
    return thrown.getMessage();
  }

  @Test
  void aCorrectScorerMeetsTheContract() {
    assertThatCode(() -> InstrumentContract.of(new PlantedFaultScorer(tiny(), Fault.NONE)).verify())
        .doesNotThrowAnyException();
  }

  @Test
  void catchesADroppedReverseKey() {
    assertThat(failure(Fault.REVERSE_KEY_DROPPED))
        .contains("keying direction: raising item 5 (reverse keyed)")
        .contains("it must fall");
  }

  @Test
  void catchesAnOffByOneLookup() {
    assertThat(failure(Fault.LOOKUP_OFF_BY_ONE))
        .contains("lookup tables: subscale rasch with raw score 3 scored 14.0, but the lookup table gives 12.25");
  }

  @Test
  void catchesAProrationThatDividesByTheWrongCount() {
    assertThat(failure(Fault.PRORATION_WRONG_COUNT))
        .contains("proration: subscale total prorated to")
        .contains("each missing answer equals the mean of the answered ones");
  }

  @Test
  void catchesAMissingRuleThresholdOffByOne() {
    assertThat(failure(Fault.THRESHOLD_OFF_BY_ONE))
        .contains("missing-item rule: subscale total with 3 of 6 items answered (rule: at least 4) was scored");
  }

  @Test
  void catchesAnOutOfRangeValueAccepted() {
    assertThat(failure(Fault.OUT_OF_RANGE_ACCEPTED))
        .contains("invalid inputs: OUT_OF_SCALE at item")
        .contains("was accepted and scored");
  }

  @Test
  void counterexamplesAreShrunkToLowAnswers() {
    // The smallest counterexample for a dropped reverse key raises item 5 from the bottom of its
    // scale with every other answer at its lowest value.
    assertThat(failure(Fault.REVERSE_KEY_DROPPED))
        .contains("raising item 5 (reverse keyed) from 1 to 2")
        .contains("responses: ResponseSet[tiny v1: 1=1, 2=1, 3=1, 4=1, 5=1, 6=1]");
  }
}
