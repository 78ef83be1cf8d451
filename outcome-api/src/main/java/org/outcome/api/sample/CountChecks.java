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
    for (long count : counts) {
      if (total > Long.MAX_VALUE - count) {
        int largest = 0; // name the count that is out of all proportion, not the one that tipped the sum
        for (int i = 1; i < counts.length; i++) {
          largest = counts[i] > counts[largest] ? i : largest;
        }
        checks.add(Violation.at(counts.length == 4 ? CELLS[largest] : "count " + (largest + 1), "count "
            + counts[largest] + " is too large: the total exceeds the largest whole number " + Long.MAX_VALUE));
        break;
      }
      total += count;
    }
    checks.throwIfAny();
  }
}
