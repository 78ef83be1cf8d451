package org.outcome.cli.engine;

/**
 * Reads rows and runs analyses somewhere: the commands that can run on an engine ask it for their
 * data instead of reading the file themselves. Closed when the command is done.
 */
public interface Engine extends AutoCloseable {
  /** The engine's name, as the command line gives it. */
  String name();

  /**
   * The rows of a survival analysis, with those that miss a value the analysis uses left out (as
   * R's {@code na.omit}).
   *
   * @throws org.outcome.api.InvalidInputException if columns are missing or values are wrong
   */
  SurvivalData survival(SurvivalRequest request);

  /** Stops the engine. */
  @Override
  void close();
}
