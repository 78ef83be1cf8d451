package org.outcome.api;

/**
 * Identifies an instrument, for example {@code empowerment-scale} or {@code whoqol-bref}.
 *
 * @param value lower-case letters and digits joined by single {@code -} or {@code .}
 */
public record InstrumentId(String value) implements Comparable<InstrumentId> {
  /** @throws IllegalArgumentException if {@code value} is blank or not of the documented form */
  public InstrumentId {
    Identifiers.requireSlug(value, "instrument id");
  }

  /** Same as {@code new InstrumentId(value)}. */
  public static InstrumentId of(String value) {
    return new InstrumentId(value);
  }

  @Override
  public int compareTo(InstrumentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
