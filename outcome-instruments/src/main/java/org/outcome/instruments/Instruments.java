package org.outcome.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.instruments.internal.DefinitionReader;
import org.outcome.instruments.internal.ScoringEngine;

/**
 * Entry points for instruments as data: read a JSON definition, and turn a definition into an
 * {@link Instrument} that scores by it.
 *
 * <p>A third party ships its own instrument as a JSON resource and a three-line provider:
 *
 * <pre>{@code
 * public final class MyInstruments implements InstrumentProvider {
 *   public List<Instrument> instruments() {
 *     return List.of(Instruments.fromResource(MyInstruments.class, "my-scale.json"));
 *   }
 * }
 * }</pre>
 *
 * <p>The JSON format is that of the built-in definitions under
 * {@code org/outcome/instruments/definitions/} (see docs/instruments.md). Reading
 * rejects unknown properties and duplicate keys, bounds nesting depth ({@value
 * DefinitionReader#MAX_NESTING_DEPTH}) and size ({@value DefinitionReader#MAX_DOCUMENT_LENGTH}
 * characters), refuses a value of the wrong kind rather than converting it (a fraction or text
 * where a whole number is meant, a number where text is meant), checks every field rule (Jakarta
 * Bean Validation) and every cross-field rule ({@link InstrumentDefinition}), and reports all
 * violations of a step together, each located by its JSON path, in one
 * {@link InvalidInputException}. Messages name the field and what is wrong, never the value.
 */
public final class Instruments {
  private Instruments() {}

  /**
   * Reads and checks a definition from a JSON stream, which is not closed.
   *
   * @param source names the input in messages, for example {@code "my-scale.json"}
   * @throws InvalidInputException listing every violation found, each with its JSON path
   */
  public static InstrumentDefinition readDefinition(InputStream json, String source) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    return DefinitionReader.read(json, source);
  }

  /**
   * Reads and checks a definition from a resource, resolved like {@link Class#getResourceAsStream}
   * (a name without a leading {@code /} is relative to the anchor's package).
   *
   * @throws InvalidInputException if the resource is missing or the definition is invalid
   */
  public static InstrumentDefinition readDefinition(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw InvalidInputException.of("cannot read instrument definition",
            Violation.at(resource, "no such resource next to " + anchor.getName()));
      }
      return readDefinition(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  /**
   * An instrument that scores by the definition: reverse keying, aggregation, proration under the
   * missing-item rules, transforms, as the {@link org.outcome.api.instrument} package describes.
   * Immutable and thread-safe.
   */
  public static Instrument of(InstrumentDefinition definition) {
    return new ScoringEngine(Objects.requireNonNull(definition, "definition"));
  }

  /** Reads a definition from a resource and returns the instrument that scores by it. */
  public static Instrument fromResource(Class<?> anchor, String resource) {
    return of(readDefinition(anchor, resource));
  }
}
