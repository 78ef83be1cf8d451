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
import org.outcome.instruments.internal.json.JsonPaths;

/**
 * Reads a JSON instrument definition in three checked steps, whose problems are reported together
 * in one {@link InvalidInputException}, each violation located by JSON path (with field problems,
 * the rules across fields run on stand-ins for the unreadable fields, {@link StandIns}):
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
    JsonDocumentReader.Result<Dto.Definition> result;
    try {
      result = READER.read(in);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("could not read " + source, e.getCause());
    }
    if (result.violations().isEmpty()) {
      return map(result.value().orElseThrow(), source);
    }
    List<Violation> all = new ArrayList<>(result.violations());
    result.value().ifPresent(dto -> all.addAll(acrossFields(dto, source, result.violations())));
    throw new InvalidInputException("invalid " + source, all);
  }

  /**
   * The rules across fields, run on a definition that has field problems too, so that a file's
   * problems come together: each unreadable field stands in as a neutral value (a blank text as
   * {@code ?}, a bad enum as its first constant, a bad rule as the loosest), and a problem the
   * stand-ins could have caused (one about a part that has a field problem, or a part inside it)
   * is left out. When the parts the rules are about cannot be read (an item or subscale without a
   * readable number or id, no readable scale), the field problems are all there is to say.
   */
  private static List<Violation> acrossFields(Dto.Definition dto, String source, List<Violation> fieldProblems) {
    Optional<Dto.Definition> readable = StandIns.of(dto);
    if (readable.isEmpty()) {
      return List.of();
    }
    try {
      map(readable.get(), source);
      return List.of();
    } catch (InvalidInputException e) {
      return e.violations().stream()
          .filter(v -> fieldProblems.stream().noneMatch(f -> related(f.location(), v.location())))
          .toList();
    } catch (IllegalArgumentException | NullPointerException e) {
      // a value the stand-ins pass on that the model refuses outright is one of the field problems
      // already reported; the rules across fields then have nothing more to add
      return List.of();
    }
  }

  /** Whether one location is the other or lies inside it. */
  private static boolean related(String a, String b) {
    return JsonPaths.within(a, b) || JsonPaths.within(b, a);
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
