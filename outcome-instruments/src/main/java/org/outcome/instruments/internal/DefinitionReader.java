package org.outcome.instruments.internal;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
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
import org.outcome.instruments.internal.json.JsonDocumentReader;

/**
 * Reads a JSON instrument definition in three checked steps, each reporting every problem it finds
 * as an {@link InvalidInputException} whose violations are located by JSON path:
 * <ol>
 *   <li>binding and 2. field rules: the library's one JSON reader ({@link JsonDocumentReader}:
 *       strict, bounded Jackson into {@link Dto}, then Jakarta Bean Validation), whose problems are
 *       reported together;
 *   <li value="3">cross-field rules: the API's {@link InstrumentDefinition} constructor.
 * </ol>
 * Thread-safe.
 */
public final class DefinitionReader {
  /** The largest definition file accepted, in characters. */
  public static final long MAX_DOCUMENT_LENGTH = 1_000_000;
  /** The deepest nesting of objects and arrays accepted. */
  public static final int MAX_NESTING_DEPTH = 16;

  private static final JsonDocumentReader<Dto.Definition> READER =
      JsonDocumentReader.of(Dto.Definition.class, MAX_NESTING_DEPTH, MAX_DOCUMENT_LENGTH);

  private DefinitionReader() {}

  /**
   * Reads and checks a definition; does not close the stream.
   *
   * @param source names the input in messages, for example {@code "definition empowerment-scale.json"}
   * @throws InvalidInputException listing every violation with its JSON path
   */
  public static InstrumentDefinition read(InputStream in, String source) {
    Dto.Definition dto;
    try {
      dto = READER.read(in).orThrow("invalid " + source);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("could not read " + source, e.getCause());
    }
    return map(dto, source);
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
