package org.outcome.api.sample;

import java.util.ArrayList;
import java.util.List;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * Validation shared by the sample types and by other modules' inputs built the same way (for
 * example a before-and-after cohort): collect every violation, then throw them together.
 * Violations name rows (numbered from 1) and columns, never people. At most 100 per-cell
 * violations are collected per check.
 *
 * <pre>{@code
 * Checks.of("paired sample").sameLength("after", after.length, before.length)
 *     .finite("before", before).finite("after", after).throwIfAny();
 * }</pre>
 */
public final class Checks {
  private static final int CELL_LIMIT = 100;

  private final String what;
  private final List<Violation> violations = new ArrayList<>();

  Checks(String what) {
    this.what = what;
  }

  /** A new, empty set of checks of the input described by {@code what} (used in the exception message). */
  public static Checks of(String what) {
    return new Checks(what);
  }

  /** Every value of the column is finite (neither NaN nor infinite). */
  public Checks finite(String column, double[] values) {
    for (int i = 0; i < values.length && violations.size() < CELL_LIMIT; i++) {
      if (!Double.isFinite(values[i])) {
        violations.add(Violation.atCell(i + 1L, column, "not a finite number"));
      }
    }
    return this;
  }

  /** Every value of the column is finite or NaN, where NaN marks a missing value. */
  public Checks finiteOrMissing(String column, double[] values) {
    for (int i = 0; i < values.length && violations.size() < CELL_LIMIT; i++) {
      if (Double.isInfinite(values[i])) {
        violations.add(Violation.atCell(i + 1L, column, "not a finite number"));
      }
    }
    return this;
  }

  /** Every value of the column is a non-negative finite number or NaN, where NaN marks a missing value. */
  public Checks nonNegativeOrMissing(String column, double[] values) {
    for (int i = 0; i < values.length && violations.size() < CELL_LIMIT; i++) {
      if (Double.isInfinite(values[i]) || values[i] < 0) {
        violations.add(Violation.atCell(i + 1L, column,
            "not a non-negative finite number"));
      }
    }
    return this;
  }

  /** The column has {@code expected} values. */
  public Checks sameLength(String column, int length, int expected) {
    if (length != expected) {
      violations.add(Violation.at(column, "has " + length + " values, expected " + expected));
    }
    return this;
  }

  /** Adds a violation found by the caller. */
  public Checks add(Violation violation) {
    violations.add(violation);
    return this;
  }

  /**
   * Throws when any check failed.
   *
   * @throws InvalidInputException listing every violation, with the message {@code "invalid " + what}
   */
  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid " + what, violations);
    }
  }
}
