package org.outcome.cli.survival;

import picocli.CommandLine.Option;

/** The columns of counting-process rows that the recurrent-event commands read. */
public final class IntervalColumns {
  @Option(names = "--start", required = true, paramLabel = "COL", description = "Column of interval starts.")
  String start;

  @Option(names = "--stop", required = true, paramLabel = "COL", description = "Column of interval stops.")
  String stop;

  @Option(names = "--event", required = true, paramLabel = "COL", description = "Column of 1 (event at the stop) or 0.")
  String event;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "Column of the person (the cluster).")
  String id;
}
