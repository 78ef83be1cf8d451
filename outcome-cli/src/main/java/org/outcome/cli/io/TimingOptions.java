package org.outcome.cli.io;

import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The {@code --timing} option and the stopwatch behind it: commands wrap reading and analysis in
 * {@link #read} and {@link #analyse}, and the output adds
 * {@code "timing": {"readSeconds": r, "analysisSeconds": a}} to JSON (and a line to text).
 */
public final class TimingOptions {
  @Option(names = "--timing", description = "Report the seconds spent reading the input and analysing it (with --format csv: on standard error).")
  boolean enabled;

  private long readNanos;
  private long analysisNanos;

  /** Whether {@code --timing} was given. */
  public boolean enabled() {
    return enabled;
  }

  /** Runs and times a reading step. */
  public <T> T read(Supplier<T> step) {
    long start = System.nanoTime();
    try {
      return step.get();
    } finally {
      readNanos += System.nanoTime() - start;
    }
  }

  /** Runs and times an analysis step. */
  public <T> T analyse(Supplier<T> step) {
    long start = System.nanoTime();
    try {
      return step.get();
    } finally {
      analysisNanos += System.nanoTime() - start;
    }
  }

  /** Seconds spent reading so far. */
  public double readSeconds() {
    return readNanos / 1e9;
  }

  /** Seconds spent analysing so far. */
  public double analysisSeconds() {
    return analysisNanos / 1e9;
  }
}
