package org.outcome.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.outcome.examples.signtest.SignTestProvider;

/**
 * The examples module as a plugin (tests run on the class path, where the descriptor does not
 * hold): it exports nothing, provides its analysis and instrument as services, and opens nothing
 * (the instrument provider hands its definition's URL over).
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
    assertThat(descriptor.opens()).isEmpty();
  }
}
