package org.outcome.stats.paired;

import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Checks;

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
    Checks.of("before-and-after cohort").sameLength("after", after.length, before.length)
        .finiteOrMissing("before", before).finiteOrMissing("after", after).throwIfAny();
    return new PairedCohort(before.clone(), after.clone(), Optional.empty());
  }

  /**
   * This cohort with a dose per person (for example sessions attended); {@code NaN} marks an
   * unknown dose.
   *
   * @throws InvalidInputException if the length differs or a dose is negative or infinite
   */
  public PairedCohort withDose(double[] doses) {
    Checks.of("doses").sameLength("dose", doses.length, before.length).nonNegativeOrMissing("dose", doses)
        .throwIfAny();
    return new PairedCohort(before, after, Optional.of(doses.clone()));
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
