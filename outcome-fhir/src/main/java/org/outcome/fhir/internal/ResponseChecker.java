package org.outcome.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;

/**
 * Checks one resource, read as a JSON tree, against the instruments, and scores it when valid.
 * Every problem is collected; none of the messages quotes a value from the resource (a misplaced
 * field may hold an identifier), apart from linkIds short and plain enough to be structure, not
 * data (see {@link #linkId}).
 */
public final class ResponseChecker {
  /** FHIR's id type: {@code [A-Za-z0-9\-\.]{1,64}}. */
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  /** FHIR's dateTime type (the regular expression in the R4 specification). */
  private static final Pattern DATE_TIME = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
      + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
      + "(\\.[0-9]+)?(Z|([+\\-])((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?");
  /** A linkId shown in messages: a short name or a small number, never anything that could be data. */
  private static final Pattern SHOWN_LINK_ID = Pattern.compile("[A-Za-z][A-Za-z0-9._\\-]{0,23}|[0-9]{1,3}");
  private static final Pattern FHIR_TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");

  private final Map<String, Target> byUrl;
  private final Optional<Target> only;

  /**
   * @param byUrl the instruments by questionnaire URL
   * @param only when present, the one instrument every response must answer
   */
  public ResponseChecker(Map<String, Target> byUrl, Optional<Target> only) {
    this.byUrl = Map.copyOf(byUrl);
    this.only = only;
  }

  /** What a check found. */
  public sealed interface Checked permits Rejected, Valid {}

  /** Not scored, with every reason. */
  public record Rejected(List<Violation> violations) implements Checked {}

  /**
   * Scored. {@code subject} and {@code encounter} are the response's own JSON (or null), copied
   * to each Observation as they are.
   */
  public record Valid(Target target, Score score, JsonNode subject, JsonNode encounter, String authored,
      String reference, JsonNode identifier) implements Checked {}

  /**
   * Checks and scores one resource.
   *
   * @param resource the resource's JSON
   * @param fullUrl the Bundle entry's fullUrl, or null outside a Bundle
   */
  public Checked check(JsonNode resource, String fullUrl) {
    List<Violation> violations = new ArrayList<>();
    if (!resource.isObject()) {
      return new Rejected(List.of(Violation.at("resource", "is not a JSON object")));
    }
    JsonNode type = resource.get("resourceType");
    if (type == null || !type.isTextual() || !type.asText().equals("QuestionnaireResponse")) {
      String shown = type != null && type.isTextual() && FHIR_TYPE.matcher(type.asText()).matches()
          ? "is a " + type.asText() + ", not a QuestionnaireResponse" : "is not a QuestionnaireResponse";
      return new Rejected(List.of(Violation.at("resourceType", shown)));
    }
    Target target = questionnaire(resource.get("questionnaire"), violations);
    status(resource.get("status"), violations);
    String reference = null;
    JsonNode identifier = null;
    JsonNode id = resource.get("id");
    if (id != null) {
      if (id.isTextual() && FHIR_ID.matcher(id.asText()).matches()) {
        reference = "QuestionnaireResponse/" + id.asText();
      } else {
        violations.add(Violation.at("id", "is not a FHIR id (1 to 64 letters, digits, '-' or '.')"));
      }
    } else if (resource.hasNonNull("identifier")) {
      identifier = resource.get("identifier");
      if (!identifier.isObject()) {
        violations.add(Violation.at("identifier", "is not an Identifier object"));
      }
    } else if (fullUrl != null && !fullUrl.isBlank()) {
      reference = fullUrl;
    } else {
      violations.add(Violation.at("id", "the response has no id, identifier or Bundle fullUrl, so its"
          + " Observations could not point back to it (derivedFrom)"));
    }
    JsonNode subject = object(resource, "subject", "Reference", violations);
    JsonNode encounter = object(resource, "encounter", "Reference", violations);
    String authored = null;
    JsonNode authoredNode = resource.get("authored");
    if (authoredNode != null) {
      if (authoredNode.isTextual() && DATE_TIME.matcher(authoredNode.asText()).matches()) {
        authored = authoredNode.asText();
      } else {
        violations.add(Violation.at("authored", "is not a FHIR dateTime"));
      }
    }
    ResponseSet responses = target == null ? null : answers(target, resource.get("item"), violations);
    if (!violations.isEmpty()) {
      return new Rejected(violations);
    }
    Score score;
    try {
      score = target.instrument.score(responses);
    } catch (InvalidInputException e) {
      // every value was checked against its item above, so this is a definition the engine refuses;
      // its messages quote values, so only the locations are passed on
      return new Rejected(e.violations().stream()
          .map(v -> Violation.at(v.location(), "refused by the instrument's scoring engine")).toList());
    }
    return new Valid(target, score, subject, encounter, authored, reference, identifier);
  }

  private Target questionnaire(JsonNode node, List<Violation> violations) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      violations.add(Violation.at("questionnaire", "names no questionnaire (a canonical URL is required)"));
      return null;
    }
    String canonical = node.asText();
    int bar = canonical.indexOf('|');
    String url = bar < 0 ? canonical : canonical.substring(0, bar);
    Target target = byUrl.get(url);
    if (only.isPresent() && target != only.get()) {
      violations.add(Violation.at("questionnaire", "answers another questionnaire, not " + only.get().url));
      return null;
    }
    if (target == null) {
      violations.add(Violation.at("questionnaire", "is not the canonical URL of any instrument here"
          + " (URLs are built from the canonical base the questionnaires were exported with)"));
      return null;
    }
    if (bar >= 0 && !canonical.substring(bar + 1).equals(target.definition.version())) {
      violations.add(Violation.at("questionnaire", "answers another version of " + target.definition.id()
          + " than the one scored here (" + target.definition.version() + ")"));
      return null;
    }
    return target;
  }

  private static void status(JsonNode node, List<Violation> violations) {
    String status = node != null && node.isTextual() ? node.asText() : "";
    switch (status) {
      case "completed", "amended" -> { }
      case "in-progress", "stopped", "entered-in-error" -> violations.add(Violation.at("status",
          "is " + status + "; only completed or amended responses are scored"));
      default -> violations.add(Violation.at("status",
          "is missing or not a QuestionnaireResponse status; only completed or amended responses are scored"));
    }
  }

  private static JsonNode object(JsonNode resource, String field, String type, List<Violation> violations) {
    JsonNode node = resource.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      violations.add(Violation.at(field, "is not a " + type + " object"));
      return null;
    }
    return node;
  }

  private static ResponseSet answers(Target target, JsonNode items, List<Violation> violations) {
    ResponseSet.Builder builder = ResponseSet.builder(target.definition.id()).version(target.definition.version());
    Set<Integer> answered = new HashSet<>();
    if (items != null && !items.isArray()) {
      violations.add(Violation.at("item", "is not an array"));
      return null;
    }
    int size = items == null ? 0 : items.size();
    for (int i = 0; i < size; i++) {
      JsonNode node = items.get(i);
      JsonNode linkNode = node.get("linkId");
      String at = "item[" + i + "]";
      if (linkNode == null || !linkNode.isTextual()) {
        violations.add(Violation.at(at, "has no linkId"));
        continue;
      }
      String linkId = linkNode.asText();
      at += " (linkId " + linkId(linkId) + ")";
      Item item = target.item(linkId);
      if (item == null) {
        violations.add(Violation.at(at, "is not an item of " + target.definition.id()));
        continue;
      }
      if (!answered.add(item.number())) {
        violations.add(Violation.at(at, "answers an item answered earlier in the response"));
        continue;
      }
      if (node.has("item") && node.get("item").size() > 0) {
        violations.add(Violation.at(at, "has nested items; the questionnaire's items have none"));
      }
      JsonNode answers = node.get("answer");
      int count = answers == null || !answers.isArray() ? 0 : answers.size();
      if (answers != null && !answers.isArray()) {
        violations.add(Violation.at(at, "answer is not an array"));
      } else if (count > 1) {
        violations.add(Violation.at(at, "has " + count + " answers; the item takes one"));
      } else if (count == 1) {
        Integer value = value(target, item, answers.get(0), at, violations);
        if (value != null) {
          builder.answer(item.number(), value);
        }
        continue;
      }
      builder.missing(item.number());
    }
    for (Item item : target.definition.items()) {
      if (!answered.contains(item.number())) {
        builder.missing(item.number());
      }
    }
    return builder.build();
  }

  private static Integer value(Target target, Item item, JsonNode answer, String at, List<Violation> violations) {
    if (answer.has("item") && answer.get("item").size() > 0) {
      violations.add(Violation.at(at, "has an answer with nested items; the questionnaire's items have none"));
      return null;
    }
    int value;
    JsonNode coding = answer.get("valueCoding");
    JsonNode integer = answer.get("valueInteger");
    if (coding != null && integer == null) {
      JsonNode system = coding.get("system");
      if (system != null && !(system.isTextual() && system.asText().equals(target.answerSystem(item.number())))) {
        violations.add(Violation.at(at, "answer's coding is from another code system than the item's options ("
            + target.answerSystem(item.number()) + ")"));
        return null;
      }
      JsonNode code = coding.get("code");
      Integer parsed = code != null && code.isTextual() ? parseCode(code.asText()) : null;
      if (parsed == null) {
        violations.add(Violation.at(at, "answer is not one of the item's options"));
        return null;
      }
      value = parsed;
    } else if (integer != null && coding == null) {
      if (!integer.canConvertToInt() || !integer.isIntegralNumber()) {
        violations.add(Violation.at(at, "answer's valueInteger is not an integer"));
        return null;
      }
      value = integer.intValue();
    } else {
      violations.add(Violation.at(at, "answer must be one valueCoding or valueInteger"));
      return null;
    }
    if (!item.scale().contains(value)) {
      violations.add(Violation.at(at, "answer is not one of the item's options (" + item.scale() + ")"));
      return null;
    }
    return value;
  }

  /** The integer a code spells in plain digits (an optional minus), or null. */
  private static Integer parseCode(String code) {
    if (code.isEmpty() || code.length() > 9) {
      return null;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '-' && i == 0 && code.length() > 1)) {
        return null;
      }
    }
    return Integer.parseInt(code);
  }

  /** The linkId quoted when it is plain structure, otherwise a placeholder that shows nothing of it. */
  static String linkId(String linkId) {
    return SHOWN_LINK_ID.matcher(linkId).matches() ? "'" + linkId + "'" : "not shown";
  }
}
