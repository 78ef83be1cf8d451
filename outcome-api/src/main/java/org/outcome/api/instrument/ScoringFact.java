package org.outcome.api.instrument;

import java.util.Objects;

/**
 * One fact a definition relies on (a reverse-keyed item list, a missing-item rule, a lookup table),
 * where it comes from, and whether it was checked against the primary source.
 *
 * @param fact the fact, in a short sentence
 * @param source the citation it comes from
 * @param verification how far it was checked
 */
public record ScoringFact(String fact, String source, Verification verification) {
  public ScoringFact {
    requireText(fact, "fact");
    requireText(source, "source");
    Objects.requireNonNull(verification, "verification");
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
