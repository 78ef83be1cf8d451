package org.outcome.evaluation.internal;

import java.util.List;
import java.util.Objects;
import org.outcome.api.result.Warning;
import org.slf4j.Logger;

/**
 * Where the runners put a report warning: into the report's list and, at the same time, into the
 * log. An analysis's own warning (an approximation R would also use, zero differences dropped) is
 * logged at INFO, since the report lists it; a result that is missing ("not run", "not computed")
 * is logged at WARN. Messages carry no identifier or cell
 * content: they are the report's own text.
 */
final class ReportWarningLog {
  private final List<Warning> warnings;
  private final Logger log;

  ReportWarningLog(List<Warning> warnings, Logger log) {
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** An analysis's own warning, passed on to the report; logged at INFO. */
  void note(String code, String message) {
    warnings.add(Warning.of(code, message));
    log.info("{}", message);
  }

  /** A result the report will not have; logged at WARN. */
  void warn(String code, String message) {
    warnings.add(Warning.of(code, message));
    log.warn("{}", message);
  }

  /**
   * An analysis that threw an unexpected exception: the report gets {@code message} (which names
   * the exception's type only); the log gets it at WARN, and the stack trace, which shows where the
   * failure is but may quote data in the exception's message, only at DEBUG.
   */
  void failed(String message, RuntimeException e) {
    warn(org.outcome.evaluation.report.ReportWarnings.NOT_RUN, message);
    log.debug("stack trace of the failed analysis", e);
  }
}
