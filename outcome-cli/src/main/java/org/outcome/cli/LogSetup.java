package org.outcome.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;

/**
 * The command-line tool's Logback set-up, found by Logback through {@code ServiceLoader}: every
 * log line on standard error as {@code LEVEL Logger: message}, so that standard output carries only
 * the command's output; warnings and errors only, unless {@code OUTCOME_LOG_LEVEL} names another
 * level ({@code --verbose} and {@code --quiet} then change it per run, see {@link LogLevels}). Log
 * lines never hold subject identifiers: the library does not log them.
 *
 * <p>In code rather than {@code logback.xml}: reading the XML configuration loaded an XML parser
 * and some 600 classes at every start, a third of a second before any work.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  /** Called by Logback's {@code ServiceLoader}. */
  public LogSetup() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    Line line = new Line();
    line.setContext(context);
    line.start();
    encoder.setLayout(line);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    Level level = Level.toLevel(System.getenv("OUTCOME_LOG_LEVEL"), Level.WARN);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    root.addAppender(stderr);
    context.getLogger(LogLevels.LIBRARY).setLevel(level);
    // Spark's and Hadoop's warnings under `outcome spark` are about the machine (host name, native
    // libraries), not the analysis: errors only, unless OUTCOME_LOG_LEVEL asks for more
    Level engines = Level.toLevel(System.getenv("OUTCOME_LOG_LEVEL"), Level.ERROR);
    for (String engine : List.of("org.apache.spark", "org.apache.hadoop", "org.sparkproject")) {
      context.getLogger(engine).setLevel(engines);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** {@code LEVEL Logger: message}, then the stack trace of an exception logged with it. */
  private static final class Line extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
      String logger = event.getLoggerName();
      StringBuilder out = new StringBuilder(128)
          .append(event.getLevel()).append(' ')
          .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
          .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
      if (event.getThrowableProxy() != null) {
        out.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(CoreConstants.LINE_SEPARATOR);
      }
      return out.toString();
    }
  }
}
