package org.outcome.service.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.Score;

/**
 * A batch of plain answers, one JSON object a line ({@code {"instrument": "gse", "ref": "a-1",
 * "answers": {...}}}), scored in turn and answered line for line: the score, or the violations,
 * with the line number and the caller's {@code ref} (a string of at most 64 characters, the
 * caller's own correlation id, returned as given). A last line holds the accounting:
 * {@code {"summary": {"read", "scored", "notScorable", "rejected"}}}.
 */
final class AnswersBatch {
  private final ObjectMapper mapper;
  private final Map<String, Instrument> byId;
  private long read;
  private long scored;
  private long notScorable;
  private long rejected;

  AnswersBatch(ObjectMapper mapper, Map<String, Instrument> byId) {
    this.mapper = mapper;
    this.byId = byId;
  }

  void run(InputStream in, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    long number = 0;
    String line;
    try {
      while ((line = lines.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          one(writer, number, line);
        }
      }
    } catch (LimitedInput.TooLarge e) {
      line(writer, g -> {
        g.writeStringField("error", "too-large");
        g.writeStringField("message", "the batch is larger than the service accepts; what came before was scored");
      });
    }
    line(writer, g -> {
      g.writeObjectFieldStart("summary");
      g.writeNumberField("read", read);
      g.writeNumberField("scored", scored);
      g.writeNumberField("notScorable", notScorable);
      g.writeNumberField("rejected", rejected);
      g.writeEndObject();
    });
    writer.flush();
  }

  private void one(Writer writer, long number, String text) throws IOException {
    read++;
    JsonNode body;
    try {
      body = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      reject(writer, number, null, List.of(Violation.at("line", "is not valid JSON")));
      return;
    }
    if (body == null || !body.isObject()) {
      reject(writer, number, null, List.of(Violation.at("line", "is not a JSON object")));
      return;
    }
    JsonNode refNode = body.get("ref");
    String ref = refNode != null && refNode.isTextual() && refNode.asText().length() <= 64 ? refNode.asText() : null;
    if (refNode != null && ref == null) {
      reject(writer, number, null, List.of(Violation.at("ref", "must be a string of at most 64 characters")));
      return;
    }
    JsonNode id = body.get("instrument");
    Instrument instrument = id != null && id.isTextual() ? byId.get(id.asText()) : null;
    if (instrument == null) {
      reject(writer, number, ref, List.of(Violation.at("instrument", "names no instrument here")));
      return;
    }
    Score score;
    try {
      score = AnswersScorer.score(instrument, body);
    } catch (ApiError e) {
      reject(writer, number, ref, e.violations);
      return;
    }
    if (score.primaryScore().isScored()) {
      scored++;
    } else {
      notScorable++;
    }
    line(writer, g -> {
      g.writeNumberField("line", number);
      if (ref != null) {
        g.writeStringField("ref", ref);
      }
      AnswersScorer.writeFields(g, score);
    });
  }

  private void reject(Writer writer, long number, String ref, List<Violation> violations) throws IOException {
    rejected++;
    line(writer, g -> {
      g.writeNumberField("line", number);
      if (ref != null) {
        g.writeStringField("ref", ref);
      }
      g.writeStringField("error", "invalid-answers");
      Api.writeViolations(g, violations);
    });
  }

  private void line(Writer writer, Api.Fields fields) throws IOException {
    try (JsonGenerator g = mapper.getFactory().createGenerator(writer)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    }
    writer.write('\n');
  }
}
