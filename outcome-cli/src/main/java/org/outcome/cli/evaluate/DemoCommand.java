package org.outcome.cli.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.cli.ExitCodes;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  /** The fewest people per group the demo's analyses need. */
  static final int MIN_PER_GROUP = 10;
  /** The most people per group: a million people in all, the scale the benchmarks measure. */
  static final int MAX_PER_GROUP = 500_000;
  /** What the demo writes in its folder, which an earlier run may have left there. */
  private static final List<String> WRITES = List.of("data", "evaluation.json", "report.json", "report.html");
  /**
   * Left in the folder by every demo run: a folder that holds it holds only an earlier demo, which
   * a new run may replace without {@code --force}; any other evaluation there is refused.
   */
  static final String MARKER = ".outcome-demo";

  @Option(names = "--people-per-group", paramLabel = "N",
      description = "People per group, " + MIN_PER_GROUP + " to " + MAX_PER_GROUP + " (default: 250).")
  Integer perGroup;

  @Option(names = "--force", description = "Overwrite the data and reports of an earlier run in the output folder.")
  boolean force;

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    if (perGroup != null && (perGroup < MIN_PER_GROUP || perGroup > MAX_PER_GROUP)) {
      throw new ParameterException(commandLine, "--people-per-group must be between " + MIN_PER_GROUP + " and "
          + MAX_PER_GROUP + ", got " + perGroup);
    }
    if (!force && !Files.isRegularFile(outputDir.resolve(MARKER))) {
      List<String> existing = WRITES.stream().filter(name -> Files.exists(outputDir.resolve(name))).toList();
      if (!existing.isEmpty()) {
        throw new ParameterException(commandLine, "--output-dir " + outputDir + " already holds an evaluation ("
            + String.join(", ", existing) + "); choose another folder, or add --force to overwrite it");
      }
    }
    DemoSpec demo = DemoSpec.standard();
    if (seed != null) {
      demo = demo.withSeed(seed);
    }
    if (perGroup != null) {
      demo = demo.withPerGroup(perGroup);
    }
    writeMarker(commandLine);
    Demo.Result result = Demo.run(demo, outputDir, InstrumentRegistry.load(), AnalysisRegistry.load(),
        new StderrProgress(spec.commandLine().getErr(), StderrProgress.stderrIsTerminal()));
    ReportOutput.write(result.report(), result.internal(), outputDir, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    spec.commandLine().getOut().println("Configuration: " + result.config().toAbsolutePath()
        + "  (run it again with: outcome evaluate --config " + result.config() + ")");
    return ExitCodes.OK;
  }

  private void writeMarker(CommandLine commandLine) {
    try {
      Files.createDirectories(outputDir);
      Files.writeString(outputDir.resolve(MARKER), "This folder was written by 'outcome demo' (synthetic data, no real"
          + " people); a later 'outcome demo' may replace it.\n");
    } catch (IOException e) {
      throw new ParameterException(commandLine, "--output-dir " + outputDir + " cannot be written: "
          + e.getClass().getSimpleName());
    }
  }
}
