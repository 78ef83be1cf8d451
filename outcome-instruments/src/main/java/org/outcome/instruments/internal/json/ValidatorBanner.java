package org.outcome.instruments.internal.json;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;

/**
 * Keeps Hibernate Validator's start-up line ({@code INFO: HV000001: Hibernate Validator 9.1.6.Final})
 * off the standard error of a program that has not set up logging.
 *
 * <p>Hibernate Validator, which checks instrument definitions, logs through jboss-logging. With
 * no logging framework on the class path jboss-logging falls back to {@code java.util.logging},
 * whose default console handler prints INFO records on standard error, so an evaluator's script
 * would start with that line. When, and only when, jboss-logging has chosen
 * {@code java.util.logging}, this class raises the level of the one logger that writes the line,
 * {@code org.hibernate.validator.internal.util.Version}, to WARNING, unless the program has set
 * that logger's level itself or already hides INFO there. It holds the logger strongly, because
 * {@code java.util.logging} keeps loggers only weakly and would otherwise forget the level.
 * Nothing else is touched: Hibernate Validator's warnings and errors still appear, and a program
 * that routes logging through Logback, Log4j 2 or the JBoss LogManager is left alone.
 *
 * <p>Why not a cleaner way. Hibernate Validator logs the line unconditionally, from a static
 * initialiser, with no setting to turn it off. jboss-logging (3.6) picks its back end once per JVM,
 * in this order: the {@code org.jboss.logging.provider} system property, a
 * {@code org.jboss.logging.LoggerProvider} service, the JBoss LogManager, Log4j 2, SLF4J
 * <em>only if Logback is present</em>, Log4j 1, and {@code java.util.logging}; SLF4J's API alone
 * (which this library logs through) is not enough. The property and the service are global to
 * the JVM and first-come: a library that set them would re-route the logging of every other
 * jboss-logging user in the embedding program (Hibernate ORM, RESTEasy) and still lose if anything
 * had logged first. Nor would it be quiet: with SLF4J's API and no binding, sending jboss-logging
 * to SLF4J swaps the one line for SLF4J's own three-line "No SLF4J providers were found" warning
 * on standard error (tried with SLF4J 2.0.20). Raising one logger's level, only when
 * {@code java.util.logging} was chosen and nobody set it, is the narrowest change that works.
 */
final class ValidatorBanner {
  /** The logger of Hibernate Validator's version line. */
  static final String LOGGER = "org.hibernate.validator.internal.util.Version";

  private static Logger held;

  private ValidatorBanner() {}

  /** Raises the version logger's level when jboss-logging logs to {@code java.util.logging}; idempotent. */
  static synchronized void quiet() {
    if (held != null || !jbossLoggingUsesJul()) {
      return;
    }
    held = Logger.getLogger(LOGGER);
    if (held.getLevel() == null && held.isLoggable(Level.INFO)) {
      held.setLevel(Level.WARNING);
    }
  }

  /**
   * Whether jboss-logging sends Hibernate Validator's records to {@code java.util.logging}: asks
   * jboss-logging for the version logger and checks that it is its {@code java.util.logging}
   * adapter. Found reflectively, so that this module need not read jboss-logging; false if
   * jboss-logging cannot be asked.
   */
  static boolean jbossLoggingUsesJul() {
    try {
      Class<?> jboss = Class.forName("org.jboss.logging.Logger", false, HibernateValidator.class.getClassLoader());
      Object logger = jboss.getMethod("getLogger", String.class).invoke(null, LOGGER);
      return logger.getClass().getName().equals("org.jboss.logging.JDKLogger");
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return false;
    }
  }
}
