package org.outcome.tenure;

import java.util.OptionalInt;

/**
 * One readmission within follow-up: the stay's admission and discharge, in days from the index
 * date (day 0).
 *
 * @param day the admission day, at least 1
 * @param dischargeDay the discharge day, after {@code day}; empty while the stay is open (still in
 *     hospital at extraction)
 */
public record Readmission(int day, OptionalInt dischargeDay) {
  /** Validates. */
  public Readmission {
    if (day < 1) {
      throw new IllegalArgumentException("a readmission is after the index date");
    }
    if (dischargeDay.isPresent() && dischargeDay.getAsInt() < day) {
      throw new IllegalArgumentException("a stay is discharged on or after its admission");
    }
  }
}
