package org.outcome.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor at work: puts {@code org.outcome.instruments} and its dependencies on a
 * module path in a fresh layer, loads the {@code InstrumentRegistry} inside it, and scores. This
 * fails if a {@code requires} is missing, if the {@code provides} clause is wrong, or if the DTO
 * package is not opened to Jackson and Hibernate Validator (tests otherwise run on the class path).
 */
class ModuleLayerTest {
  private static Path locationOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<Path> modulePath() throws Exception {
    return List.of(
        locationOf(Instruments.class),
        locationOf(org.outcome.api.InstrumentId.class),
        locationOf(org.outcome.io.CsvRecords.class),
        locationOf(com.fasterxml.jackson.databind.ObjectMapper.class),
        locationOf(com.fasterxml.jackson.core.JsonFactory.class),
        locationOf(com.fasterxml.jackson.annotation.JsonProperty.class),
        locationOf(com.fasterxml.jackson.dataformat.csv.CsvMapper.class),
        locationOf(jakarta.validation.Validation.class),
        locationOf(org.hibernate.validator.HibernateValidator.class),
        locationOf(Class.forName("org.jboss.logging.Logger")),
        locationOf(Class.forName("com.fasterxml.classmate.TypeResolver")),
        locationOf(org.slf4j.LoggerFactory.class));
  }

  @Test
  void theBuiltInProviderWorksOnTheModulePath() throws Exception {
    List<Path> path = modulePath();
    ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration config = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("org.outcome.instruments"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());

    assertThat(layer.findModule("org.outcome.instruments")).isPresent();
    ClassLoader loader = layer.findLoader("org.outcome.api");
    Class<?> registryType = loader.loadClass("org.outcome.api.plugin.InstrumentRegistry");
    assertThat(registryType.getModule().getName()).isEqualTo("org.outcome.api");
    Object registry = registryType.getMethod("load", ModuleLayer.class).invoke(null, layer);
    assertThat(registryType.getMethod("ids").invoke(registry).toString())
        .isEqualTo("[empowerment-scale, gse, mansa, mhcs, reqol-10, reqol-20, swemwbs, wemwbs, whoqol-bref]");

    // Score inside the layer: GSE, ten answers of 3 -> 30.
    Class<?> idType = loader.loadClass("org.outcome.api.InstrumentId");
    Object id = idType.getMethod("of", String.class).invoke(null, "gse");
    Object instrument = registryType.getMethod("require", idType).invoke(registry, id);
    Class<?> responseSetType = loader.loadClass("org.outcome.api.instrument.ResponseSet");
    Object answers = responseSetType.getMethod("complete", idType, int[].class)
        .invoke(null, id, new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3});
    Class<?> instrumentType = loader.loadClass("org.outcome.api.instrument.Instrument");
    Object score = instrumentType.getMethod("score", responseSetType).invoke(instrument, answers);
    Object primary = score.getClass().getMethod("primaryScore").invoke(score);
    assertThat(primary.getClass().getMethod("value").invoke(primary).toString()).isEqualTo("OptionalDouble[30.0]");

    // The scoring engine stays hidden from other modules; the JSON document reader is shared with
    // the evaluation module alone.
    Set<ModuleDescriptor.Exports> exports =
        layer.findModule("org.outcome.instruments").orElseThrow().getDescriptor().exports();
    assertThat(exports).filteredOn(e -> !e.isQualified())
        .extracting(e -> e.source())
        .containsExactlyInAnyOrder("org.outcome.instruments", "org.outcome.instruments.batch");
    assertThat(exports).filteredOn(ModuleDescriptor.Exports::isQualified).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("org.outcome.instruments.internal.json");
      assertThat(e.targets()).containsExactly("org.outcome.evaluation");
    });
  }

  private static final String PLUGIN_MODULE = """
      module org.example.hope {
        requires org.outcome.api;
        requires org.outcome.instruments;
        provides org.outcome.api.plugin.InstrumentProvider
            with org.example.hope.ByUrl, org.example.hope.ByClass;
      }
      """;

  private static final String BY_URL = """
      package org.example.hope;

      import java.util.List;
      import org.outcome.api.instrument.Instrument;
      import org.outcome.api.plugin.InstrumentProvider;
      import org.outcome.instruments.Instruments;

      public final class ByUrl implements InstrumentProvider {
        @Override
        public List<Instrument> instruments() {
          return List.of(Instruments.fromResource(ByUrl.class.getResource("hope-scale.json")));
        }
      }
      """;

  private static final String BY_CLASS = """
      package org.example.hope;

      import java.util.List;
      import org.outcome.api.instrument.Instrument;
      import org.outcome.api.plugin.InstrumentProvider;
      import org.outcome.instruments.Instruments;

      public final class ByClass implements InstrumentProvider {
        @Override
        public List<Instrument> instruments() {
          return List.of(Instruments.fromResource(ByClass.class, "other-scale.json"));
        }
      }
      """;

  /**
   * A plugin module that opens nothing, as README's instructions give it: its provider that passes
   * the resource's URL loads and scores; one that passes its class and a name cannot be read from
   * {@code org.outcome.instruments}, and the message says which {@code opens} line (or the URL form)
   * fixes it.
   */
  @Test
  void aPluginModuleThatOpensNothingLoadsItsDefinitionByUrl(@TempDir Path dir) throws Exception {
    Path src = dir.resolve("src");
    Path out = dir.resolve("out");
    Files.createDirectories(src.resolve("org/example/hope"));
    Files.createDirectories(out.resolve("org/example/hope"));
    Files.writeString(src.resolve("module-info.java"), PLUGIN_MODULE);
    Files.writeString(src.resolve("org/example/hope/ByUrl.java"), BY_URL);
    Files.writeString(src.resolve("org/example/hope/ByClass.java"), BY_CLASS);
    String gse;
    try (var in = BuiltInInstruments.class.getResourceAsStream("definitions/gse.json")) {
      gse = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String name : List.of("hope-scale", "other-scale")) {
      String definition = gse.replaceFirst("\"id\"\\s*:\\s*\"gse\"", "\"id\": \"" + name + "\"");
      assertThat(definition).contains("\"" + name + "\"");
      Files.writeString(out.resolve("org/example/hope/" + name + ".json"), definition);
    }
    List<Path> path = modulePath();
    // java.util.spi.ToolProvider (java.base): these tests run inside the module, which reads no java.compiler
    java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
    StringWriter diagnostics = new StringWriter();
    PrintWriter log = new PrintWriter(diagnostics);
    boolean compiled = javac.run(log, log, "--module-path",
        path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)), "-d", out.toString(),
        src.resolve("module-info.java").toString(), src.resolve("org/example/hope/ByUrl.java").toString(),
        src.resolve("org/example/hope/ByClass.java").toString()) == 0;
    assertThat(compiled).as(diagnostics.toString()).isTrue();

    List<Path> withPlugin = new ArrayList<>(path);
    withPlugin.add(out);
    ModuleLayer boot = ModuleLayer.boot();
    Configuration config = boot.configuration().resolveAndBind(ModuleFinder.of(withPlugin.toArray(Path[]::new)),
        ModuleFinder.of(), Set.of("org.example.hope"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());
    Class<?> registryType = layer.findLoader("org.outcome.api").loadClass("org.outcome.api.plugin.InstrumentRegistry");
    Object loaded = registryType.getMethod("loadLeniently", ModuleLayer.class).invoke(null, layer);
    Object registry = loaded.getClass().getMethod("registry").invoke(loaded);
    List<?> failures = (List<?>) loaded.getClass().getMethod("failures").invoke(loaded);

    assertThat(registryType.getMethod("ids").invoke(registry).toString()).contains("hope-scale")
        .doesNotContain("other-scale");
    assertThat(failures).singleElement().satisfies(f -> assertThat(((Throwable) f).getMessage())
        .contains("org.example.hope.ByClass")
        .contains("module org.example.hope does not open package org.example.hope to org.outcome.instruments")
        .contains("'opens org.example.hope to org.outcome.instruments;'")
        .contains("Instruments.fromResource(ByClass.class.getResource(\"other-scale.json\"))"));
  }
}
