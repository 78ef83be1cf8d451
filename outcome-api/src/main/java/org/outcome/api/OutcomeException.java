package org.outcome.api;

/**
 * Root of the library's unchecked exceptions. Every message names the item, column, row or value
 * at fault, and never a subject identifier.
 *
 * <ul>
 *   <li>{@link InvalidInputException}: the input breaks a rule; carries every {@link Violation}.
 *   <li>{@link DegenerateDataException}: the input is valid but an analysis cannot be computed on
 *       it (no events, zero variance, an empty group); says what is degenerate and what to do.
 *   <li>{@link PluginException}: a plugin could not be loaded or clashes with another.
 * </ul>
 */
public abstract sealed class OutcomeException extends RuntimeException
    permits InvalidInputException, DegenerateDataException, PluginException {
  private static final long serialVersionUID = 1L;

  protected OutcomeException(String message) {
    super(message);
  }

  protected OutcomeException(String message, Throwable cause) {
    super(message, cause);
  }
}
