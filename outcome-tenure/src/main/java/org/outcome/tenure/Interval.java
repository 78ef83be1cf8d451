package org.outcome.tenure;

/**
 * A counting-process row {@code (start, stop]}: days from the index date in which the person was
 * at risk, ending with a readmission ({@code event}) or not.
 *
 * @param start the first day not at risk before the interval (0, or the discharge day of a stay)
 * @param stop the readmission day, or the end of follow-up
 * @param event whether the interval ends with a readmission
 * @param number the interval's position in the person's history, from 1
 */
public record Interval(int start, int stop, boolean event, int number) {
  /** Validates. */
  public Interval {
    if (!(start >= 0 && start < stop) || number < 1) {
      throw new IllegalArgumentException("an interval starts at or after day 0 and before it stops");
    }
  }
}
