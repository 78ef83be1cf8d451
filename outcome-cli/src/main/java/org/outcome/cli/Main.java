package org.outcome.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.OutcomeException;
import org.outcome.api.Violation;
import picocli.CommandLine;

/** Entry point of the {@code outcome} command. */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command with the given output streams and returns the exit code (see
   * {@link ExitCodes}); for tests and for embedding.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The configured command line: case-insensitive enum values, and the library's exit codes. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new OutcomeCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(Main::handle);
    commandLine.setExitCodeExceptionMapper(Main::exitCode);
    commandLine.setExecutionStrategy(parseResult -> {
      commandLine.<OutcomeCommand>getCommand().applyLogLevels();
      return new CommandLine.RunLast().execute(parseResult);
    });
    return commandLine;
  }

  private static int exitCode(Throwable e) {
    if (e instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    return e instanceof OutcomeException ? ExitCodes.INVALID_INPUT : ExitCodes.FAILURE;
  }

  private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String command = commandLine.getCommandName();
    if (e instanceof InvalidInputException invalid) {
      err.println(command + ": invalid input: " + invalid.summary());
      for (Violation v : invalid.violations()) {
        err.println("  " + v);
      }
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof DegenerateDataException degenerate) {
      err.println(command + ": " + degenerate.summary() + ": " + degenerate.problem());
      err.println("  " + degenerate.remedy());
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof OutcomeException other) {
      err.println(command + ": " + other.summary());
      err.println("  " + other.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof CommandLine.ParameterException usage) {
      err.println(command + ": " + usage.getMessage());
      return ExitCodes.USAGE;
    }
    err.println(command + ": failed: " + e);
    return ExitCodes.FAILURE;
  }
}
