package org.outcome.api;

import java.util.regex.Pattern;

/** Shared validation of the textual ids used across the API (instrument, analysis, subscale ids). */
final class Identifiers {
  /** Lower-case words of letters and digits, joined by single hyphens or dots: {@code whoqol-bref}. */
  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

  private Identifiers() {}

  static String requireSlug(String value, String kind) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(kind + " must not be blank");
    }
    if (!SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException(
          kind + " '" + value + "' must be lower-case letters and digits joined by '-' or '.'");
    }
    return value;
  }
}
