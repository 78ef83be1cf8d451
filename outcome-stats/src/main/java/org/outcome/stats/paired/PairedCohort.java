package org.outcome.stats.paired;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * Everyone enrolled in a before-and-after evaluation, before any analysis set is chosen: a
 * baseline score, a follow-up score and optionally a dose (sessions attended) per person, with
 * missing values marked {@code NaN}. An {@link AnalysisSet} turns it into the pairs an analysis
 * uses, counting everyone it leaves out. Immutable; arrays are copied.
 *
 * <p>Rows are numbered from 1 in the order given (the data row when the cohort was built from a
 * file in order); violations name rows, never people.
 */
public final class PairedCohort {
  private final double[] before;
  private final double[] after;
  private final Optional<double[]> dose;

  private PairedCohort(double[] before, double[] after, Optional<double[]> dose) {
    this.before = before;
    this.after = after;
    this.dose = dose;
  }

  /**
   * A cohort without doses. {@code NaN} marks a missing score.
   *
   * @throws InvalidInputException if the lengths differ or a score is infinite
   */
  public static PairedCohort of(double[] before, double[] after) {
    List<Violation> violations = new ArrayList<>();
    if (after.length != before.length) {
      violations.add(Violation.at("after", "has " + after.length + " values, expected " + before.length));
    }
    infinite(violations, "before", before);
    infinite(violations, "after", after);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid before-and-after cohort", violations);
    }
    return new PairedCohort(before.clone(), after.clone(), Optional.empty());
  }

  /**
   * This cohort with a dose per person (for example sessions attended); {@code NaN} marks an
   * unknown dose.
   *
   * @throws InvalidInputException if the length differs or a dose is negative or infinite
   */
  public PairedCohort withDose(double[] doses) {
    List<Violation> violations = new ArrayList<>();
    if (doses.length != before.length) {
      violations.add(Violation.at("dose", "has " + doses.length + " values, expected " + before.length));
    }
    for (int i = 0; i < doses.length && violations.size() < 100; i++) {
      if (Double.isInfinite(doses[i]) || doses[i] < 0) {
        violations.add(Violation.atCell(i + 1L, "dose", "dose " + doses[i] + " is not a non-negative finite number"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid doses", violations);
    }
    return new PairedCohort(before, after, Optional.of(doses.clone()));
  }

  private static void infinite(List<Violation> violations, String column, double[] values) {
    for (int i = 0; i < values.length && violations.size() < 100; i++) {
      if (Double.isInfinite(values[i])) {
        violations.add(Violation.atCell(i + 1L, column, "value " + values[i] + " is not finite"));
      }
    }
  }

  /** The number of people enrolled. */
  public int size() {
    return before.length;
  }

  /** The baseline score of row {@code i} (0-based); NaN when missing. */
  public double before(int i) {
    return before[i];
  }

  /** The follow-up score of row {@code i} (0-based); NaN when missing. */
  public double after(int i) {
    return after[i];
  }

  /** Whether the cohort has doses. */
  public boolean hasDose() {
    return dose.isPresent();
  }

  /** The dose of row {@code i} (0-based); NaN when unknown. */
  public double dose(int i) {
    return dose.orElseThrow(() -> new IllegalStateException("the cohort has no doses"))[i];
  }

  @Override
  public String toString() {
    return "PairedCohort[" + before.length + " people" + (dose.isPresent() ? ", with doses" : "") + "]";
  }
}
