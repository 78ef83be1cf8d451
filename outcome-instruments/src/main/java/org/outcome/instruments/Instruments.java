package org.outcome.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
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
 * <p>A third party ships its own instrument as a JSON resource and a three-line provider, which
 * looks its resource up itself, so that it works on the module path without opening its package:
 *
 * <pre>{@code
 * public final class MyInstruments implements InstrumentProvider {
 *   public List<Instrument> instruments() {
 *     return List.of(Instruments.fromResource(MyInstruments.class.getResource("my-scale.json")));
 *   }
 * }
 * }</pre>
 *
 * <p>The JSON format is that of the built-in definitions under
 * {@code org/outcome/instruments/definitions/}, documented field by field in docs/instrument-format.md,
 * with a JSON Schema in {@code org/outcome/instruments/schema/}. Reading
 * rejects unknown properties and duplicate keys, bounds nesting depth ({@value
 * DefinitionReader#MAX_NESTING_DEPTH}) and size ({@value DefinitionReader#MAX_DOCUMENT_LENGTH}
 * characters), refuses a value of the wrong kind rather than converting it (a fraction or text
 * where a whole number is meant, a number where text is meant), checks every field rule (Jakarta
 * Bean Validation) and every cross-field rule ({@link InstrumentDefinition}), and reports all
 * violations together, each located by its JSON path, in one {@link InvalidInputException} (the
 * cross-field rules run on stand-ins for fields that could not be read, and leave out what a
 * stand-in could have caused). Messages name the field and what is wrong, never the value.
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
   * (a name without a leading {@code /} is relative to the anchor's package). The resource is
   * looked up from this module: when the anchor is in a named module, its package must be open to
   * {@code org.outcome.instruments}. A plugin on the module path need not open it if it passes the
   * resource's URL instead, looked up by its own code: {@link #readDefinition(URL)}.
   *
   * @throws InvalidInputException if the resource is missing (saying which {@code opens} line a
   *     named module lacks, when that is why) or the definition is invalid
   */
  public static InstrumentDefinition readDefinition(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw InvalidInputException.of("cannot read instrument definition",
            Violation.at(resource, "no such resource next to " + anchor.getName() + closedPackage(anchor, resource)));
      }
      return readDefinition(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + resource, e);
    }
  }

  /**
   * Reads and checks a definition from a URL. A provider passes its own
   * {@code getClass().getResource("my-scale.json")}: its code looks the resource up, so this works
   * on the module path without opening the package, and on the class path alike.
   *
   * @param resource the definition's URL; {@code null} (what {@code getResource} returns for a
   *     missing resource) is refused with a message saying so
   * @throws InvalidInputException if {@code resource} is null or the definition is invalid
   */
  public static InstrumentDefinition readDefinition(URL resource) {
    if (resource == null) {
      throw InvalidInputException.of("cannot read instrument definition", Violation.at("resource",
          "no such resource: getResource returned null (check the name, relative to the provider's package,"
              + " and that the file is packaged beside the provider)"));
    }
    String path = resource.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    try (InputStream in = resource.openStream()) {
      return readDefinition(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + name, e);
    }
  }

  /**
   * Why a relative resource of a class in a named module cannot be read from here, with the line
   * that fixes it; empty otherwise.
   */
  private static String closedPackage(Class<?> anchor, String resource) {
    Module module = anchor.getModule();
    String pkg = anchor.getPackageName();
    if (!module.isNamed() || resource.startsWith("/") || module.isOpen(pkg, Instruments.class.getModule())) {
      return "";
    }
    return "; module " + module.getName() + " does not open package " + pkg + " to org.outcome.instruments,"
        + " which therefore cannot see its resources: pass the URL instead, Instruments.fromResource("
        + anchor.getSimpleName() + ".class.getResource(\"" + resource + "\")), or add 'opens " + pkg
        + " to org.outcome.instruments;' to module-info.java";
  }

  /**
   * An instrument that scores by the definition: reverse keying, aggregation, proration under the
   * missing-item rules, transforms, as the {@link org.outcome.api.instrument} package describes.
   * Immutable and thread-safe.
   */
  public static Instrument of(InstrumentDefinition definition) {
    return new ScoringEngine(Objects.requireNonNull(definition, "definition"));
  }

  /**
   * Reads a definition from a resource next to a class and returns the instrument that scores by
   * it; on the module path the class's package must be open to {@code org.outcome.instruments}
   * ({@link #readDefinition(Class, String)}), which {@link #fromResource(URL)} does not need.
   */
  public static Instrument fromResource(Class<?> anchor, String resource) {
    return of(readDefinition(anchor, resource));
  }

  /**
   * Reads a definition from a URL and returns the instrument that scores by it: in a provider,
   * {@code Instruments.fromResource(MyInstruments.class.getResource("my-scale.json"))}, which works
   * on the module path without an {@code opens} and on the class path alike.
   */
  public static Instrument fromResource(URL resource) {
    return of(readDefinition(resource));
  }
}
