package org.outcome.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.outcome.api.InstrumentId;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.instruments.BuiltInInstruments;

class FhirScorerTest {
  static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of(new BuiltInInstruments()));
  static final FhirScorer SCORER = FhirScorer.of(REGISTRY.all(), FhirOptions.defaults());
  static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();
  /** Shaped like an NHS number: it must never appear in a message. */
  static final String SECRET = "9434765919";

  static Instrument instrument(String id) {
    return REGISTRY.require(InstrumentId.of(id));
  }

  static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static QuestionnaireResponse model(ObjectNode json) {
    return PARSER.parseResource(QuestionnaireResponse.class, json.toString());
  }

  @Test
  void aCompletedResponseBecomesOneObservationPerScoreWithTheEnginesValues() {
    Instrument swemwbs = instrument("swemwbs");
    InstrumentDefinition d = swemwbs.definition();
    Integer[] answers = {3, 4, 2, 5, 1, 3, 4};
    ScoredResponse result = SCORER.score(model(Responses.response(d, "qr-1", answers, true)));
    assertThat(result.status()).isEqualTo(ResponseStatus.SCORED);
    Score expected = swemwbs.score(ResponseSet.complete(d.id(), 3, 4, 2, 5, 1, 3, 4));
    assertThat(result.observations()).hasSize(expected.subscales().size());
    for (int i = 0; i < expected.subscales().size(); i++) {
      SubscaleScore s = expected.subscales().get(i);
      Observation o = result.observations().get(i);
      assertThat(o.getValueQuantity().getValue().doubleValue()).isEqualTo(s.value().getAsDouble());
      assertThat(o.getValueQuantity().getCode()).isEqualTo("{score}");
      assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
      assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
      assertThat(o.getCode().getCoding()).anyMatch(c -> c.getSystem().equals("urn:outcome:CodeSystem:swemwbs-scores")
          && c.getCode().equals(s.subscale().value()));
      assertThat(o.getSubject().getReference()).isEqualTo("Patient/p-qr-1");
      assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-30T10:15:00Z");
      assertThat(o.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/qr-1");
      assertThat(o.hasDataAbsentReason()).isFalse();
      assertThat(R4Validator.errors(o)).isEmpty();
    }
    // the metric score carries SNOMED CT's SWEMWBS concept first
    assertThat(result.observations().get(0).getCode().getCodingFirstRep().getCode()).isEqualTo("718466001");
  }

  @Test
  void valueIntegerAnswersScoreLikeCodedOnes() {
    InstrumentDefinition d = instrument("gse").definition();
    Integer[] answers = {1, 2, 3, 4, 4, 3, 2, 1, 2, 3};
    ScoredResponse coded = SCORER.score(model(Responses.response(d, "a", answers, true)));
    ScoredResponse plain = SCORER.score(model(Responses.response(d, "a", answers, false)));
    assertThat(plain.status()).isEqualTo(ResponseStatus.SCORED);
    for (int i = 0; i < coded.observations().size(); i++) {
      assertThat(plain.observations().get(i).equalsDeep(coded.observations().get(i))).isTrue();
    }
  }

  @Test
  void tooManyMissingItemsGiveDataAbsentReasonAndNoNumber() {
    Instrument gse = instrument("gse");
    InstrumentDefinition d = gse.definition();
    Integer[] answers = {1, null, null, null, null, null, null, null, null, 3};
    ScoredResponse result = SCORER.score(model(Responses.response(d, "b", answers, true)));
    assertThat(result.status()).isEqualTo(ResponseStatus.NOT_SCORABLE);
    Observation primary = result.observations().get(0);
    assertThat(primary.hasValue()).isFalse();
    assertThat(primary.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("unknown");
    assertThat(primary.getDataAbsentReason().getText()).isNotBlank();
    assertThat(R4Validator.errors(primary)).isEmpty();
  }

  @Test
  void proratedScoresSayWhichItemsWereMissing() {
    Instrument gse = instrument("gse");
    InstrumentDefinition d = gse.definition();
    Integer[] answers = {1, 2, 3, 4, null, 3, 2, 1, 2, 3};
    Score expected = gse.score(ResponseSet.builder(d.id()).answer(1, 1).answer(2, 2).answer(3, 3).answer(4, 4)
        .missing(5).answer(6, 3).answer(7, 2).answer(8, 1).answer(9, 2).answer(10, 3).build());
    ScoredResponse result = SCORER.score(model(Responses.response(d, "c", answers, true)));
    Observation primary = result.observations().get(0);
    assertThat(primary.getValueQuantity().getValue().doubleValue())
        .isEqualTo(expected.primaryScore().value().getAsDouble());
    assertThat(expected.primaryScore().prorated()).isEqualTo(primary.hasNote());
  }

  @Test
  void everyProblemIsReportedByElementWithoutQuotingAValue() {
    InstrumentDefinition d = instrument("swemwbs").definition();
    ObjectNode r = Responses.response(d, "qr-2", new Integer[] {3, 4, 2, 5, 1, 3, 4}, true);
    ObjectNode items = (ObjectNode) r.get("item").get(0);
    items.put("linkId", SECRET); // unknown linkId that looks like data
    ((ObjectNode) r.get("item").get(1).get("answer").get(0).get("valueCoding")).put("code", SECRET);
    ((ObjectNode) r.get("item").get(2).get("answer").get(0).get("valueCoding")).put("system", SECRET);
    ((ObjectNode) r.get("item").get(3).get("answer").get(0)).remove("valueCoding");
    ((ObjectNode) r.get("item").get(3).get("answer").get(0)).put("valueInteger", 99);
    ((ObjectNode) r.get("item").get(4)).putArray("answer").addObject().put("valueString", SECRET);
    ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("item").get(5).get("answer")).addObject().put("valueInteger", 2);
    r.withArray("item").addObject().put("linkId", "7").putArray("answer").addObject().put("valueInteger", 1);
    r.put("authored", SECRET);
    r.put("status", "in-progress");
    // HAPI's own parser refuses the bad dateTime (quoting it); the bulk path reads JSON itself
    List<Violation> violations = bulkViolations(r);
    assertThat(violations).extracting(Violation::location).contains(
        "item[0] (linkId not shown)", "item[1] (linkId '2')", "item[2] (linkId '3')", "item[3] (linkId '4')",
        "item[4] (linkId '5')", "item[5] (linkId '6')", "item[7] (linkId '7')", "authored", "status");
    assertThat(violations).allSatisfy(v -> assertThat(v.toString()).doesNotContain(SECRET).doesNotContain("99"));
  }

  static List<Violation> bulkViolations(ObjectNode resource) {
    List<Rejection> rejections = new ArrayList<>();
    SCORER.scoreAll(utf8(resource.toString()), new StringWriter(), rejections::add);
    assertThat(rejections).hasSize(1);
    return rejections.get(0).violations();
  }

  @Test
  void anotherQuestionnaireOrVersionIsRejected() {
    InstrumentDefinition d = instrument("swemwbs").definition();
    ObjectNode other = Responses.response(d, "x", new Integer[] {3, 4, 2, 5, 1, 3, 4}, true);
    other.put("questionnaire", "https://example.org/Questionnaire/" + SECRET);
    assertThat(SCORER.score(model(other)).violations()).singleElement()
        .satisfies(v -> assertThat(v.location()).isEqualTo("questionnaire"))
        .satisfies(v -> assertThat(v.toString()).doesNotContain(SECRET));
    ObjectNode version = Responses.response(d, "x", new Integer[] {3, 4, 2, 5, 1, 3, 4}, true);
    version.put("questionnaire", FhirOptions.defaults().questionnaireUrl(d.id()) + "|" + SECRET);
    assertThat(SCORER.score(model(version)).status()).isEqualTo(ResponseStatus.REJECTED);
    // a scorer for GSE only refuses SWEMWBS responses
    ObjectNode swemwbs = Responses.response(d, "x", new Integer[] {3, 4, 2, 5, 1, 3, 4}, true);
    assertThat(SCORER.onlyFor(InstrumentId.of("gse")).score(model(swemwbs)).violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("urn:outcome:Questionnaire:gse"));
    assertThatThrownBy(() -> SCORER.onlyFor(InstrumentId.of("nope"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBatchAccountsForEveryResourceInOrder() {
    InstrumentDefinition d = instrument("swemwbs").definition();
    ObjectNode noId = Responses.response(d, null, new Integer[] {1, 1, 1, 1, 1, 1, 1}, true);
    ObjectNode bundle = Responses.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
    bundle.putArray("entry").addObject().put("fullUrl", "urn:uuid:5d0b4a2e-1b7e-4f57-9d43-3c7e3f7f3d11")
        .set("resource", noId);
    bundle.withArray("entry").addObject().set("resource", Responses.response(d, null, new Integer[] {2, 2, 2, 2, 2, 2, 2}, true));
    String input = String.join("\n",
        Responses.response(d, "r1", new Integer[] {3, 4, 2, 5, 1, 3, 4}, true).toString(),
        "",
        "{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"" + SECRET,
        "{\"resourceType\":\"Patient\",\"id\":\"p1\"}",
        bundle.toString(),
        Responses.response(d, "r4", new Integer[] {null, null, null, null, null, null, 1}, true).toString());
    StringWriter out = new StringWriter();
    List<Rejection> rejections = new ArrayList<>();
    FhirBatchSummary summary = SCORER.scoreAll(utf8(input), out, rejections::add);
    assertThat(summary.read()).isEqualTo(6);
    assertThat(summary.scored()).isEqualTo(2);
    assertThat(summary.notScorable()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(3);
    assertThat(rejections).extracting(Rejection::where).containsExactly("line 3", "line 4", "line 5, entry 2");
    assertThat(rejections).extracting(Rejection::resource).containsExactly(2L, 3L, 5L);
    assertThat(rejections).allSatisfy(r -> assertThat(r.toString()).doesNotContain(SECRET));
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize((int) summary.observations()).hasSize(2 * 3);
    List<Observation> observations = new ArrayList<>();
    for (String line : lines) {
      observations.add(PARSER.parseResource(Observation.class, line));
    }
    assertThat(observations.get(0).getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/r1");
    assertThat(observations.get(2).getDerivedFromFirstRep().getReference())
        .isEqualTo("urn:uuid:5d0b4a2e-1b7e-4f57-9d43-3c7e3f7f3d11");
    assertThat(observations.get(4).hasDataAbsentReason()).isTrue();
    assertThat(out.toString()).endsWith("\n");
  }

  @Test
  void aPrettyPrintedBundleIsReadAsOneDocument() throws Exception {
    InstrumentDefinition d = instrument("gse").definition();
    ObjectNode bundle = Responses.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
    for (int i = 0; i < 3; i++) {
      bundle.withArray("entry").addObject().set("resource",
          Responses.response(d, "g" + i, new Integer[] {1, 2, 3, 4, 1, 2, 3, 4, 1, i + 1}, true));
    }
    String pretty = Responses.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
    StringWriter out = new StringWriter();
    List<Rejection> rejections = new ArrayList<>();
    FhirBatchSummary summary = SCORER.scoreAll(utf8(pretty), out, rejections::add);
    assertThat(rejections).isEmpty();
    assertThat(summary.scored()).isEqualTo(3);
    assertThat(summary.observations()).isEqualTo(3L * d.subscales().size());
  }

  @Test
  void aResponseThatCannotBePointedToIsRejected() {
    InstrumentDefinition d = instrument("gse").definition();
    ObjectNode r = Responses.response(d, null, new Integer[] {1, 2, 3, 4, 1, 2, 3, 4, 1, 1}, true);
    assertThat(SCORER.score(model(r)).violations()).extracting(Violation::location).containsExactly("id");
    r.putObject("identifier").put("system", "urn:trust:forms").put("value", "f-1");
    ScoredResponse byIdentifier = SCORER.score(model(r));
    assertThat(byIdentifier.observations().get(0).getDerivedFromFirstRep().getIdentifier().getValue()).isEqualTo("f-1");
  }
}
