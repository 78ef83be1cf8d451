package org.outcome.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code --verbose} and {@code --quiet} to the Logback loggers that {@link LogSetup}
 * sets up (everything on standard error, warnings and errors only by default). Each run sets the
 * levels afresh, so that in one JVM a run without the options gets the configured levels back.
 * When the program runs under another SLF4J provider (embedded in an application with its own
 * logging) the options leave that application's configuration alone.
 */
final class LogLevels {
  /** The library's loggers: {@code org.outcome.api.plugin.InstrumentRegistry} and the rest. */
  static final String LIBRARY = "org.outcome";

  private static boolean remembered;
  private static Level configuredLibrary;
  private static Level configuredRoot;

  private LogLevels() {}

  /**
   * Sets the levels for one run.
   *
   * @param verbosity how often {@code -v} was given: 1 logs the library's INFO (batch row counts),
   *     2 or more its DEBUG (plugin discovery) too
   * @param quiet {@code --quiet}: errors only, the library's and every other logger's
   */
  static synchronized void apply(int verbosity, boolean quiet) {
    if (!(LoggerFactory.getLogger(LIBRARY) instanceof Logger library)
        || !(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
      return;
    }
    if (!remembered) {
      configuredLibrary = library.getLevel();
      configuredRoot = root.getLevel();
      remembered = true;
    }
    root.setLevel(quiet ? Level.ERROR : configuredRoot);
    if (quiet) {
      library.setLevel(Level.ERROR);
    } else if (verbosity >= 2) {
      library.setLevel(Level.DEBUG);
    } else if (verbosity == 1) {
      library.setLevel(Level.INFO);
    } else {
      library.setLevel(configuredLibrary);
    }
  }
}
