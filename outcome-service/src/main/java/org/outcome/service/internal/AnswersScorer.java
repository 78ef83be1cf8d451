package org.outcome.service.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.SubscaleScore;

/**
 * Answers as plain JSON, {@code {"answers": {"1": 3, "2": 4, "3": null}}} (item number on the
 * instrument's own form to answer; null or left out: not answered; an optional {@code "version"}
 * must be the definition's), checked and scored by the instrument's engine. Violations name the
 * item and never quote a value.
 */
final class AnswersScorer {
  private AnswersScorer() {}

  /**
   * Checks and scores one body.
   *
   * @throws ApiError 422 with every violation
   */
  static Score score(Instrument instrument, JsonNode body) {
    List<Violation> violations = new ArrayList<>();
    InstrumentDefinition d = instrument.definition();
    ResponseSet.Builder builder = ResponseSet.builder(d.id()).version(d.version());
    JsonNode version = body.get("version");
    if (version != null && !(version.isTextual() && version.asText().equals(d.version()))) {
      violations.add(Violation.at("version", "is not the version scored here (" + d.version() + ")"));
    }
    JsonNode answers = body.get("answers");
    if (answers == null || !answers.isObject()) {
      violations.add(Violation.at("answers", "must be an object from item number to answer"));
    } else {
      for (Map.Entry<String, JsonNode> entry : answers.properties()) {
        Item item = item(d, entry.getKey());
        String at = "answers." + (item == null ? shown(entry.getKey()) : item.number());
        JsonNode value = entry.getValue();
        if (item == null) {
          violations.add(Violation.at(at, "is not an item of " + d.id()));
        } else if (value.isNull()) {
          builder.missing(item.number());
        } else if (!value.isIntegralNumber() || !value.canConvertToInt() || !item.scale().contains(value.intValue())) {
          violations.add(Violation.at(at, "is not one of the item's answers (whole numbers " + item.scale() + ")"));
        } else {
          builder.answer(item.number(), value.intValue());
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new ApiError(422, "invalid-answers", "the answers do not fit " + d.id(), violations);
    }
    try {
      return instrument.score(builder.build());
    } catch (InvalidInputException e) {
      // the checks above leave the engine nothing to refuse but its own rules; its messages may
      // quote values, so only the locations go back
      throw new ApiError(422, "invalid-answers", "the answers do not fit " + d.id(), e.violations().stream()
          .map(v -> Violation.at(v.location(), "refused by the instrument's scoring engine")).toList());
    }
  }

  private static Item item(InstrumentDefinition d, String key) {
    if (key.isEmpty() || key.length() > 4 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return d.item(Integer.parseInt(key)).orElse(null);
  }

  /** A key is quoted only when it is a small number; anything else could be data. */
  private static String shown(String key) {
    return key.length() <= 3 && !key.isEmpty() && key.chars().allMatch(c -> c >= '0' && c <= '9') ? key : "(a key not shown)";
  }

  /** Writes the score as the fields of an object already started. */
  static void writeFields(JsonGenerator g, Score score) throws IOException {
    g.writeStringField("instrument", score.instrument().value());
    g.writeStringField("version", score.version());
    g.writeStringField("primary", score.primary().value());
    g.writeBooleanField("scored", score.primaryScore().isScored());
    g.writeArrayFieldStart("scores");
    for (SubscaleScore s : score.subscales()) {
      g.writeStartObject();
      g.writeStringField("subscale", s.subscale().value());
      if (s.isScored()) {
        g.writeNumberField("value", s.value().getAsDouble());
      } else {
        g.writeNullField("value");
      }
      g.writeArrayFieldStart("missingItems");
      for (int item : s.missingItems()) {
        g.writeNumber(item);
      }
      g.writeEndArray();
      g.writeBooleanField("prorated", s.prorated());
      if (s.notScoredReason().isPresent()) {
        g.writeStringField("notScoredReason", s.notScoredReason().get());
      } else {
        g.writeNullField("notScoredReason");
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
