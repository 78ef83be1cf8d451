package org.outcome.cli.survival;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outcome survival}: the survival analyses; does nothing by itself but list them. */
@Command(name = "survival", mixinStandardHelpOptions = true,
    description = {
      "Survival analyses equal to R's survival package.",
      "Kaplan-Meier curves, log-rank tests, restricted mean survival time and Cox",
      "models; recurrent events (Andersen-Gill, mean cumulative function, rates)",
      "and competing risks (cumulative incidence, Fine-Gray). Events are 1,",
      "censorings 0."
    },
    subcommands = {KmCommand.class, LogRankCommand.class, RmstCommand.class, CoxCommand.class,
        AndersenGillCommand.class, McfCommand.class, CifCommand.class, FineGrayCommand.class})
public final class SurvivalCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: choose one of " + spec.subcommands().keySet());
  }
}
