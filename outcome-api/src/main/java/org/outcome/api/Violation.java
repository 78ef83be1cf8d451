package org.outcome.api;

import java.util.Objects;

/**
 * One thing wrong with an input, located precisely.
 *
 * <p>The {@code location} names where the problem is, in the words a user would look for it:
 * {@code "item 4"}, {@code "row 12, column q3"}, {@code "items[3].keying"},
 * {@code "analyses[1].id"}. The {@code message} says what is wrong and quotes the offending value.
 * Neither ever contains a subject identifier.
 *
 * @param location where the problem is; not blank
 * @param message what is wrong, quoting the offending value; not blank
 */
public record Violation(String location, String message) {
  public Violation {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("violation message must not be blank");
    }
  }

  /** Same as {@code new Violation(location, message)}. */
  public static Violation at(String location, String message) {
    return new Violation(location, message);
  }

  /** A violation at a data row and column; rows count data records from 1, after the header. */
  public static Violation atCell(long row, String column, String message) {
    return new Violation("row " + row + ", column " + column, message);
  }

  /** A violation at a data row as a whole; rows count data records from 1, after the header. */
  public static Violation atRow(long row, String message) {
    return new Violation("row " + row, message);
  }

  /** A violation at a questionnaire item, by its number on the instrument's own form. */
  public static Violation atItem(int item, String message) {
    return new Violation("item " + item, message);
  }

  @Override
  public String toString() {
    return location.isEmpty() ? message : location + ": " + message;
  }
}
