package org.outcome.cli.stats;

import org.outcome.io.Numbers;
import picocli.CommandLine;

/**
 * Parses comma-separated counts and amounts given on the command line ({@code --cells 2,10,15,3})
 * by the same rules as a CSV cell ({@link Numbers}).
 */
final class Counts {
  private Counts() {}

  /** Exactly {@code n} whole numbers, or a usage error naming the option. */
  static long[] whole(CommandLine commandLine, String option, String text, int n) {
    String[] parts = split(commandLine, option, text, n);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      Long value = Numbers.parseWhole(parts[i].strip());
      if (value == null) {
        throw new CommandLine.ParameterException(commandLine,
            option + ": '" + parts[i].strip() + "' is not a whole number");
      }
      out[i] = value;
    }
    return out;
  }

  /** Exactly {@code n} numbers, or a usage error naming the option. */
  static double[] numbers(CommandLine commandLine, String option, String text, int n) {
    String[] parts = split(commandLine, option, text, n);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = Numbers.parse(parts[i].strip());
      if (Double.isNaN(out[i])) {
        throw new CommandLine.ParameterException(commandLine, option + ": '" + parts[i].strip() + "' is not a number");
      }
    }
    return out;
  }

  private static String[] split(CommandLine commandLine, String option, String text, int n) {
    String[] parts = text.split(",", -1);
    if (parts.length != n) {
      throw new CommandLine.ParameterException(commandLine,
          option + " needs " + n + " comma-separated values, got '" + text + "'");
    }
    return parts;
  }
}
