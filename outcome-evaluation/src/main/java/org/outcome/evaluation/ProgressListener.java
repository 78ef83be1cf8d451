package org.outcome.evaluation;

/**
 * Told as an evaluation moves through its steps, so that a long run can show progress (the CLI
 * draws a bar on a terminal and plain lines otherwise). Called on the evaluating thread.
 */
public interface ProgressListener {
  /** The evaluation has {@code steps} steps. */
  void started(int steps);

  /** A step begins; {@code step} counts from 1. */
  void step(int step, String description);

  /** The evaluation is done. */
  void finished();

  /** A listener that ignores everything. */
  static ProgressListener silent() {
    return new ProgressListener() {
      @Override
      public void started(int steps) {}

      @Override
      public void step(int step, String description) {}

      @Override
      public void finished() {}
    };
  }
}
