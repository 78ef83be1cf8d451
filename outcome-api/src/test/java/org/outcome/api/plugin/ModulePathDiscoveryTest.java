package org.outcome.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery on the module path: compiles a plugin module that declares
 * {@code provides org.outcome.api.plugin.InstrumentProvider} (and has no {@code META-INF/services}
 * file), puts it and the real {@code org.outcome.api} module in a new module layer, and loads the
 * registry inside that layer. This checks the {@code uses} clauses of the api's module descriptor.
 */
class ModulePathDiscoveryTest {
  @TempDir Path dir;

  private static final String MODULE_INFO = """
      module org.example.plugin {
        requires org.outcome.api;
        provides org.outcome.api.plugin.InstrumentProvider with org.example.plugin.HelloProvider;
      }
      """;

  private static final String PROVIDER = """
      package org.example.plugin;

      import java.util.*;
      import org.outcome.api.InstrumentId;
      import org.outcome.api.instrument.*;
      import org.outcome.api.plugin.InstrumentProvider;

      public final class HelloProvider implements InstrumentProvider {
        @Override
        public List<Instrument> instruments() {
          SubscaleId total = SubscaleId.of("total");
          InstrumentDefinition d = new InstrumentDefinition(InstrumentId.of("hello"), "1", "Hello",
              Construct.OTHER, "none", "public domain",
              List.of(new Item(1, "only", Keying.POSITIVE, ResponseScale.of(0, 1))),
              List.of(new Subscale(total, "Total", List.of(1), Aggregation.SUM, List.of(),
                  MissingItemRule.allRequired(1), Polarity.HIGHER_IS_BETTER, Optional.empty())),
              total, OptionalInt.empty(), List.of());
          return List.of(new Instrument() {
            public InstrumentDefinition definition() { return d; }
            public Score score(ResponseSet r) {
              return new Score(d.id(), "1", total, List.of(SubscaleScore.scored(total, r.value(0), List.of(), false)));
            }
          });
        }
      }
      """;

  @Test
  void findsAProviderDeclaredWithProvidesInAModuleLayer() throws Exception {
    Path apiModule = Path.of(InstrumentProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // the api reads org.slf4j (the registries log plugin discovery), so the layer needs it too
    Path slf4j = Path.of(org.slf4j.Logger.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path src = dir.resolve("src");
    Path out = dir.resolve("out");
    Files.createDirectories(src.resolve("org/example/plugin"));
    Files.createDirectories(out);
    Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("org/example/plugin/HelloProvider.java"), PROVIDER);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("--module-path", apiModule + File.pathSeparator + slf4j, "-d", out.toString()), null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjects(
            src.resolve("module-info.java"), src.resolve("org/example/plugin/HelloProvider.java")))
        .call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();
    assertThat(out.resolve("META-INF")).doesNotExist();

    ModuleFinder finder = ModuleFinder.of(apiModule, slf4j, out);
    Configuration configuration = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("org.example.plugin"));
    ModuleLayer layer = ModuleLayer.boot()
        .defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());

    Class<?> registryClass = layer.findLoader("org.outcome.api")
        .loadClass("org.outcome.api.plugin.InstrumentRegistry");
    assertThat(registryClass.getModule().getName()).isEqualTo("org.outcome.api");
    Object registry = registryClass.getMethod("load", ModuleLayer.class).invoke(null, layer);

    assertThat(registryClass.getMethod("ids").invoke(registry)).hasToString("[hello]");
    Object idClass = layer.findLoader("org.outcome.api").loadClass("org.outcome.api.InstrumentId")
        .getMethod("of", String.class).invoke(null, "hello");
    assertThat(registryClass.getMethod("providerOf", idClass.getClass()).invoke(registry, idClass))
        .hasToString("Optional[org.example.plugin.HelloProvider]");
  }
}
