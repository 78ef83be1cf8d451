package org.outcome.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.AnalysisId;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.PluginException;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.TwoByTwoTable;

/**
 * Discovery on the class path: each test writes its own {@code META-INF/services} file into a
 * fresh directory and loads through a class loader that sees it, so tests cannot see each other's
 * plugins.
 */
class RegistryTest {
  @TempDir Path dir;

  private ClassLoader withServices(Class<?> service, Class<?>... providers) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    StringBuilder lines = new StringBuilder("# written by RegistryTest\n");
    for (Class<?> p : providers) {
      lines.append(p.getName()).append('\n');
    }
    Files.writeString(services.resolve(service.getName()), lines);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void discoversInstrumentProvidersOnTheClassPath() throws IOException {
    ClassLoader loader = withServices(InstrumentProvider.class, TestPlugins.AlphaBeta.class, TestPlugins.Gamma.class);

    InstrumentRegistry registry = InstrumentRegistry.load(loader);

    assertThat(registry.ids()).containsExactly(
        InstrumentId.of("alpha"), InstrumentId.of("beta"), InstrumentId.of("gamma"));
    assertThat(registry.providerOf(InstrumentId.of("gamma"))).contains(TestPlugins.Gamma.class.getName());
    assertThat(registry.require(InstrumentId.of("beta")).score(ResponseSet.complete(InstrumentId.of("beta"), 2, 3))
            .primaryScore().value())
        .hasValue(5.0);
  }

  @Test
  void findsNothingWhereNoProviderIsRegistered() throws IOException {
    InstrumentRegistry registry = InstrumentRegistry.load(withServices(InstrumentProvider.class));

    assertThat(registry.all()).isEmpty();
    assertThat(registry.find(InstrumentId.of("alpha"))).isEmpty();
  }

  @Test
  void unknownIdIsATypedErrorListingWhatIsInstalled() throws IOException {
    InstrumentRegistry registry = InstrumentRegistry.load(withServices(InstrumentProvider.class, TestPlugins.Gamma.class));

    assertThatThrownBy(() -> registry.require(InstrumentId.of("whoqol-bref")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no instrument 'whoqol-bref' is installed")
        .hasMessageContaining("[gamma]");
  }

  @Test
  void duplicateIdNamesBothProviders() throws IOException {
    ClassLoader loader = withServices(InstrumentProvider.class, TestPlugins.AlphaBeta.class, TestPlugins.AlphaAgain.class);

    assertThatThrownBy(() -> InstrumentRegistry.load(loader))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("'alpha'")
        .hasMessageContaining(TestPlugins.AlphaBeta.class.getName())
        .hasMessageContaining(TestPlugins.AlphaAgain.class.getName());
  }

  @Test
  void providerThatThrowsWhileLoadingIsNamed() throws IOException {
    ClassLoader loader = withServices(InstrumentProvider.class, TestPlugins.Gamma.class, TestPlugins.Exploding.class);

    assertThatThrownBy(() -> InstrumentRegistry.load(loader))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(TestPlugins.Exploding.class.getName())
        .hasMessageContaining("definition resource missing");
  }

  @Test
  void missingProviderClassIsAPluginError() throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(InstrumentProvider.class.getName()), "com.example.NoSuchProvider\n");
    ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());

    assertThatThrownBy(() -> InstrumentRegistry.load(loader))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("com.example.NoSuchProvider");
  }

  @Test
  void aLenientLoadLeavesOutEachBrokenProviderWholeAndKeepsTheRest() throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    // a missing class, a provider that throws, one that repeats an id, one with a blank id,
    // between two good ones
    Files.writeString(services.resolve(InstrumentProvider.class.getName()), String.join("\n",
        TestPlugins.AlphaBeta.class.getName(), "com.example.NoSuchProvider", TestPlugins.Exploding.class.getName(),
        TestPlugins.AlphaAgain.class.getName(), TestPlugins.BlankId.class.getName(),
        TestPlugins.Gamma.class.getName()) + "\n");
    ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());

    LenientLoad<InstrumentRegistry> loaded = InstrumentRegistry.loadLeniently(loader);

    assertThat(loaded.registry().ids()).containsExactly(
        InstrumentId.of("alpha"), InstrumentId.of("beta"), InstrumentId.of("gamma"));
    assertThat(loaded.registry().providerOf(InstrumentId.of("alpha"))).contains(TestPlugins.AlphaBeta.class.getName());
    assertThat(loaded.complete()).isFalse();
    assertThat(loaded.failures()).hasSize(4);
    assertThat(loaded.failures().get(0)).hasMessageContaining("com.example.NoSuchProvider");
    assertThat(loaded.failures().get(1)).hasMessageContaining(TestPlugins.Exploding.class.getName());
    assertThat(loaded.failures().get(2)).hasMessageContaining("'alpha'")
        .hasMessageContaining(TestPlugins.AlphaAgain.class.getName());
    assertThat(loaded.failures().get(3)).hasMessageContaining(TestPlugins.BlankId.class.getName());
    // the strict load of the same plugins stops at the first
    assertThatThrownBy(() -> InstrumentRegistry.load(loader)).isInstanceOf(PluginException.class)
        .hasMessageContaining("com.example.NoSuchProvider");
  }

  @Test
  void aLenientLoadOfGoodProvidersIsCompleteAndEqualsTheStrictOne() throws IOException {
    ClassLoader loader = withServices(InstrumentProvider.class, TestPlugins.AlphaBeta.class, TestPlugins.Gamma.class);

    LenientLoad<InstrumentRegistry> loaded = InstrumentRegistry.loadLeniently(loader);

    assertThat(loaded.complete()).isTrue();
    assertThat(loaded.registry().ids()).isEqualTo(InstrumentRegistry.load(loader).ids());
  }

  @Test
  void blankIdIsRejectedNamingTheProvider() throws IOException {
    ClassLoader loader = withServices(InstrumentProvider.class, TestPlugins.BlankId.class);

    assertThatThrownBy(() -> InstrumentRegistry.load(loader))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(TestPlugins.BlankId.class.getName())
        .hasMessageContaining("blank id");
  }

  @Test
  void registriesAreIndependentObjects() {
    InstrumentRegistry one = InstrumentRegistry.of(List.of(new TestPlugins.Gamma()));
    InstrumentRegistry two = InstrumentRegistry.of(List.of(new TestPlugins.AlphaBeta()));

    assertThat(one.ids()).containsExactly(InstrumentId.of("gamma"));
    assertThat(two.ids()).containsExactly(InstrumentId.of("alpha"), InstrumentId.of("beta"));
  }

  @Test
  void analysisRegistryRunsByIdAndChecksTheSampleType() throws IOException {
    AnalysisRegistry registry = AnalysisRegistry.load(withServices(AnalysisProvider.class, TestPlugins.MeanDifference.class));
    AnalysisId id = AnalysisId.of("mean-difference");

    PairedSample sample = PairedSample.of(new double[] {1, 2, 3}, new double[] {2, 4, 6});
    assertThat(registry.run(id, sample, AnalysisSettings.defaults()).estimate().orElseThrow().value())
        .isEqualTo(2.0);
    assertThatThrownBy(() -> registry.run(id, TwoByTwoTable.of(1, 2, 3, 4), AnalysisSettings.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("takes a PairedSample, not a TwoByTwoTable");
    assertThatThrownBy(() -> registry.require(AnalysisId.of("sign-test")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no analysis 'sign-test'");
  }

  @Test
  void duplicateAnalysisFromOneProviderIsReported() {
    AnalysisProvider twice = () -> List.of(
        new TestPlugins.MeanDifference().analyses().get(0), new TestPlugins.MeanDifference().analyses().get(0));

    assertThatThrownBy(() -> AnalysisRegistry.of(List.of(twice)))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("'mean-difference' is contributed twice by");
  }
}
