package org.outcome.instruments.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Scalars read exactly as written: a whole number only from a JSON integer ({@code 365.7},
 * {@code 1e3} and {@code "365"} are refused), a number only from a JSON number, a boolean only
 * from {@code true} or {@code false} ({@code 0} and {@code "true"} are refused), text only from a
 * JSON string. A refused value is recorded in the read's {@link Problems}, with its path but not
 * its content, and read as {@code null} so that binding goes on. Documents use the wrapper types;
 * a primitive would fall back to Jackson's own deserializer, which the reader's coercion settings
 * also keep strict (failing at the first problem).
 */
final class StrictScalars {
  private StrictScalars() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("outcome-strict-scalars");
    module.addDeserializer(Integer.class, new WholeNumber());
    module.addDeserializer(Double.class, new Real());
    module.addDeserializer(Boolean.class, new Bool());
    module.addDeserializer(String.class, new Text());
    return module;
  }

  private static <T> T refuse(JsonParser p, DeserializationContext ctxt, String message) throws IOException {
    String at = JsonPaths.of(p);
    JsonToken token = p.currentToken();
    Problems.skip(p);
    Problems.of(ctxt).add(at, message + ", not " + Problems.found(token));
    return null;
  }

  private static final class WholeNumber extends StdScalarDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    WholeNumber() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        if (p.getNumberType() == JsonParser.NumberType.INT) {
          return p.getIntValue();
        }
        Problems.of(ctxt).add(JsonPaths.of(p), "must be a whole number from " + Integer.MIN_VALUE + " to "
            + Integer.MAX_VALUE);
        return null;
      }
      return refuse(p, ctxt, "must be a whole number");
    }
  }

  private static final class Real extends StdScalarDeserializer<Double> {
    private static final long serialVersionUID = 1L;

    Real() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        double value = p.getDoubleValue();
        if (Double.isFinite(value)) {
          return value;
        }
        Problems.of(ctxt).add(JsonPaths.of(p), "must be a finite number");
        return null;
      }
      return refuse(p, ctxt, "must be a number");
    }
  }

  private static final class Bool extends StdScalarDeserializer<Boolean> {
    private static final long serialVersionUID = 1L;

    Bool() {
      super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        return token == JsonToken.VALUE_TRUE;
      }
      return refuse(p, ctxt, "must be true or false");
    }
  }

  private static final class Text extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      return refuse(p, ctxt, "must be text in double quotes");
    }
  }
}
