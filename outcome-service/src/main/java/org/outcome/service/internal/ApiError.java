package org.outcome.service.internal;

import java.util.List;
import org.outcome.api.Violation;

/**
 * A request the service refuses, with its HTTP status, a short error code, a message and, for bad
 * input, every violation. Carries no stack trace: it is an answer, not a failure.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  final transient List<Violation> violations;

  ApiError(int status, String code, String message, List<Violation> violations) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.violations = List.copyOf(violations);
  }

  ApiError(int status, String code, String message) {
    this(status, code, message, List.of());
  }
}
