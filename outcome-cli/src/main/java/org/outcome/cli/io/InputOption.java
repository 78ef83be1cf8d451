package org.outcome.cli.io;

import java.nio.file.Path;
import org.outcome.io.MissingValues;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --input FILE} option of the commands that read one CSV file of columns, and
 * {@code --na}, the cell texts read as missing besides the empty cell.
 */
public final class InputOption {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
  String input;

  @Mixin NaOption na;

  /** The file. */
  public Path file() {
    return Path.of(input);
  }

  /**
   * The input as given: a file, or for an engine such as Spark any path or URI it reads
   * ({@code hdfs://...}, {@code s3a://...}), which a {@link Path} would mangle.
   */
  public String location() {
    return input;
  }

  /** The missing-value markers of {@code --na}. */
  public MissingValues missing() {
    return na.missing();
  }
}
