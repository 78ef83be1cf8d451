package org.outcome.api;

/**
 * Root of the library's unchecked exceptions. Every message names the item, column, row or value
 * at fault, and never a subject identifier. Each exception also has a {@link #summary()}: a short
 * headline without the details, distinct from the full {@link #getMessage() message}.
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

  private final String summary;

  /**
   * @param summary what went wrong in a few words, for a headline (see {@link #summary()})
   * @param message the full message: the summary and every detail
   */
  protected OutcomeException(String summary, String message) {
    super(message);
    this.summary = requireSummary(summary);
  }

  /**
   * @param summary what went wrong in a few words, for a headline (see {@link #summary()})
   * @param message the full message: the summary and every detail
   * @param cause the underlying failure
   */
  protected OutcomeException(String summary, String message, Throwable cause) {
    super(message, cause);
    this.summary = requireSummary(summary);
  }

  /**
   * What went wrong in one short phrase, for a headline or a log line: for example
   * {@code "invalid responses"} or {@code "cannot analyse these data"}. It says what was being
   * read or done, never which cell or value was at fault (a misplaced cell may hold an identifier)
   * and never a subject identifier; {@link #getMessage()} adds the details (items, rows, columns,
   * providers). Never blank.
   */
  public String summary() {
    return summary;
  }

  private static String requireSummary(String summary) {
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("an exception summary must not be blank");
    }
    return summary;
  }
}
