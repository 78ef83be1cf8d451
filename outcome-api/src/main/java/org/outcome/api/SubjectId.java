package org.outcome.api;

/**
 * Identifies a person (a patient, a service user) in the data an evaluation reads.
 *
 * <p>A subject identifier may be an NHS number or another direct identifier, so this type never
 * prints it: {@link #toString()} returns a fixed redacted form, and nothing in the library puts
 * {@link #value()} into a log line, an exception message or a {@link Violation}. Call
 * {@link #value()} only where the identifier itself is the output (a per-person results file).
 *
 * @param value the raw identifier, not blank, with no leading or trailing white space
 */
public record SubjectId(String value) {
  /** @throws IllegalArgumentException if {@code value} is blank or has surrounding white space */
  public SubjectId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("subject id must not be blank");
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException("subject id must not have leading or trailing white space");
    }
  }

  /** Same as {@code new SubjectId(value)}. */
  public static SubjectId of(String value) {
    return new SubjectId(value);
  }

  /** Returns {@code SubjectId[redacted]}, never the identifier. */
  @Override
  public String toString() {
    return "SubjectId[redacted]";
  }
}
