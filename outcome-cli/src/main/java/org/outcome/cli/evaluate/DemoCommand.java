package org.outcome.cli.evaluate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.cli.ExitCodes;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Generates the synthetic demonstration evaluation and runs it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic peer-support evaluation and run it.",
      "The data are seeded and describe no real people: two consecutive cohorts, the",
      "Empowerment Scale, MHCS and SWEMWBS before and after, sessions attended and",
      "three years of hospital episodes. Writes the data, evaluation.json, report.json",
      "and report.html."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "demo-report",
      description = "Where to write the data, the configuration and the reports (default: ${DEFAULT-VALUE}).")
  Path outputDir;

  @Option(names = "--seed", paramLabel = "N", description = "The random seed (default: 2026).")
  Long seed;

  @Option(names = "--people-per-group", paramLabel = "N", description = "People per group (default: 250).")
  Integer perGroup;

  @Override
  public Integer call() {
    DemoSpec demo = DemoSpec.standard();
    if (seed != null) {
      demo = demo.withSeed(seed);
    }
    if (perGroup != null) {
      demo = demo.withPerGroup(perGroup);
    }
    Demo.Result result = Demo.run(demo, outputDir, InstrumentRegistry.load(), AnalysisRegistry.load(),
        new StderrProgress(spec.commandLine().getErr(), StderrProgress.stderrIsTerminal()));
    ReportOutput.write(result.report(), result.internal(), outputDir, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    spec.commandLine().getOut().println("Configuration: " + result.config().toAbsolutePath()
        + "  (run it again with: outcome evaluate --config " + result.config() + ")");
    return ExitCodes.OK;
  }
}
