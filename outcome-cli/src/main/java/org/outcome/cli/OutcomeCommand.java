package org.outcome.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root {@code outcome} command; does nothing by itself but list its subcommands. */
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
    },
    subcommands = {
      PluginsCommand.class,
      // Temporarily top-level until the `survival` parent command exists; it belongs under it.
      org.outcome.cli.survival.CoxCommand.class,
    })
public final class OutcomeCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: choose one of "
        + spec.subcommands().keySet());
  }
}
