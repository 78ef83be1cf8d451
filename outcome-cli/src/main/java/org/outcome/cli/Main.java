package org.outcome.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.OutcomeException;
import org.outcome.api.Violation;
import org.outcome.cli.engine.Engines;
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
    CommandLine commandLine = commandLine(args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // a genuine shortage (inputs too large for the heap): one line, not a stack trace
      err.println("outcome: out of memory; give Java more (OUTCOME_JAVA_OPTS=-Xmx4g) or use smaller inputs");
      code = ExitCodes.FAILURE;
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The configured command line with every subcommand, as help lists them. */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line for a run: case-insensitive enum values, the library's exit
   * codes, and the subcommand the arguments name (every subcommand when they name none, so that
   * help and the message for an unknown command list them all). Building the options of every
   * command took a third of a second at each start.
   */
  static CommandLine commandLine(String... args) {
    CommandLine commandLine = new CommandLine(new OutcomeCommand());
    String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    List<Class<?>> chosen = OutcomeCommand.SUBCOMMANDS.stream()
        .filter(c -> c.getAnnotation(CommandLine.Command.class).name().equals(named)).toList();
    for (Class<?> command : chosen.isEmpty() ? OutcomeCommand.SUBCOMMANDS : chosen) {
      commandLine.addSubcommand(command);
    }
    if (commandLine.getSubcommands().containsKey("spark")) {
      // everything from the command's name on is the command's own: its options are not spark's
      commandLine.getSubcommands().get("spark").setStopAtPositional(true);
    }
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(Main::handle);
    commandLine.setExitCodeExceptionMapper(Main::exitCode);
    commandLine.setExecutionStrategy(parseResult -> {
      commandLine.<OutcomeCommand>getCommand().applyLogLevels();
      if (Engines.current().isEmpty()) {
        checkPaths(parseResult); // an engine reads folders too (Parquet)
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    return commandLine;
  }

  /**
   * Refuses, before any work, a folder given where a file is expected ({@code --input},
   * {@code --output}, every option whose label is {@code FILE}) and an existing file given where a
   * folder is expected ({@code --output-dir}).
   */
  private static void checkPaths(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      for (CommandLine.Model.OptionSpec option : p.commandSpec().options()) {
        Path path = path(option);
        if (path == null) {
          continue;
        }
        if ("DIR".equals(option.paramLabel())) {
          if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new CommandLine.ParameterException(p.commandSpec().commandLine(),
                option.longestName() + " " + path + " is not a directory (a file of that name exists)");
          }
        } else if (Files.isDirectory(path)) {
          throw new CommandLine.ParameterException(p.commandSpec().commandLine(),
              option.longestName() + " " + path + " is a directory, not a file");
        }
      }
    }
  }

  /**
   * The path an option names: a {@code Path} option's value, or a text option labelled
   * {@code FILE} (the inputs an engine may read from a URI); {@code null} for other options.
   */
  private static Path path(CommandLine.Model.OptionSpec option) {
    Object value = option.getValue();
    if (value instanceof Path path) {
      return path;
    }
    return value instanceof String text && "FILE".equals(option.paramLabel()) ? Path.of(text) : null;
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
