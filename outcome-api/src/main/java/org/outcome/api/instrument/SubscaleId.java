package org.outcome.api.instrument;

/**
 * Identifies a score within an instrument: {@code total}, {@code physical}, {@code optimism}.
 *
 * @param value lower-case letters and digits joined by single {@code -} or {@code .}
 */
public record SubscaleId(String value) implements Comparable<SubscaleId> {
  public SubscaleId {
    if (value == null || !value.matches("[a-z0-9]+(?:[.-][a-z0-9]+)*")) {
      throw new IllegalArgumentException("subscale id '" + value
          + "' must be lower-case letters and digits joined by '-' or '.'");
    }
  }

  /** Same as {@code new SubscaleId(value)}. */
  public static SubscaleId of(String value) {
    return new SubscaleId(value);
  }

  @Override
  public int compareTo(SubscaleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
