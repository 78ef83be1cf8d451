package org.outcome.cli.engine;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The engine of this run: none (this process) unless {@code outcome <engine> <command>} chose one.
 * One per process, as a command line runs one command.
 */
public final class Engines {
  private static volatile Engine current;

  private Engines() {}

  /** The engine this run uses, or empty for this process. */
  public static Optional<Engine> current() {
    return Optional.ofNullable(current);
  }

  /** Runs {@code body} with {@code engine} as the current engine, then closes it. */
  public static <T> T with(Engine engine, java.util.function.Supplier<T> body) {
    current = engine;
    try {
      return body.get();
    } finally {
      current = null;
      engine.close();
    }
  }

  /** The engines on the class or module path, by their names. */
  public static List<EngineProvider> available() {
    return ServiceLoader.load(EngineProvider.class).stream().map(ServiceLoader.Provider::get).toList();
  }
}
