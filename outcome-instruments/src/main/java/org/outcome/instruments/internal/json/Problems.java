package org.outcome.instruments.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.outcome.api.Violation;

/**
 * The problems found while binding one document, so that binding can go on past a wrong value and
 * report every problem at once. Kept as a per-read attribute of Jackson's context; the handler
 * below records unknown fields, unknown enum values and values of the wrong shape, and the strict
 * scalars of {@link StrictScalars} record theirs.
 */
final class Problems {
  /** The context attribute under which a read keeps its problems. */
  static final Object KEY = Problems.class;

  private final List<Violation> found = new ArrayList<>();

  static Problems of(DeserializationContext ctxt) {
    return (Problems) ctxt.getAttribute(KEY);
  }

  void add(String at, String message) {
    found.add(Violation.at(at, message));
  }

  List<Violation> found() {
    return List.copyOf(found);
  }

  /** Skips the value the parser stands on, with everything nested in it. */
  static void skip(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
  }

  /** What a value of the type looks like in JSON, for "must be ..." messages. */
  static String describe(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class
        || raw == Short.class || raw == short.class) {
      return "a whole number";
    }
    if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
      return "a number";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    }
    if (raw == String.class) {
      return "text in double quotes";
    }
    if (raw.isEnum()) {
      return "one of " + names(raw);
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return "a list";
    }
    return "an object";
  }

  /** What the JSON holds at a token, for "..., not ..." messages; never the value itself. */
  static String found(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
      case START_ARRAY, END_ARRAY -> "a list";
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      default -> "another kind of value";
    };
  }

  private static List<String> names(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
  }

  /** Records what strict binding refuses, and lets binding go on with {@code null} in its place. */
  static final class Handler extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
        Object beanOrClass, String propertyName) throws IOException {
      // A record's unknown fields are replayed from a buffer once the record is built; the path of
      // the object is then that of the main parser, which stands on the object's closing brace.
      JsonParser main = ctxt.getParser();
      String at = p == main ? JsonPaths.of(p) : JsonPaths.field(JsonPaths.of(main), propertyName);
      Collection<Object> known = deserializer.getKnownPropertyNames();
      List<String> allowed = known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
      of(ctxt).add(at, "unknown key; allowed here: " + allowed);
      skip(p);
      return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
        String failureMsg) {
      of(ctxt).add(JsonPaths.of(ctxt.getParser()), targetType.isEnum()
          ? "must be one of " + names(targetType)
          : "must be " + describe(ctxt.constructType(targetType)) + ", not " + found(JsonToken.VALUE_STRING));
      return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
        String failureMsg) {
      of(ctxt).add(JsonPaths.of(ctxt.getParser()), "must be " + describe(ctxt.constructType(targetType))
          + ", not " + found(ctxt.getParser().currentToken()));
      return null;
    }

    @Override
    public Object handleWeirdKey(DeserializationContext ctxt, Class<?> rawKeyType, String keyValue,
        String failureMsg) {
      // the key is not echoed: only what every key must be
      // the parser stands on the key, inside the object that holds it: name that object
      JsonParser p = ctxt.getParser();
      of(ctxt).add(JsonPaths.of(p.getParsingContext().getParent()),
          "every key must be " + describe(ctxt.constructType(rawKeyType)) + " in double quotes");
      return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
        String failureMsg) throws IOException {
      String at = JsonPaths.of(p);
      skip(p);
      of(ctxt).add(at, "must be " + describe(targetType) + ", not " + found(t));
      return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
        ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
      String at = JsonPaths.of(p);
      JsonToken t = p.currentToken();
      skip(p);
      of(ctxt).add(at, "must be " + describe(ctxt.constructType(instClass)) + ", not " + found(t));
      return null;
    }

    @Override
    public Object handleWeirdNativeValue(DeserializationContext ctxt, JavaType targetType, Object valueToConvert,
        JsonParser p) {
      of(ctxt).add(JsonPaths.of(p), "must be " + describe(targetType));
      return null;
    }
  }
}
