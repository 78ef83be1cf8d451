package org.outcome.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.outcome.api.instrument.InstrumentDefinition;

/** QuestionnaireResponse JSON for tests, built field by field. */
final class Responses {
  static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

  /**
   * A completed response with an id, subject and authored time; {@code answers[i]} answers item i
   * of the definition (null leaves it unanswered), as valueCoding when {@code coded}.
   */
  static ObjectNode response(InstrumentDefinition d, String id, Integer[] answers, boolean coded) {
    ObjectNode r = JSON.createObjectNode();
    r.put("resourceType", "QuestionnaireResponse");
    if (id != null) {
      r.put("id", id);
    }
    r.put("questionnaire", FhirOptions.defaults().questionnaireUrl(d.id()) + "|" + d.version());
    r.put("status", "completed");
    r.putObject("subject").put("reference", "Patient/p-" + id);
    r.put("authored", "2026-11-30T10:15:00Z");
    ArrayNode items = r.putArray("item");
    for (int i = 0; i < answers.length; i++) {
      ObjectNode item = items.addObject();
      item.put("linkId", Integer.toString(d.items().get(i).number()));
      if (answers[i] != null) {
        ObjectNode answer = item.putArray("answer").addObject();
        if (coded) {
          answer.putObject("valueCoding")
              .put("system", FhirOptions.defaults().answerSystem(d.id(), 0))
              .put("code", Integer.toString(answers[i]));
        } else {
          answer.put("valueInteger", answers[i]);
        }
      }
    }
    return r;
  }
}
