package org.outcome.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input breaks one or more rules: a response outside its scale, an unknown item, a malformed
 * date, a missing column, an invalid instrument definition or configuration. Carries every
 * violation found, not only the first, so that a user can fix them all in one pass. Its
 * {@link #summary()} is what was being read or checked; its message is the summary followed by the
 * first violations.
 */
public final class InvalidInputException extends OutcomeException {
  private static final long serialVersionUID = 1L;
  /** How many violations the message lists before summarising the rest. */
  private static final int LISTED = 10;

  private final transient List<Violation> violations;

  /**
   * @param summary what was being read or checked, for example {@code "invalid responses"}
   * @param violations every problem found; not empty
   */
  public InvalidInputException(String summary, List<Violation> violations) {
    super(summary, message(summary, violations));
    this.violations = List.copyOf(violations);
  }

  /** An exception with a single violation. */
  public static InvalidInputException of(String summary, Violation violation) {
    return new InvalidInputException(summary, List.of(violation));
  }

  /** Every violation found, in the order found; never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(String summary, List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    String listed =
        violations.stream().limit(LISTED).map(Violation::toString).collect(Collectors.joining("; "));
    int more = violations.size() - LISTED;
    return summary + ": " + listed + (more > 0 ? "; and " + more + " more" : "");
  }
}
