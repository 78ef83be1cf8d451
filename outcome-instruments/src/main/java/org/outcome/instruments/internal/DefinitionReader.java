package org.outcome.instruments.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.MissingItemRule;
import org.outcome.api.instrument.Psychometrics;
import org.outcome.api.instrument.ResponseScale;
import org.outcome.api.instrument.ScoringFact;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.Transform;

/**
 * Reads a JSON instrument definition in three checked steps, each reporting every problem it finds
 * as an {@link InvalidInputException} whose violations are located by JSON path:
 * <ol>
 *   <li>parsing: Jackson without default typing, unknown properties and duplicate keys rejected,
 *       nesting depth, document size, string and number lengths bounded;
 *   <li>field rules: Jakarta Bean Validation on {@link Dto} (Hibernate Validator, parameter-only
 *       message interpolation so no expression language is needed at run time);
 *   <li>cross-field rules: the API's {@link InstrumentDefinition} constructor.
 * </ol>
 * Thread-safe; the validator is built once, on first use.
 */
public final class DefinitionReader {
  /** The largest definition file accepted, in characters. */
  public static final long MAX_DOCUMENT_LENGTH = 1_000_000;
  /** The deepest nesting of objects and arrays accepted. */
  public static final int MAX_NESTING_DEPTH = 16;

  private static final ObjectReader READER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_NESTING_DEPTH)
              .maxDocumentLength(MAX_DOCUMENT_LENGTH)
              .maxStringLength(10_000)
              .maxNumberLength(40)
              .build())
          .build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build()
      .readerFor(Dto.Definition.class);

  private DefinitionReader() {}

  /** Holds the validator factory, built on first use (it takes a moment). */
  private static final class Validators {
    static {
      ValidatorBanner.quiet();
    }

    static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    static final Validator VALIDATOR = FACTORY.getValidator();
  }

  /**
   * Reads and checks a definition; does not close the stream.
   *
   * @param source names the input in messages, for example {@code "definition empowerment-scale.json"}
   * @throws InvalidInputException listing every violation with its JSON path
   */
  public static InstrumentDefinition read(InputStream in, String source) {
    Dto.Definition dto = parse(in, source);
    validate(dto, source);
    return map(dto, source);
  }

  private static Dto.Definition parse(InputStream in, String source) {
    try {
      Dto.Definition dto = READER.readValue(in);
      if (dto == null) {
        throw InvalidInputException.of("invalid " + source, Violation.at("$", "the document is empty or null"));
      }
      return dto;
    } catch (JsonMappingException e) {
      throw InvalidInputException.of("invalid " + source, Violation.at(path(e), e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "$"
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw InvalidInputException.of("invalid " + source, Violation.at(where, "malformed JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + source, e);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      }
    }
    return sb.length() == 0 ? "$" : sb.toString();
  }

  private static void validate(Dto.Definition dto, String source) {
    List<Violation> violations = Validators.VALIDATOR.validate(dto).stream()
        .sorted(Comparator.comparing((ConstraintViolation<Dto.Definition> v) -> v.getPropertyPath().toString())
            .thenComparing(ConstraintViolation::getMessage))
        .map(v -> Violation.at(cleanPath(v.getPropertyPath().toString()), v.getMessage()))
        .toList();
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid " + source, violations);
    }
  }

  /** {@code items[3].<list element>} becomes {@code items[3]}; {@code scale.ordered} stays. */
  private static String cleanPath(String path) {
    String cleaned = path.replace(".<list element>", "").replace("<list element>", "")
        .replace(".<map value>", "").replace("<map value>", "");
    return cleaned.isEmpty() ? "$" : cleaned;
  }

  private static InstrumentDefinition map(Dto.Definition dto, String source) {
    List<Violation> violations = new ArrayList<>();
    ResponseScale defaultScale = scale(dto.scale(), "scale", violations);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < dto.items().size(); i++) {
      Dto.Item item = dto.items().get(i);
      ResponseScale scale = item.scale() == null ? defaultScale : scale(item.scale(), "items[" + i + "].scale", violations);
      if (scale != null) {
        items.add(new Item(item.number(), item.label(), item.keying(), scale));
      }
    }
    List<Subscale> subscales = new ArrayList<>();
    for (int s = 0; s < dto.subscales().size(); s++) {
      Dto.Subscale sub = dto.subscales().get(s);
      String at = "subscales[" + s + "]";
      List<Transform> transforms = new ArrayList<>();
      List<Dto.Transform> steps = sub.transforms() == null ? List.of() : sub.transforms();
      for (Dto.Transform step : steps) {
        transforms.add(step.type() == Dto.TransformType.LINEAR
            ? new Transform.Linear(step.shift() == null ? 0 : step.shift(), step.factor())
            : new Transform.Lookup(new TreeMap<>(step.table())));
      }
      Optional<Psychometrics> psychometrics = Optional.ofNullable(sub.psychometrics()).map(p -> new Psychometrics(
          p.reliability(), p.referenceSd(),
          p.clinicalCutoff() == null ? OptionalDouble.empty() : OptionalDouble.of(p.clinicalCutoff()),
          p.source(), p.verification()));
      try {
        subscales.add(new Subscale(SubscaleId.of(sub.id()), sub.label(), sub.items(), sub.aggregation(),
            transforms, new MissingItemRule(sub.minAnswered()), sub.polarity(), psychometrics));
      } catch (IllegalArgumentException e) {
        violations.add(Violation.at(at, e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid " + source, violations);
    }
    List<ScoringFact> provenance = dto.provenance().stream()
        .map(f -> new ScoringFact(f.fact(), f.source(), f.verification()))
        .toList();
    try {
      return new InstrumentDefinition(InstrumentId.of(dto.id()), dto.version(), dto.name(), dto.construct(),
          dto.citation(), dto.licence(), items, subscales, SubscaleId.of(dto.primary()),
          dto.maxMissingItems() == null ? OptionalInt.empty() : OptionalInt.of(dto.maxMissingItems()),
          provenance);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("invalid " + source, e.violations());
    }
  }

  private static ResponseScale scale(Dto.Scale scale, String at, List<Violation> violations) {
    try {
      return new ResponseScale(scale.min(), scale.max(), scale.labels() == null ? List.of() : scale.labels());
    } catch (IllegalArgumentException e) {
      violations.add(Violation.at(at, e.getMessage()));
      return null;
    }
  }
}
