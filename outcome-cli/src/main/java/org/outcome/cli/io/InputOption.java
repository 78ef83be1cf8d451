package org.outcome.cli.io;

import java.nio.file.Path;
import org.outcome.cli.io.InputOption;
import picocli.CommandLine.Option;

/** The {@code --input FILE} option of the commands that read one CSV file of columns. */
public final class InputOption {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
  Path input;

  /** The file. */
  public Path file() {
    return input;
  }
}
