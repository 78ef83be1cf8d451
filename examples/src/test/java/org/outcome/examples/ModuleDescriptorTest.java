package org.outcome.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.outcome.examples.signtest.SignTestProvider;

/**
 * The examples module as a plugin (tests run on the class path, where the descriptor does not
 * hold): it exports nothing, provides its analysis and instrument as services, and opens only the
 * instrument's package, to the module that reads its definition.
 */
class ModuleDescriptorTest {
  @Test
  void exportsNothingAndProvidesBothPlugins() throws Exception {
    Path location = Path.of(SignTestProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor descriptor = ModuleFinder.of(location).find("org.outcome.examples").orElseThrow().descriptor();

    assertThat(descriptor.exports()).isEmpty();
    assertThat(descriptor.provides()).extracting(Provides::service, Provides::providers).containsExactlyInAnyOrder(
        Tuple.tuple("org.outcome.api.plugin.AnalysisProvider",
            List.of("org.outcome.examples.signtest.SignTestProvider")),
        Tuple.tuple("org.outcome.api.plugin.InstrumentProvider",
            List.of("org.outcome.examples.localinstrument.PeerContactInstruments")));
    assertThat(descriptor.opens()).extracting(Opens::source, Opens::targets).containsExactly(
        Tuple.tuple("org.outcome.examples.localinstrument",
            Set.of("org.outcome.instruments")));
  }
}
