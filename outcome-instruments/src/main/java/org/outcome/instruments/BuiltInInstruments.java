package org.outcome.instruments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentProvider;

/**
 * The instruments shipped with outcome: every JSON definition in
 * {@code org/outcome/instruments/definitions/} (the Empowerment Scale, the Mental Health
 * Confidence Scale, the General Self-Efficacy Scale, MANSA, WHOQOL-BREF, ReQoL-10, ReQoL-20,
 * WEMWBS and SWEMWBS today). Registered as an {@link InstrumentProvider} service; the definitions
 * are found and read when the provider is created, in file-name order, so that shipping another
 * instrument is one JSON file in that folder and nothing else.
 *
 * <p>The folder is listed from this module's own content: through the module reader on the module
 * path (a jar, an exploded folder or a {@code jlink} image), or from the jar or folder this class
 * was loaded from on the class path (including a jar that bundles its dependencies).
 */
public final class BuiltInInstruments implements InstrumentProvider {
  private static final String FOLDER = "org/outcome/instruments/definitions/";

  private final List<Instrument> instruments;

  /** Reads every shipped definition. */
  public BuiltInInstruments() {
    this.instruments = definitions().stream()
        .map(resource -> Instruments.fromResource(BuiltInInstruments.class, resource))
        .toList();
  }

  @Override
  public List<Instrument> instruments() {
    return instruments;
  }

  /**
   * The shipped definitions as resource names relative to this class
   * ({@code definitions/gse.json}, ...), sorted.
   */
  static List<String> definitions() {
    try (Stream<String> names = resourceNames()) {
      List<String> found = names
          .filter(name -> name.startsWith(FOLDER) && name.endsWith(".json")
              && name.indexOf('/', FOLDER.length()) < 0)
          .map(name -> name.substring("org/outcome/instruments/".length()))
          .sorted()
          .toList();
      if (found.isEmpty()) {
        throw new IllegalStateException("no instrument definitions found in " + FOLDER
            + " of the outcome-instruments module: the jar is incomplete");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped instrument definitions", e);
    }
  }

  /** Every resource name in the module or jar this class comes from; the caller closes it. */
  private static Stream<String> resourceNames() throws IOException {
    Module module = BuiltInInstruments.class.getModule();
    if (module.isNamed() && module.getLayer() != null) {
      ResolvedModule resolved = module.getLayer().configuration().findModule(module.getName()).orElseThrow();
      ModuleReader reader = resolved.reference().open();
      return reader.list().onClose(() -> close(reader));
    }
    CodeSource source = BuiltInInstruments.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      throw new IllegalStateException("cannot tell where the outcome-instruments classes were loaded from");
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot list the shipped instrument definitions from "
          + source.getLocation().getProtocol() + " locations", e);
    }
    if (Files.isDirectory(location)) {
      Path folder = location.resolve(FOLDER);
      if (!Files.isDirectory(folder)) {
        return Stream.empty();
      }
      return Files.list(folder).map(p -> FOLDER + p.getFileName());
    }
    ZipFile jar = new ZipFile(location.toFile());
    return jar.stream().map(entry -> entry.getName()).onClose(() -> close(jar));
  }

  private static void close(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the instruments module's reader", e);
    }
  }
}
