package org.outcome.cli;

import java.util.List;
import org.outcome.cli.evaluate.DemoCommand;
import org.outcome.cli.evaluate.EvaluateCommand;
import org.outcome.cli.fhir.FhirCommand;
import org.outcome.cli.score.InstrumentsCommand;
import org.outcome.cli.score.ScoreCommand;
import org.outcome.cli.serve.ServeCommand;
import org.outcome.cli.stats.AncovaCommand;
import org.outcome.cli.stats.CompareCommand;
import org.outcome.cli.stats.McNemarCommand;
import org.outcome.cli.stats.MetaCommand;
import org.outcome.cli.stats.PairedCommand;
import org.outcome.cli.stats.PropensityCommand;
import org.outcome.cli.stats.PsychometricsCommand;
import org.outcome.cli.stats.RatesCommand;
import org.outcome.cli.stats.Table2x2Command;
import org.outcome.cli.survival.SurvivalCommand;
import org.outcome.cli.tenure.TenureCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root {@code outcome} command; does nothing by itself but list its subcommands, which
 * {@link Main} adds ({@link #SUBCOMMANDS}): all of them for help, only the one asked for otherwise,
 * so that a run does not build the options of thirteen commands it will not use.
 */
@Command(
    name = "outcome",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure what peer-support services in mental health care achieve:",
      "score validated instruments, derive community tenure from hospital episodes,",
      "and run before-and-after, comparison-group and survival analyses that match R."
    },
    footer = {
      "",
      "Conventions: --input FILE is CSV with a header row (UTF-8);",
      "--format text|json|csv; --output FILE (stdout by default).",
      "Exit codes: 0 success, 2 usage error, 3 invalid input (the message",
      "names the row and column), 1 unexpected failure."
    }
)
public final class OutcomeCommand implements Runnable {
  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      DemoCommand.class,
      EvaluateCommand.class,
      PluginsCommand.class,
      InstrumentsCommand.class,
      ScoreCommand.class,
      FhirCommand.class,
      ServeCommand.class,
      SurvivalCommand.class,
      TenureCommand.class,
      PairedCommand.class,
      CompareCommand.class,
      AncovaCommand.class,
      Table2x2Command.class,
      McNemarCommand.class,
      RatesCommand.class,
      MetaCommand.class,
      PropensityCommand.class,
      PsychometricsCommand.class,
      SparkCommand.class);

  @Spec CommandSpec spec;

  // Global: given before or after the subcommand's name (picocli copies them to every subcommand).
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Log on standard error what the library did: -v the row counts of each batch and"
          + " the warnings of an evaluation's analyses,"
          + " -vv also which plugin jar or module gave each instrument and analysis.")
  boolean[] verbose = new boolean[0];

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
      description = "Log errors only: no warnings (such as an evaluation's analysis that could not be"
          + " run) on standard error.")
  boolean quiet;

  /** Sets the log levels that {@code --verbose} and {@code --quiet} ask for; run before any command. */
  void applyLogLevels() {
    if (quiet && verbose.length > 0) {
      throw new ParameterException(spec.commandLine(), "--quiet and --verbose cannot be used together");
    }
    LogLevels.apply(verbose.length, quiet);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: choose one of "
        + spec.subcommands().keySet());
  }
}
