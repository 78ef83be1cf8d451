package org.outcome.api.sample;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.Violation;

/**
 * Counting-process time-to-event data, R's {@code Surv(start, stop, event)}: each row an interval
 * {@code (start, stop]} in which its person was at risk, ending with the event (1) or not (0);
 * optionally the person it belongs to, a group, strata and numeric covariates. Recurrent events
 * take this form (Andersen and Gill, 1982): a person's time in the community between hospital
 * stays is a row per interval, the gaps (time in hospital) belonging to no row.
 *
 * <p>The rows at their stop times, with every other column, are {@link #atStop()}; the person is
 * its cluster (for the robust variance that recurrent events need). Immutable, with value equality
 * over every column. {@link #toString()} states the shape, never a value.
 */
public final class CountingProcessSample implements Sample {
  private final double[] start;
  private final SurvivalSample atStop;
  private final Optional<Factor> id;

  private CountingProcessSample(double[] start, SurvivalSample atStop, Optional<Factor> id) {
    this.start = start;
    this.atStop = atStop;
    this.id = id;
  }

  /**
   * Starts a sample with the intervals' starts, stops and event indicators ({@code true} = the
   * interval ends with the event).
   */
  public static Builder builder(double[] start, double[] stop, boolean[] event) {
    return new Builder(start, stop, event);
  }

  @Override
  public int size() {
    return start.length;
  }

  /** The start of row {@code i}'s interval, below its stop. */
  public double start(int i) {
    return start[i];
  }

  /** A copy of the starts. */
  public double[] starts() {
    return start.clone();
  }

  /**
   * The rows at their stop times: stops as times, event indicators, group, strata, covariates, and
   * the person as the cluster.
   */
  public SurvivalSample atStop() {
    return atStop;
  }

  /** The person of each row, when given. */
  public Optional<Factor> id() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountingProcessSample s && Arrays.equals(start, s.start) && atStop.equals(s.atStop)
        && id.equals(s.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(start), atStop, id);
  }

  /** The shape only, for example {@code CountingProcessSample[203 rows, 76 events, 128 people, 2 covariates]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CountingProcessSample[").append(start.length).append(" rows, ")
        .append(atStop.eventCount()).append(" events");
    id.ifPresent(f -> s.append(", ").append(f.levelCount()).append(" people"));
    atStop.group().ifPresent(f -> s.append(", group of ").append(f.levelCount()).append(" levels"));
    atStop.strata().ifPresent(f -> s.append(", ").append(f.levelCount()).append(" strata"));
    int p = atStop.covariates().size();
    if (p > 0) {
      s.append(", ").append(p).append(p == 1 ? " covariate" : " covariates");
    }
    return s.append(']').toString();
  }

  /** Collects the columns of a {@link CountingProcessSample}; validates them all in {@link #build()}. */
  public static final class Builder {
    private final double[] start;
    private final SurvivalSample.Builder atStop;
    private final double[] stop;
    private Optional<Factor> id = Optional.empty();
    private Factor strata;
    private long[] rowNumbers;

    private Builder(double[] start, double[] stop, boolean[] event) {
      this.start = Objects.requireNonNull(start, "start").clone();
      this.stop = Objects.requireNonNull(stop, "stop").clone();
      this.atStop = SurvivalSample.builder(this.stop, event);
    }

    /** Sets the group column; {@code null} removes it. */
    public Builder group(Factor factor) {
      atStop.group(factor);
      return this;
    }

    /** Sets the strata column; {@code null} removes it. */
    public Builder strata(Factor factor) {
      atStop.strata(factor);
      this.strata = factor;
      return this;
    }

    /** Adds a covariate column by name and values. */
    public Builder covariate(String name, double[] values) {
      atStop.covariate(name, values);
      return this;
    }

    /** Adds a covariate column. */
    public Builder covariate(Covariate covariate) {
      atStop.covariate(covariate);
      return this;
    }

    /** Sets the person of each row (also the cluster of the robust variance); {@code null} removes it. */
    public Builder id(Factor factor) {
      this.id = Optional.ofNullable(factor);
      atStop.cluster(factor);
      return this;
    }

    /**
     * Names rows in messages by these numbers instead of their positions from 1 (for example a
     * file's data rows, when rows with an empty cell were left out before the sample was built).
     *
     * @param numbers one per row (not kept)
     */
    public Builder rowNumbers(long[] numbers) {
      this.rowNumbers = numbers.clone();
      return this;
    }

    /**
     * Sorts {@code order[from, to)} by start: insertion sort for a person's few rows, a general
     * sort for the rare person with many.
     */
    private void sortByStart(int[] order, int from, int to) {
      if (to - from > 32) {
        Integer[] boxed = new Integer[to - from];
        for (int k = from; k < to; k++) {
          boxed[k - from] = order[k];
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(start[a], start[b]));
        for (int k = from; k < to; k++) {
          order[k] = boxed[k - from];
        }
        return;
      }
      for (int k = from + 1; k < to; k++) {
        int row = order[k];
        int m = k - 1;
        while (m >= from && start[order[m]] > start[row]) {
          order[m + 1] = order[m];
          m--;
        }
        order[m + 1] = row;
      }
    }

    private long row(int i) {
      return rowNumbers != null && i < rowNumbers.length ? rowNumbers[i] : i + 1L;
    }

    /**
     * Validates and builds: every start finite and below its stop, every stop finite and positive,
     * every column the same length, covariate names distinct, and with an id no two intervals of a
     * person overlapping within a stratum (a person is at risk of one readmission at a time).
     *
     * @throws org.outcome.api.InvalidInputException listing every problem, by row (from 1) and
     *     column, never a value
     */
    public CountingProcessSample build() {
      Checks checks = new Checks("counting-process sample");
      checks.sameLength("stop", stop.length, start.length);
      for (int i = 0; i < Math.min(start.length, stop.length); i++) {
        if (!Double.isFinite(start[i])) {
          checks.add(Violation.atCell(row(i), "start", "not a finite number"));
        } else if (!(start[i] < stop[i])) {
          checks.add(Violation.atCell(row(i), "start", "not before the stop of its interval"));
        }
      }
      id.ifPresent(f -> {
        checks.sameLength("id", f.size(), start.length);
        if (f.size() == start.length && start.length == stop.length
            && (strata == null || strata.size() == start.length)) {
          overlaps(f, checks);
        }
      });
      checks.throwIfAny();
      SurvivalSample rows = atStop.build();
      return new CountingProcessSample(start.clone(), rows, id);
    }

    /**
     * Each row whose interval begins before the previous interval of its person in the same
     * stratum ends: the rows grouped by person and stratum (a counting sort), each group's few
     * rows sorted by start. (Rows of one person in different strata may overlap: the
     * Prentice–Williams–Peterson gap-time form starts every interval at 0, one stratum per event.)
     */
    private void overlaps(Factor person, Checks checks) {
      int n = start.length;
      int[] stratum = strata == null ? new int[n] : strata.codes();
      int strataCount = strata == null ? 1 : strata.levelCount();
      int groups = person.levelCount() * strataCount;
      int[] first = new int[groups + 1];
      int[] key = new int[n];
      for (int i = 0; i < n; i++) {
        key[i] = person.code(i) * strataCount + stratum[i];
        first[key[i] + 1]++;
      }
      for (int c = 0; c < groups; c++) {
        first[c + 1] += first[c];
      }
      int[] next = first.clone();
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[next[key[i]]++] = i;
      }
      for (int c = 0; c < groups; c++) {
        if (first[c + 1] - first[c] < 2) {
          continue;
        }
        sortByStart(order, first[c], first[c + 1]);
        for (int k = first[c] + 1; k < first[c + 1]; k++) {
          int previous = order[k - 1];
          int row = order[k];
          if (start[row] < stop[previous]) {
            checks.add(Violation.atCell(row(row), "start", "the interval overlaps the same person's interval at row "
                + row(previous)));
          }
        }
      }
    }
  }
}
