package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the module shows other modules (tests run on the class path, where no export holds): the
 * API and the report model only; the demonstration only to the command-line tool; the charts and
 * the runner's parts to nobody.
 */
class ModuleDescriptorTest {
  private static ModuleDescriptor descriptor() throws Exception {
    Path location = Path.of(Evaluation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(location).find("org.outcome.evaluation").orElseThrow().descriptor();
  }

  @Test
  void exportsTheApiAndTheReportModelAndTheDemoOnlyToTheCli() throws Exception {
    Map<String, Set<String>> exports = descriptor().exports().stream()
        .collect(Collectors.toMap(Exports::source, Exports::targets));

    assertThat(exports).containsOnly(
        Map.entry("org.outcome.evaluation", Set.of()),
        Map.entry("org.outcome.evaluation.report", Set.of()),
        Map.entry("org.outcome.evaluation.demo", Set.of("org.outcome.cli")));
    assertThat(descriptor().packages()).contains("org.outcome.evaluation.svg", "org.outcome.evaluation.internal");
  }
}
