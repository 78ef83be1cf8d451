package org.outcome.api.sample;

import org.outcome.api.Violation;

/** Checks shared by the count tables. */
final class CountChecks {
  private static final String[] CELLS = {"a", "b", "c", "d"};

  private CountChecks() {}

  /** Every count non-negative, and their total a {@code long} (no overflow in later sums). */
  static void nonNegative(String what, long... counts) {
    Checks checks = new Checks(what);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        String cell = counts.length == 4 ? CELLS[i] : "count " + (i + 1);
        checks.add(Violation.at(cell, "count " + counts[i] + " is negative"));
      }
    }
    checks.throwIfAny();
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (total > Long.MAX_VALUE - counts[i]) {
        checks.add(Violation.at(counts.length == 4 ? CELLS[i] : "count " + (i + 1), "count " + counts[i]
            + " makes the total exceed the largest whole number a count can hold (" + Long.MAX_VALUE + ")"));
        break;
      }
      total += counts[i];
    }
    checks.throwIfAny();
  }
}
