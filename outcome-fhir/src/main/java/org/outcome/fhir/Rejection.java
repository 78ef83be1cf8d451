package org.outcome.fhir;

import java.util.List;
import java.util.Objects;
import org.outcome.api.Violation;

/**
 * One resource of a batch that was not scored, and every reason.
 *
 * @param resource the resource's position in the input, counting from 1 (in a Bundle, each entry
 *     counts)
 * @param where where to find it: {@code "line 12"} in NDJSON, {@code "line 1, entry 3"} for a
 *     Bundle's entry
 * @param violations every reason, none quoting a value from the resource
 */
public record Rejection(long resource, String where, List<Violation> violations) {
  public Rejection {
    Objects.requireNonNull(where, "where");
    violations = List.copyOf(violations);
    if (resource < 1 || violations.isEmpty()) {
      throw new IllegalArgumentException("a rejection names a resource from 1 and at least one reason");
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("resource ").append(resource).append(" (").append(where).append(')');
    for (int i = 0; i < violations.size(); i++) {
      text.append(i == 0 ? ": " : "; ").append(violations.get(i));
    }
    return text.toString();
  }
}
