package org.outcome.fhir.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
 * Checks one resource, read in one streaming pass ({@link ResponseJson}), against the instruments,
 * and scores it when valid.
 * Every problem is collected; none of the messages quotes a value from the resource (a misplaced
 * field may hold an identifier), apart from linkIds short and plain enough to be structure, not
 * data (see {@link #linkId}).
 */
public final class ResponseChecker {
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
  public sealed interface Checked permits Rejected, Valid, Bundle {}

  /** Not scored, with every reason. */
  public record Rejected(List<Violation> violations) implements Checked {}

  /**
   * Scored. {@code subject} and {@code encounter} are the response's own JSON (or null), copied
   * to each Observation as they are.
   */
  public record Valid(Target target, Score score, JsonNode subject, JsonNode encounter, String authored,
      String reference, JsonNode identifier) implements Checked {}

  /**
   * Reads, checks and scores the resource the parser is positioned on (at its START_OBJECT; left
   * after its END_OBJECT).
   *
   * @param fullUrl the Bundle entry's fullUrl, or null outside a Bundle
   * @return the outcome; a {@link Bundle} when the object is a Bundle, whose entries the caller reads
   */
  public Checked check(JsonParser parser, String fullUrl) throws IOException {
    return check(ResponseJson.read(parser), fullUrl);
  }

  /** A Bundle: its entries are read by the caller. */
  public record Bundle() implements Checked {}

  private Checked check(ResponseJson r, String fullUrl) {
    if (!r.object()) {
      return new Rejected(List.of(Violation.at("resource", "is not a JSON object")));
    }
    if (r.resourceType().is("Bundle")) {
      return new Bundle();
    }
    if (!r.resourceType().is("QuestionnaireResponse")) {
      String type = r.resourceType().value();
      String shown = type != null && FHIR_TYPE.matcher(type).matches()
          ? "is a " + type + ", not a QuestionnaireResponse" : "is not a QuestionnaireResponse";
      return new Rejected(List.of(Violation.at("resourceType", shown)));
    }
    List<Violation> violations = new ArrayList<>();
    Target target = questionnaire(r.questionnaire(), violations);
    status(r.status(), violations);
    String reference = null;
    JsonNode identifier = null;
    if (r.id().present()) {
      if (r.id().isText() && isFhirId(r.id().value())) {
        reference = "QuestionnaireResponse/" + r.id().value();
      } else {
        violations.add(Violation.at("id", "is not a FHIR id (1 to 64 letters, digits, '-' or '.')"));
      }
    } else if (r.identifier() != null) {
      identifier = r.identifier();
      if (!identifier.isObject()) {
        violations.add(Violation.at("identifier", "is not an Identifier object"));
      }
    } else if (fullUrl != null && !fullUrl.isBlank()) {
      reference = fullUrl;
    } else {
      violations.add(Violation.at("id", "the response has no id, identifier or Bundle fullUrl, so its"
          + " Observations could not point back to it (derivedFrom)"));
    }
    JsonNode subject = object(r.subject(), "subject", violations);
    JsonNode encounter = object(r.encounter(), "encounter", violations);
    String authored = null;
    if (r.authored().present()) {
      if (r.authored().isText() && DATE_TIME.matcher(r.authored().value()).matches()) {
        authored = r.authored().value();
      } else {
        violations.add(Violation.at("authored", "is not a FHIR dateTime"));
      }
    }
    if (r.itemsNotArray()) {
      violations.add(Violation.at("item", "is not an array"));
    }
    ResponseSet responses = target == null || r.itemsNotArray() ? null : answers(target, r.items(), violations);
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

  /** FHIR's id type: {@code [A-Za-z0-9\-\.]{1,64}}. */
  private static boolean isFhirId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private Target questionnaire(ResponseJson.Text canonicalText, List<Violation> violations) {
    if (!canonicalText.isText() || canonicalText.value().isBlank()) {
      violations.add(Violation.at("questionnaire", "names no questionnaire (a canonical URL is required)"));
      return null;
    }
    String canonical = canonicalText.value();
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

  private static void status(ResponseJson.Text text, List<Violation> violations) {
    String status = text.isText() ? text.value() : "";
    switch (status) {
      case "completed", "amended" -> { }
      case "in-progress", "stopped", "entered-in-error" -> violations.add(Violation.at("status",
          "is " + status + "; only completed or amended responses are scored"));
      default -> violations.add(Violation.at("status",
          "is missing or not a QuestionnaireResponse status; only completed or amended responses are scored"));
    }
  }

  private static JsonNode object(JsonNode node, String field, List<Violation> violations) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      violations.add(Violation.at(field, "is not a Reference object"));
      return null;
    }
    return node;
  }

  private static ResponseSet answers(Target target, List<ResponseJson.ItemJson> items, List<Violation> violations) {
    ResponseSet.Builder builder = ResponseSet.builder(target.definition.id()).version(target.definition.version());
    Set<Integer> answered = new HashSet<>();
    int size = items == null ? 0 : items.size();
    for (int i = 0; i < size; i++) {
      ResponseJson.ItemJson node = items.get(i);
      String at = "item[" + i + "]";
      if (!node.linkId().isText()) {
        violations.add(Violation.at(at, "has no linkId"));
        continue;
      }
      String linkId = node.linkId().value();
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
      if (node.nested()) {
        violations.add(Violation.at(at, "has nested items; the questionnaire's items have none"));
      }
      int count = node.answers() == null ? 0 : node.answers().size();
      if (node.answersNotArray()) {
        violations.add(Violation.at(at, "answer is not an array"));
      } else if (count > 1) {
        violations.add(Violation.at(at, "has " + count + " answers; the item takes one"));
      } else if (count == 1) {
        Integer value = value(target, item, node.answers().get(0), at, violations);
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

  private static Integer value(Target target, Item item, ResponseJson.AnswerJson answer, String at,
      List<Violation> violations) {
    if (answer.nested()) {
      violations.add(Violation.at(at, "has an answer with nested items; the questionnaire's items have none"));
      return null;
    }
    int value;
    switch (answer.kind()) {
      case CODING -> {
        if (answer.system().present()
            && !(answer.system().isText() && answer.system().value().equals(target.answerSystem(item.number())))) {
          violations.add(Violation.at(at, "answer's coding is from another code system than the item's options ("
              + target.answerSystem(item.number()) + ")"));
          return null;
        }
        Integer parsed = answer.code().isText() ? parseCode(answer.code().value()) : null;
        if (parsed == null) {
          violations.add(Violation.at(at, "answer is not one of the item's options"));
          return null;
        }
        value = parsed;
      }
      case INTEGER -> value = answer.integer();
      case NOT_INTEGER -> {
        violations.add(Violation.at(at, "answer's valueInteger is not an integer"));
        return null;
      }
      default -> {
        violations.add(Violation.at(at, "answer must be one valueCoding or valueInteger"));
        return null;
      }
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
    boolean smallNumber = !linkId.isEmpty() && linkId.length() <= 3 && linkId.chars().allMatch(c -> c >= '0' && c <= '9');
    return smallNumber || SHOWN_LINK_ID.matcher(linkId).matches() ? "'" + linkId + "'" : "not shown";
  }
}
