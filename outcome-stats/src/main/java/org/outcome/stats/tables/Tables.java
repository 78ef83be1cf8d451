package org.outcome.stats.tables;

import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.TwoByTwoTable;

/** Checks shared by the 2×2 analyses. */
final class Tables {
  private Tables() {}

  /** The table total as an int, for the exact distributions. */
  static int total(TwoByTwoTable t) {
    long total = t.a() + t.b() + t.c() + t.d();
    if (total > Integer.MAX_VALUE) {
      throw InvalidInputException.of("table too large", Violation.at("table",
          "the total " + total + " exceeds " + Integer.MAX_VALUE));
    }
    return (int) total;
  }

  /** Every row and column total positive. */
  static void requireNonEmptyMargins(TwoByTwoTable t) {
    requireRows(t);
    if (t.a() + t.c() == 0) {
      throw new DegenerateDataException("nobody had the event (the event column is empty)",
          "there is nothing to compare; report that no events occurred");
    }
    if (t.b() + t.d() == 0) {
      throw new DegenerateDataException("everybody had the event (the no-event column is empty)",
          "there is nothing to compare; report that everyone had the event");
    }
  }

  /** Both rows non-empty. */
  static void requireRows(TwoByTwoTable t) {
    if (t.a() + t.b() == 0) {
      throw new DegenerateDataException("the exposed row is empty (a + b = 0)", "a group with no members cannot be compared");
    }
    if (t.c() + t.d() == 0) {
      throw new DegenerateDataException("the unexposed row is empty (c + d = 0)", "a group with no members cannot be compared");
    }
  }
}
