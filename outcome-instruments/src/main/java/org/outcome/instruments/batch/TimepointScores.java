package org.outcome.instruments.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.outcome.api.RejectedRow;
import org.outcome.api.SubjectId;
import org.outcome.api.instrument.SubscaleId;

/**
 * Each person's score at each time point, for one subscale, as {@link ScoresByPerson} read them,
 * with the accounting of every row: {@code read() = scored() + notScored() + rejected().size()}.
 * Immutable.
 *
 * <p>A person has no score at a time point when the file has no accepted row for it, or when the
 * row's score could not be computed (too many items missing). The array forms line the scores up
 * with a list of people, {@code NaN} marking no score, ready for {@code PairedCohort.of(before,
 * after)}.
 */
public final class TimepointScores {
  /** An accepted row's number and score (NaN when it could not be computed). */
  record Slot(long row, double value) {}

  private final SubscaleId subscale;
  private final String baseline;
  private final List<String> timepoints;
  private final Map<String, Map<SubjectId, Slot>> scores;
  private final List<SubjectId> subjects;
  private final long read;
  private final long scored;
  private final long notScored;
  private final List<RejectedRow> rejected;

  TimepointScores(SubscaleId subscale, String baseline, List<String> timepoints,
      Map<String, Map<SubjectId, Slot>> scores, Set<SubjectId> subjects, long read, long scored, long notScored,
      List<RejectedRow> rejected) {
    this.subscale = subscale;
    this.baseline = baseline;
    this.timepoints = List.copyOf(timepoints);
    Map<String, Map<SubjectId, Slot>> copy = new LinkedHashMap<>();
    scores.forEach((t, m) -> copy.put(t, Map.copyOf(m)));
    this.scores = copy;
    this.subjects = List.copyOf(subjects);
    this.read = read;
    this.scored = scored;
    this.notScored = notScored;
    this.rejected = List.copyOf(rejected);
    if (read != scored + notScored + this.rejected.size()) {
      throw new IllegalStateException("rows read (" + read + ") must be scored (" + scored + ") + not scored ("
          + notScored + ") + rejected (" + this.rejected.size() + ")");
    }
  }

  /** The subscale scored. */
  public SubscaleId subscale() {
    return subscale;
  }

  /** The baseline time point's label. */
  public String baselineLabel() {
    return baseline;
  }

  /** The time points: those asked for, or else those of the accepted rows in order of first appearance. */
  public List<String> timepoints() {
    return timepoints;
  }

  /** The people with an accepted row, in order of first appearance. */
  public List<SubjectId> subjects() {
    return subjects;
  }

  /** A person's score at a time point, if the person has one. */
  public OptionalDouble at(SubjectId subject, String timepoint) {
    Objects.requireNonNull(subject, "subject");
    Slot slot = scores.getOrDefault(Objects.requireNonNull(timepoint, "timepoint"), Map.of()).get(subject);
    return slot == null || Double.isNaN(slot.value()) ? OptionalDouble.empty() : OptionalDouble.of(slot.value());
  }

  /** A person's score at baseline, if the person has one. */
  public OptionalDouble baseline(SubjectId subject) {
    return at(subject, baseline);
  }

  /** The scores of a list of people at a time point, in list order; {@code NaN} where a person has none. */
  public double[] at(List<SubjectId> people, String timepoint) {
    double[] out = new double[people.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = at(people.get(i), timepoint).orElse(Double.NaN);
    }
    return out;
  }

  /** The baseline scores of a list of people, in list order; {@code NaN} where a person has none. */
  public double[] baseline(List<SubjectId> people) {
    return at(people, baseline);
  }

  /** Data rows read (after the header). */
  public long read() {
    return read;
  }

  /** Rows accepted with a score. */
  public long scored() {
    return scored;
  }

  /** Rows accepted whose score could not be computed (too many items missing). */
  public long notScored() {
    return notScored;
  }

  /** Rows rejected, in file order, each with its row number and every reason. */
  public List<RejectedRow> rejected() {
    return rejected;
  }

  /** The accounting: {@code 113 rows read: 110 scored, 2 not scored, 1 rejected}. */
  @Override
  public String toString() {
    return read + " rows read: " + scored + " scored, " + notScored + " not scored, " + rejected.size() + " rejected";
  }
}
