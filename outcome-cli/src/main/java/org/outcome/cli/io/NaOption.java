package org.outcome.cli.io;

import java.util.List;
import org.outcome.io.MissingValues;
import picocli.CommandLine.Option;

/**
 * {@code --na}: the cell texts a command reads as missing, besides the empty cell, as R's
 * {@code na.strings} ({@code NA} unless given; {@code --na ''} for none). Each is trimmed, as
 * cells are.
 */
public final class NaOption {
  @Option(names = "--na", split = ",", paramLabel = "TEXT", defaultValue = "NA",
      description = {"Cell texts that mean a missing value, besides the empty cell, comma-separated, as R's"
          + " na.strings (default: ${DEFAULT-VALUE}; --na '' for none)."})
  List<String> na;

  /** The markers given. */
  public MissingValues missing() {
    return na == null ? MissingValues.R_DEFAULT : MissingValues.of(na.stream().map(String::strip).toList());
  }
}
