package org.outcome.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedBinaryTable;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.internal.ComparisonAnalyses;

/** The analyses are registered for the evaluation runner, on the class path and on the module path. */
class AnalysisRegistrationTest {
  static final List<String> IDS = List.of("ancova", "chi-square", "fisher-exact", "mann-whitney", "mcnemar",
      "paired-effect-size", "paired-t", "rate-ratio", "risk-difference", "risk-ratio", "standardized-mean-difference",
      "student-t", "welch-t", "wilcoxon-signed-rank");

  @Test
  void serviceLoaderFindsEveryAnalysisOnTheClassPath() {
    AnalysisRegistry registry = AnalysisRegistry.load();
    for (String id : IDS) {
      assertThat(registry.find(AnalysisId.of(id))).as(id).isPresent();
      assertThat(registry.providerOf(AnalysisId.of(id))).contains(ComparisonAnalyses.class.getName());
    }
  }

  /** The survival analyses, registered by their own providers. */
  static final List<String> SURVIVAL_IDS = List.of("kaplan-meier", "log-rank", "rmst", "cox-efron", "cox-breslow");

  @Test
  void everyRegisteredAnalysisStatesItsAssumptionsInASentenceOrTwo() {
    AnalysisRegistry registry = AnalysisRegistry.load();
    assertThat(registry.ids()).extracting(AnalysisId::value).containsAll(IDS).containsAll(SURVIVAL_IDS);
    for (var analysis : registry.all()) {
      String a = analysis.assumptions();
      assertThat(a).as(analysis.id().value()).isNotBlank().endsWith(".").doesNotContain("  ").hasSizeLessThan(330);
      assertThat(a.split("\\. ")).as(analysis.id().value() + ": at most two sentences").hasSizeLessThanOrEqualTo(2);
    }
    assertThat(registry.require(AnalysisId.of("welch-t")).assumptions()).contains("does not assume equal variances");
    assertThat(registry.require(AnalysisId.of("log-rank")).assumptions()).contains("proportional hazards");
    assertThat(registry.require(AnalysisId.of("cox-efron")).assumptions()).contains("cox.zph", "censoring");
  }

  @Test
  void eachAnalysisRunsOnItsSampleTypeWithTheSettingsLevel() {
    AnalysisRegistry registry = AnalysisRegistry.of(List.of(new ComparisonAnalyses()));
    AnalysisSettings settings = AnalysisSettings.defaults().withConfLevel(0.9);
    PairedSample paired = PairedSample.of(new double[] {10, 12, 9, 14, 11}, new double[] {12, 15, 9, 17, 11.5});
    GroupedSample grouped = GroupedSample.of(new double[] {3, 5, 4, 6, 8, 7, 9, 5},
        Factor.of("peer", "peer", "peer", "peer", "usual", "usual", "usual", "usual"));
    GroupedPrePostSample prePost = GroupedPrePostSample.of(new double[] {3, 5, 4, 6, 8, 7, 9, 5},
        new double[] {4, 7, 4, 8, 8, 8, 10, 5}, Factor.of("peer", "peer", "peer", "peer", "usual", "usual", "usual", "usual"));
    for (String id : IDS) {
      var analysis = registry.require(AnalysisId.of(id));
      Object sample = switch (analysis.sampleType().getSimpleName()) {
        case "PairedSample" -> paired;
        case "GroupedSample" -> grouped;
        case "GroupedPrePostSample" -> prePost;
        case "TwoByTwoTable" -> TwoByTwoTable.of(12, 48, 24, 36);
        case "PairedBinaryTable" -> PairedBinaryTable.of(20, 9, 3, 30);
        case "PersonTimeCounts" -> new PersonTimeCounts(11, 800, 21, 3011);
        default -> throw new AssertionError("unexpected sample type " + analysis.sampleType());
      };
      AnalysisResult r = registry.run(AnalysisId.of(id), (org.outcome.api.sample.Sample) sample, settings);
      assertThat(r.method()).as(id).isNotBlank();
      r.estimate().flatMap(e -> e.interval()).ifPresent(ci -> assertThat(ci.level()).as(id).isEqualTo(0.9));
      assertThat(analysis.design()).isIn(Design.BEFORE_AND_AFTER, Design.COMPARISON_GROUP);
    }
  }

  @Test
  void theModuleDescriptorProvidesTheAnalysesInAModuleLayer() throws Exception {
    Path stats = location(ComparisonAnalyses.class);
    Path api = location(AnalysisRegistry.class);
    Path hipparchusCore = location(org.hipparchus.special.Gamma.class);
    // org.outcome.api reads org.slf4j (its registries log); found by name, as this module does not use it
    Path slf4j = location(Class.forName("org.slf4j.Logger"));
    ModuleFinder finder = ModuleFinder.of(stats, api, hipparchusCore, slf4j);
    Configuration config = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("org.outcome.stats"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
    // the registry of the layer's own org.outcome.api module, loading through the stats module's `provides`
    Class<?> registryClass = layer.findLoader("org.outcome.api").loadClass("org.outcome.api.plugin.AnalysisRegistry");
    assertThat(registryClass.getModule().getName()).isEqualTo("org.outcome.api");
    Object registry = registryClass.getMethod("load", ModuleLayer.class).invoke(null, layer);
    String ids = registryClass.getMethod("ids").invoke(registry).toString(); // "[ancova, chi-square, ...]"
    assertThat(List.of(ids.substring(1, ids.length() - 1).split(", "))).containsAll(IDS);
    Module module = layer.findModule("org.outcome.stats").orElseThrow();
    assertThat(module.getDescriptor().exports()).extracting(e -> e.source())
        .contains("org.outcome.stats.paired", "org.outcome.stats.groups", "org.outcome.stats.tables",
            "org.outcome.stats.multiplicity", "org.outcome.stats.common")
        .doesNotContain("org.outcome.stats.internal");
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
