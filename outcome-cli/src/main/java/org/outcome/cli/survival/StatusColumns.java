package org.outcome.cli.survival;

import java.util.Set;
import picocli.CommandLine.Option;

/** The columns of competing-risks rows that the cumulative-incidence and Fine-Gray commands read. */
public final class StatusColumns {
  @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of times (at least 0).")
  String time;

  @Option(names = "--status", required = true, paramLabel = "COL", description = "Column of 0 (censored) or the cause.")
  String status;

  @Option(names = "--causes", split = ",", paramLabel = "K", description = "The causes allowed (default: any 1, 2, ...).")
  Set<Integer> causes = Set.of();
}
