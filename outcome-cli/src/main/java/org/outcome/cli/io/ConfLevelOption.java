package org.outcome.cli.io;

import org.outcome.api.result.ResultText;
import org.outcome.cli.io.ConfLevelOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code --conf-level} option every command with confidence intervals shares. */
public final class ConfLevelOption {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of the intervals, between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double confLevel;

  /**
   * The confidence level, checked.
   *
   * @throws CommandLine.ParameterException (a usage error, exit 2) unless it is between 0 and 1,
   *     and far enough from 1 that the interval's quantile is finite
   */
  public double value() {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--conf-level must be between 0 and 1, got " + confLevel);
    }
    // the analyses take the quantile at (1 + level) / 2 or 1 - (1 - level) / 2: a level within a
    // rounding error of 1 makes that 1 in double precision, an infinite quantile and NaN intervals
    if (!((1 + confLevel) / 2 < 1 && 1 - (1 - confLevel) / 2 < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--conf-level " + confLevel
          + " is too close to 1: its intervals would be infinite in double precision; use at most 0.999999999");
    }
    return confLevel;
  }

  /** The heading of an interval column: {@code 95% CI}. */
  public static String heading(double level) {
    return ResultText.number(100 * level) + "% CI";
  }
}
