package org.outcome.instruments;

import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.MissingItemRule;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.Transform;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.testkit.instruments.InstrumentContract;

/**
 * Every shipped instrument, and every variant of its missing-item rules that the library
 * documents, meets the testkit's scoring contract: the library tests its instruments the way a
 * user tests their own.
 */
class ShippedInstrumentsContractTest {
  @TestFactory
  Stream<DynamicTest> everyShippedInstrumentMeetsTheContract() {
    return Shipped.ALL.stream().map(instrument -> DynamicTest.dynamicTest(instrument.id().value(),
        () -> InstrumentContract.of(instrument).verify()));
  }

  @TestFactory
  Stream<DynamicTest> everyRegisteredInstrumentMeetsTheContract() {
    return InstrumentRegistry.load().all().stream().map(instrument -> DynamicTest.dynamicTest(
        "registered " + instrument.id().value(), () -> InstrumentContract.of(instrument).withExamples(50).verify()));
  }

  @TestFactory
  Stream<DynamicTest> relaxedMissingRulesStillMeetTheContract() {
    // Every subscale allowed to be scored from a single answered item (where its scoring allows
    // proration), and no instrument-wide limit: the contract must hold for any rule a user sets.
    return Shipped.ALL.stream().map(instrument -> DynamicTest.dynamicTest(instrument.id().value() + " (relaxed)", () -> {
      InstrumentDefinition relaxed = instrument.definition().withMaxMissingItems(OptionalInt.empty());
      for (Subscale sub : relaxed.subscales()) {
        if (sub.transforms().stream().noneMatch(Transform.Lookup.class::isInstance)) {
          relaxed = relaxed.withMissingRule(sub.id(), new MissingItemRule(1));
        }
      }
      Instrument scored = Instruments.of(relaxed);
      InstrumentContract.of(scored).withExamples(100).verify();
    }));
  }
}
