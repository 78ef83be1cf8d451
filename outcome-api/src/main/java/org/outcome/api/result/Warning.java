package org.outcome.api.result;

import java.util.Objects;

/**
 * Something a reader of a result must know: an approximation used, a coefficient that diverged,
 * rows excluded. Never contains a subject identifier.
 *
 * @param code a stable machine-readable code, for example {@code "ties-normal-approximation"}
 * @param message the explanation for a reader
 */
public record Warning(String code, String message) {
  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** Same as the constructor. */
  public static Warning of(String code, String message) {
    return new Warning(code, message);
  }
}
