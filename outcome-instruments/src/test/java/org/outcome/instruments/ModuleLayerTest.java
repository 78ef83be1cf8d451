package org.outcome.instruments;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
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

  @Test
  void theBuiltInProviderWorksOnTheModulePath() throws Exception {
    List<Path> path = List.of(
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
}
