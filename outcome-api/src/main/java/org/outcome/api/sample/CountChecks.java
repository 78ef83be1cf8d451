package org.outcome.api.sample;

import org.outcome.api.Violation;

/** Checks shared by the count tables. */
final class CountChecks {
  private static final String[] CELLS = {"a", "b", "c", "d"};

  private CountChecks() {}

  static void nonNegative(String what, long... counts) {
    Checks checks = new Checks(what);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        String cell = counts.length == 4 ? CELLS[i] : "count " + (i + 1);
        checks.add(Violation.at(cell, "count " + counts[i] + " is negative"));
      }
    }
    checks.throwIfAny();
  }
}
