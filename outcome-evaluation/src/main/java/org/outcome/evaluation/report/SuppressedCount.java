package org.outcome.evaluation.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.OptionalLong;

/**
 * A count after suppression: a number that may be published, or hidden. In JSON it is the number,
 * or the string {@code "*"} when hidden.
 *
 * @param value the publishable value, absent when hidden
 */
public record SuppressedCount(OptionalLong value) {
  static SuppressedCount shown(long value) {
    return new SuppressedCount(OptionalLong.of(value));
  }

  static SuppressedCount suppressed() {
    return new SuppressedCount(OptionalLong.empty());
  }

  /** Whether the count is hidden. */
  public boolean hidden() {
    return value.isEmpty();
  }

  /** The text to publish: the number, or {@code *}. */
  public String text() {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "*";
  }

  /** The JSON form: a number, or {@code "*"}. */
  @JsonValue
  public Object json() {
    return value.isPresent() ? (Object) value.getAsLong() : "*";
  }

  @Override
  public String toString() {
    return text();
  }
}
