package org.outcome.fhir.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a resource that scoring reads, taken from a streaming JSON parser in one pass
 * (no tree of the whole resource is built; unknown elements are skipped). The checks are
 * {@link ResponseChecker}'s: this class only records what is there, and of which JSON type.
 *
 * @param object whether the resource is a JSON object at all
 * @param resourceType the element
 * @param id the element
 * @param questionnaire the element
 * @param status the element
 * @param authored the element
 * @param identifier the element as a small tree, or null
 * @param subject the element as a small tree (copied to Observations), or null
 * @param encounter the element as a small tree (copied to Observations), or null
 * @param items the items, or null when the element is absent
 * @param itemsNotArray whether the element is there but not an array
 */
record ResponseJson(boolean object, Text resourceType, Text id, Text questionnaire, Text status, Text authored,
    JsonNode identifier, JsonNode subject, JsonNode encounter, List<ItemJson> items, boolean itemsNotArray) {

  /** A string element: absent, present but not a string, or a string. */
  record Text(boolean present, String value) {
    static final Text ABSENT = new Text(false, null);
    static final Text NOT_TEXT = new Text(true, null);

    boolean isText() {
      return value != null;
    }

    boolean is(String expected) {
      return expected.equals(value);
    }
  }

  /**
   * One item: its linkId, whether it has nested items, and its answers.
   *
   * @param answers the answers, or null when absent; {@code answersNotArray} when not an array
   */
  record ItemJson(Text linkId, boolean nested, List<AnswerJson> answers, boolean answersNotArray) {}

  /** What kind of value an answer holds. */
  enum Kind { CODING, INTEGER, NOT_INTEGER, OTHER, SEVERAL }

  /** One answer: the kind of value, for a coding its system and code, for an integer its value. */
  record AnswerJson(Kind kind, Text system, Text code, int integer, boolean nested) {}

  /** Reads the object the parser is positioned on (its START_OBJECT), or records that it is not one. */
  static ResponseJson read(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return new ResponseJson(false, Text.ABSENT, Text.ABSENT, Text.ABSENT, Text.ABSENT, Text.ABSENT,
          null, null, null, null, false);
    }
    Text resourceType = Text.ABSENT;
    Text id = Text.ABSENT;
    Text questionnaire = Text.ABSENT;
    Text status = Text.ABSENT;
    Text authored = Text.ABSENT;
    JsonNode identifier = null;
    JsonNode subject = null;
    JsonNode encounter = null;
    List<ItemJson> items = null;
    boolean itemsNotArray = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      switch (name) {
        case "resourceType" -> resourceType = text(p, token);
        case "id" -> id = text(p, token);
        case "questionnaire" -> questionnaire = text(p, token);
        case "status" -> status = text(p, token);
        case "authored" -> authored = text(p, token);
        case "identifier" -> identifier = tree(p, token);
        case "subject" -> subject = tree(p, token);
        case "encounter" -> encounter = tree(p, token);
        case "item" -> {
          if (token == JsonToken.START_ARRAY) {
            items = new ArrayList<>(32);
            while (p.nextToken() != JsonToken.END_ARRAY) {
              items.add(item(p));
            }
          } else if (token != JsonToken.VALUE_NULL) {
            itemsNotArray = true;
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return new ResponseJson(true, resourceType, id, questionnaire, status, authored, identifier, subject,
        encounter, items, itemsNotArray);
  }

  private static ItemJson item(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return new ItemJson(Text.ABSENT, false, null, false);
    }
    Text linkId = Text.ABSENT;
    boolean nested = false;
    List<AnswerJson> answers = null;
    boolean answersNotArray = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      switch (name) {
        case "linkId" -> linkId = text(p, token);
        case "item" -> nested |= nonEmptyArray(p, token);
        case "answer" -> {
          if (token == JsonToken.START_ARRAY) {
            answers = new ArrayList<>(1);
            while (p.nextToken() != JsonToken.END_ARRAY) {
              answers.add(answer(p));
            }
          } else if (token != JsonToken.VALUE_NULL) {
            answersNotArray = true;
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return new ItemJson(linkId, nested, answers, answersNotArray);
  }

  private static AnswerJson answer(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return new AnswerJson(Kind.OTHER, Text.ABSENT, Text.ABSENT, 0, false);
    }
    Kind kind = null;
    Text system = Text.ABSENT;
    Text code = Text.ABSENT;
    int integer = 0;
    boolean nested = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      if (name.equals("item")) {
        nested |= nonEmptyArray(p, token);
        continue;
      }
      if (!name.startsWith("value")) {
        p.skipChildren();
        continue;
      }
      Kind found;
      if (name.equals("valueCoding") && token == JsonToken.START_OBJECT) {
        found = Kind.CODING;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken t = p.nextToken();
          if (field.equals("system")) {
            system = text(p, t);
          } else if (field.equals("code")) {
            code = text(p, t);
          } else {
            p.skipChildren();
          }
        }
      } else if (name.equals("valueInteger") && token == JsonToken.VALUE_NUMBER_INT
          && p.getNumberType() == JsonParser.NumberType.INT) {
        found = Kind.INTEGER;
        integer = p.getIntValue();
      } else if (name.equals("valueInteger")) {
        found = Kind.NOT_INTEGER;
        p.skipChildren();
      } else {
        found = Kind.OTHER;
        p.skipChildren();
      }
      kind = kind == null ? found : Kind.SEVERAL;
    }
    return new AnswerJson(kind == null ? Kind.OTHER : kind, system, code, integer, nested);
  }

  private static Text text(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return new Text(true, p.getText());
    }
    p.skipChildren();
    return token == JsonToken.VALUE_NULL ? Text.ABSENT : Text.NOT_TEXT;
  }

  private static JsonNode tree(JsonParser p, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_NULL ? null : p.readValueAsTree();
  }

  /** Skips the element; true unless it is null or an empty array (an item's nested items). */
  private static boolean nonEmptyArray(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.START_ARRAY) {
      boolean empty = p.nextToken() == JsonToken.END_ARRAY;
      if (!empty) {
        do {
          p.skipChildren();
        } while (p.nextToken() != JsonToken.END_ARRAY);
      }
      return !empty;
    }
    p.skipChildren();
    return token != JsonToken.VALUE_NULL;
  }
}
