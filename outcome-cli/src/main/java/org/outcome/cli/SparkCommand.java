package org.outcome.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.outcome.cli.engine.EngineProvider;
import org.outcome.cli.engine.Engines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code outcome spark <command> ...}: runs a command with its rows read and analysed by Apache
 * Spark (the {@code outcome-spark} module), printing what the command prints without Spark. The
 * {@code outcome} script puts that module and Spark on the class path for this command only.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
    description = {
      "Run a command on Apache Spark, with the same options and output.",
      "The rows are read and reduced by Spark (CSV or Parquet files and folders).",
      "Runs on Spark: score, tenure, survival km, survival logrank, survival rmst,",
      "survival cox.",
      "--master URL (before or after the command; default local[*])."
    })
public final class SparkCommand implements Callable<Integer> {
  /** The commands that run on Spark, by their first two words. */
  static final List<String> ON_SPARK = List.of("score", "tenure", "paired", "compare", "ancova", "survival km", "survival logrank", "survival rmst",
      "survival cox", "evaluate");

  @Spec CommandSpec spec;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] or spark://host:7077.")
  String master;

  @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command and its options.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine commandLine = spec.commandLine();
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < command.size(); i++) {
      String a = command.get(i);
      if (a.equals("--master") && i + 1 < command.size()) {
        master = command.get(++i);
      } else if (a.startsWith("--master=")) {
        master = a.substring("--master=".length());
      } else {
        rest.add(a);
      }
    }
    List<String> words = rest.stream().filter(a -> !a.startsWith("-")).limit(2).toList();
    String named = words.isEmpty() ? "" : words.get(0).equals("survival") ? String.join(" ", words) : words.get(0);
    boolean help = rest.stream().anyMatch(a -> a.equals("--help") || a.equals("-h"));
    if (!ON_SPARK.contains(named) && !help) {
      throw new ParameterException(commandLine, "'" + named + "' does not run on Spark; these do: "
          + String.join(", ", ON_SPARK) + " (run others without 'spark')");
    }
    String[] args = rest.toArray(String[]::new);
    CommandLine nested = Main.commandLine(args);
    nested.setOut(commandLine.getOut());
    nested.setErr(commandLine.getErr());
    if (help) {
      return nested.execute(args); // the command's own help: no need to start Spark
    }
    EngineProvider provider = Engines.available().stream().filter(p -> p.name().equals("spark")).findFirst()
        .orElseThrow(() -> new ParameterException(commandLine, "Spark is not on the class path: start the tool as "
            + "'./outcome spark ...', which adds the outcome-spark module and Spark to it"));
    return Engines.with(provider.open(Optional.ofNullable(master)), () -> nested.execute(args));
  }
}
