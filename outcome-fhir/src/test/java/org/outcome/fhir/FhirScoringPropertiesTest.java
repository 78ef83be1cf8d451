package org.outcome.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * On random responses to every shipped instrument (answers in and out of the scale, items left
 * out, coded or plain integers): the bulk path scores exactly as the instrument's engine, the HAPI
 * path gives the same Observations as the bulk path, and a response is rejected exactly when an
 * answer lies outside its item's scale.
 */
class FhirScoringPropertiesTest {
  private static final int EXAMPLES = 200;
  private static final List<Instrument> INSTRUMENTS = FhirScorerTest.REGISTRY.all();

  /** An instrument, and per item: null (unanswered), or a value up to two points outside the scale. */
  record Case(Instrument instrument, Integer[] answers, boolean coded) {}

  static Gen<Case> cases() {
    return Generate.range(0, INSTRUMENTS.size() - 1).zip(Generate.longRange(0, Long.MAX_VALUE), Generate.booleans(),
        (i, seed, coded) -> {
          Instrument instrument = INSTRUMENTS.get(i);
          java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
          List<Item> items = instrument.definition().items();
          Integer[] answers = new Integer[items.size()];
          double missing = random.nextDouble() * 0.6;
          boolean outside = random.nextInt(5) == 0;
          for (int k = 0; k < answers.length; k++) {
            Item item = items.get(k);
            if (random.nextDouble() < missing) {
              continue;
            }
            int lo = item.scale().min() - (outside ? 2 : 0);
            int hi = item.scale().max() + (outside ? 2 : 0);
            answers[k] = lo + random.nextInt(hi - lo + 1);
          }
          return new Case(instrument, answers, coded);
        });
  }

  @Test
  void theBulkPathScoresAsTheEngineAndTheHapiPathAgrees() {
    qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
      InstrumentDefinition d = c.instrument().definition();
      ObjectNode json = Responses.response(d, "p", c.answers(), c.coded());
      StringWriter out = new StringWriter();
      List<Rejection> rejections = new ArrayList<>();
      FhirBatchSummary summary = FhirScorerTest.SCORER.scoreAll(FhirScorerTest.utf8(json.toString()), out, rejections::add);
      boolean outside = false;
      ResponseSet.Builder answers = ResponseSet.builder(d.id());
      for (int k = 0; k < c.answers().length; k++) {
        Item item = d.items().get(k);
        if (c.answers()[k] == null) {
          answers.missing(item.number());
        } else {
          outside |= !item.scale().contains(c.answers()[k]);
          answers.answer(item.number(), c.answers()[k]);
        }
      }
      QuestionnaireResponse model = FhirScorerTest.model(json);
      ScoredResponse viaHapi = FhirScorerTest.SCORER.score(model);
      if (outside) {
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(viaHapi.violations()).isEqualTo(rejections.get(0).violations());
        return;
      }
      Score expected = c.instrument().score(answers.build());
      assertThat(summary.scored()).isEqualTo(expected.primaryScore().isScored() ? 1 : 0);
      String[] lines = out.toString().split("\n");
      assertThat(lines).hasSize(expected.subscales().size());
      assertThat(viaHapi.observations()).hasSize(lines.length);
      for (int k = 0; k < lines.length; k++) {
        Observation bulk = FhirScorerTest.PARSER.parseResource(Observation.class, lines[k]);
        var score = expected.subscales().get(k);
        if (score.isScored()) {
          assertThat(bulk.getValueQuantity().getValue().doubleValue()).isEqualTo(score.value().getAsDouble());
        } else {
          assertThat(bulk.hasValue()).isFalse();
          assertThat(bulk.getDataAbsentReason().getText()).isEqualTo(score.notScoredReason().orElseThrow());
        }
        assertThat(viaHapi.observations().get(k).equalsDeep(bulk)).isTrue();
      }
    });
  }
}
