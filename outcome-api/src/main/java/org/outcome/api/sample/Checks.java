package org.outcome.api.sample;

import java.util.ArrayList;
import java.util.List;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/** Validation shared by the sample types; every violation found is reported together. */
final class Checks {
  private final String what;
  private final List<Violation> violations = new ArrayList<>();

  Checks(String what) {
    this.what = what;
  }

  Checks finite(String column, double[] values) {
    for (int i = 0; i < values.length && violations.size() < 100; i++) {
      if (!Double.isFinite(values[i])) {
        violations.add(Violation.atCell(i + 1L, column, "value " + values[i] + " is not a finite number"));
      }
    }
    return this;
  }

  Checks sameLength(String column, int length, int expected) {
    if (length != expected) {
      violations.add(Violation.at(column, "has " + length + " values, expected " + expected));
    }
    return this;
  }

  Checks add(Violation violation) {
    violations.add(violation);
    return this;
  }

  void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid " + what, violations);
    }
  }
}
