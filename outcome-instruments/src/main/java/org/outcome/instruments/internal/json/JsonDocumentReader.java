package org.outcome.instruments.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * Reads one kind of JSON document into its record type and checks its field rules, reporting
 * every problem together, each located by its JSON path. The two steps:
 * <ol>
 *   <li>binding: Jackson without default typing; unknown keys, duplicate keys and trailing content
 *       refused; nesting depth, document size, string and number lengths bounded; scalars exactly
 *       as written ({@link StrictScalars}: no fraction where a whole number is meant, no text where
 *       a number or boolean is meant, no number where a boolean is meant). A wrong value is
 *       recorded and read as {@code null}, so binding goes on and finds the next one; only
 *       malformed JSON or an exceeded bound stops it.
 *   <li>field rules: Jakarta Bean Validation annotations on the records, checked by Hibernate
 *       Validator ({@link Validators}). A rule on a value that binding already refused is not
 *       reported a second time.
 * </ol>
 * Cross-field rules are the caller's: it checks them on the value, adding to the violations.
 * Messages name the field and what is wrong with it; they never repeat a value from the document,
 * nor the name of a Java class. Immutable and thread-safe.
 *
 * @param <T> the document's record type
 */
public final class JsonDocumentReader<T> {
  private static final int MAX_STRING_LENGTH = 10_000;
  private static final int MAX_NUMBER_LENGTH = 40;

  private final ObjectReader reader;

  private JsonDocumentReader(Class<T> type, int maxNestingDepth, long maxDocumentLength) {
    JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxDocumentLength(maxDocumentLength)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build())
            .build())
        .addModule(StrictScalars.module())
        .addHandler(new Problems.Handler())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        // Defence in depth for any type the strict scalars do not cover: no coercion between shapes.
        .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert))
        .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .build();
    this.reader = mapper.readerFor(type);
  }

  /**
   * A reader of documents bound to {@code type}, a record (or records) whose fields use wrapper
   * types ({@code Integer}, not {@code int}) so that an absent or refused value is {@code null}.
   *
   * @param maxNestingDepth the deepest nesting of objects and lists accepted
   * @param maxDocumentLength the longest document accepted, in characters
   */
  public static <T> JsonDocumentReader<T> of(Class<T> type, int maxNestingDepth, long maxDocumentLength) {
    return new JsonDocumentReader<>(Objects.requireNonNull(type, "type"), maxNestingDepth, maxDocumentLength);
  }

  /**
   * What reading found: the bound value, unless the document could not be bound at all (malformed
   * JSON, a bound exceeded, an empty document), and every violation of binding and field rules.
   *
   * @param value the value, with {@code null} wherever a value was absent or refused
   * @param violations every problem found, in binding order, then field rules by path
   */
  public record Result<T>(Optional<T> value, List<Violation> violations) {
    public Result {
      Objects.requireNonNull(value, "value");
      violations = List.copyOf(violations);
    }

    /**
     * The value if there is no violation.
     *
     * @param summary what was read, for the exception's message, e.g. {@code "invalid my-scale.json"}
     * @throws InvalidInputException listing every violation
     */
    public T orThrow(String summary) {
      if (!violations.isEmpty()) {
        throw new InvalidInputException(summary, violations);
      }
      return value.orElseThrow();
    }
  }

  /**
   * Reads a document and checks its field rules; does not close the stream.
   *
   * @throws UncheckedIOException if the stream cannot be read
   */
  public Result<T> read(InputStream in) {
    Problems problems = new Problems();
    T value;
    try {
      value = reader.withAttribute(Problems.KEY, problems).readValue(in);
    } catch (JsonProcessingException e) {
      List<Violation> all = new ArrayList<>(problems.found());
      all.add(translate(e));
      return new Result<>(Optional.empty(), all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Violation> found = new ArrayList<>(problems.found());
    if (value == null) {
      if (found.isEmpty()) {
        found.add(Violation.at(JsonPaths.ROOT, "the document is empty or null"));
      }
      return new Result<>(Optional.empty(), found);
    }
    List<Violation> rules = Validators.validator().validate(value).stream()
        .map(v -> Violation.at(JsonPaths.of(v.getPropertyPath(), v.getLeafBean()), v.getMessage()))
        .filter(v -> found.stream().noneMatch(f -> JsonPaths.within(v.location(), f.location())))
        .sorted(Comparator.comparing(Violation::location).thenComparing(Violation::message))
        .toList();
    found.addAll(rules);
    return new Result<>(Optional.of(value), found);
  }

  private Violation translate(JsonProcessingException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      if (cause instanceof StreamConstraintsException || cause instanceof JsonParseException) {
        break;
      }
      cause = cause.getCause();
    }
    if (cause instanceof StreamConstraintsException limit) {
      String at = e instanceof JsonMappingException m ? JsonPaths.of(m) : JsonPaths.ROOT;
      return Violation.at(at, clean(limit.getOriginalMessage()));
    }
    if (cause instanceof JsonParseException parse) {
      return Violation.at(line(parse.getLocation()), "not valid JSON: " + clean(parse.getOriginalMessage()));
    }
    if (e instanceof MismatchedInputException m && m.getOriginalMessage() != null
        && m.getOriginalMessage().startsWith("Trailing token")) {
      return Violation.at(line(m.getLocation()), "not valid JSON: Trailing tokens after the end of the document");
    }
    if (e instanceof MismatchedInputException m) {
      String at = JsonPaths.of(m);
      if (m.getTargetType() == null || m.getOriginalMessage() != null
          && m.getOriginalMessage().startsWith("No content to map")) {
        return Violation.at(at, at.equals(JsonPaths.ROOT) ? "the document is empty" : "cannot be read here");
      }
      return Violation.at(at, "must be " + Problems.describe(reader.getTypeFactory().constructType(m.getTargetType())));
    }
    if (e instanceof JsonMappingException m) {
      return Violation.at(JsonPaths.of(m), "cannot be read here");
    }
    return Violation.at(line(e.getLocation()), "not valid JSON: " + clean(e.getOriginalMessage()));
  }

  private static String line(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? JsonPaths.ROOT
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Jackson's wording without the settings it names or a token it quotes from the document. */
  static String clean(String message) {
    if (message == null) {
      return "unreadable";
    }
    String s = message.lines().findFirst().orElse("");
    s = s.replaceAll(",? from `[^`]*`", "");
    s = s.replaceAll("Unrecognized token '[^']*'", "Unrecognized token");
    s = s.replaceAll("\\s*\\(start marker at .*$", "");
    s = s.replaceAll("`[^`]*`", "a setting");
    return s.strip();
  }
}
