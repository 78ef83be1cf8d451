package org.outcome.cli.engine;

import java.util.Optional;

/** Makes an {@link Engine}; found by {@link java.util.ServiceLoader}. */
public interface EngineProvider {
  /** The engine's name, as {@code outcome <name> <command>} gives it (for example {@code spark}). */
  String name();

  /**
   * Starts the engine.
   *
   * @param master where it runs (for Spark, the master URL such as {@code local[*]}), or empty for
   *     its default
   */
  Engine open(Optional<String> master);
}
