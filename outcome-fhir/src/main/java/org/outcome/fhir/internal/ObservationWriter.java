package org.outcome.fhir.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.fhir.ScoreCode;

/**
 * Writes the Observations of a scored response as FHIR R4 JSON, elements in the order the
 * specification lists them (so the output reads like HAPI's own).
 *
 * <p>Each Observation: {@code status} final; {@code category} survey; {@code code} the standard
 * codes of {@link org.outcome.fhir.ScoreCodes} and outcome's own; {@code subject},
 * {@code encounter} copied from the response; {@code effectiveDateTime} = the response's
 * {@code authored}; {@code valueQuantity} with UCUM's {@code {score}} unit, or, for a score the
 * missing-item rule leaves unscorable, {@code dataAbsentReason} {@code unknown} with the reason
 * and no value; a {@code note} when the score was prorated; {@code derivedFrom} the response.
 */
public final class ObservationWriter {
  private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  private static final String ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
  private static final String UCUM = "http://unitsofmeasure.org";

  private ObservationWriter() {}

  /** Writes one Observation per score of the response, as separate root values; returns how many. */
  public static int write(JsonGenerator g, ResponseChecker.Valid valid) throws IOException {
    int written = 0;
    for (SubscaleScore score : valid.score().subscales()) {
      write(g, valid, score);
      written++;
    }
    return written;
  }

  private static void write(JsonGenerator g, ResponseChecker.Valid valid, SubscaleScore score) throws IOException {
    Target target = valid.target();
    InstrumentDefinition definition = target.definition;
    Subscale subscale = definition.subscale(score.subscale()).orElseThrow();
    g.writeStartObject();
    g.writeStringField("resourceType", "Observation");
    g.writeStringField("status", "final");
    g.writeArrayFieldStart("category");
    g.writeStartObject();
    g.writeArrayFieldStart("coding");
    coding(g, CATEGORY, "survey", "Survey");
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("code");
    g.writeArrayFieldStart("coding");
    for (ScoreCode code : target.codes(score.subscale())) {
      coding(g, code.system(), code.code(), code.display());
    }
    coding(g, target.scoreSystem, subscale.id().value(), subscale.label());
    g.writeEndArray();
    g.writeStringField("text", definition.name() + ": " + subscale.label());
    g.writeEndObject();
    if (valid.subject() != null) {
      g.writeFieldName("subject");
      g.writeTree(valid.subject());
    }
    if (valid.encounter() != null) {
      g.writeFieldName("encounter");
      g.writeTree(valid.encounter());
    }
    if (valid.authored() != null) {
      g.writeStringField("effectiveDateTime", valid.authored());
    }
    if (score.isScored()) {
      g.writeObjectFieldStart("valueQuantity");
      g.writeNumberField("value", score.value().getAsDouble());
      g.writeStringField("unit", "{score}");
      g.writeStringField("system", UCUM);
      g.writeStringField("code", "{score}");
      g.writeEndObject();
    } else {
      g.writeObjectFieldStart("dataAbsentReason");
      g.writeArrayFieldStart("coding");
      coding(g, ABSENT, "unknown", "Unknown");
      g.writeEndArray();
      g.writeStringField("text", score.notScoredReason().orElseThrow());
      g.writeEndObject();
    }
    if (score.prorated()) {
      g.writeArrayFieldStart("note");
      g.writeStartObject();
      g.writeStringField("text", "prorated: " + score.missingItems().size() + " of " + subscale.items().size()
          + " items missing (items " + score.missingItems() + ")");
      g.writeEndObject();
      g.writeEndArray();
    }
    g.writeArrayFieldStart("derivedFrom");
    g.writeStartObject();
    if (valid.reference() != null) {
      g.writeStringField("reference", valid.reference());
    } else {
      g.writeFieldName("identifier");
      g.writeTree(valid.identifier());
    }
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void coding(JsonGenerator g, String system, String code, String display) throws IOException {
    g.writeStartObject();
    g.writeStringField("system", system);
    g.writeStringField("code", code);
    g.writeStringField("display", display);
    g.writeEndObject();
  }
}
