package org.outcome.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.survival.internal.CellCounter;
import org.outcome.stats.survival.internal.DistinctTimes;

/**
 * The mergeable summary behind Kaplan–Meier, log-rank and restricted mean survival time: for each
 * stratum and group (a <em>cell</em>), the distinct times at which anyone in the cell had an event
 * or was censored, with the number of events and of censorings at each. The number at risk at a
 * time is derived, as the sum of events and censorings at that time and later.
 *
 * <p>Every analysis in this package runs in two steps: (1) reduce the rows to these counts (one
 * linear pass after finding the distinct times), then (2) compute the estimate from the counts
 * alone. Step 2 never sees a row, so the same engine can run over counts aggregated elsewhere,
 * for example by a Spark job that computes
 * {@code groupBy(stratum, group, time).agg(sum(event), sum(1 - event))} and feeds each row to
 * {@link Builder#add}; partial summaries combine with {@link #merge}.
 *
 * <p>Groups and strata are indexed by their position in {@link #groupLevels()} and
 * {@link #strataLevels()} (R's level order, see {@link Factor}). A summary without a group column
 * has one group; without a strata column, one stratum. Times are matched as {@link TimeMatching}
 * says (R's {@code aeqSurv} by default). Immutable and thread-safe.
 */
public final class SurvivalCounts {
  private final Optional<List<String>> groupLevels;
  private final Optional<List<String>> strataLevels;
  private final int groups;
  private final int strata;
  private final TimeMatching matching;
  private final Cell[] cells;

  private SurvivalCounts(Optional<List<String>> groupLevels, Optional<List<String>> strataLevels,
      TimeMatching matching, CellCounter.Cell[] counted) {
    this.groupLevels = groupLevels.map(List::copyOf);
    this.strataLevels = strataLevels.map(List::copyOf);
    this.groups = groupLevels.map(List::size).orElse(1);
    this.strata = strataLevels.map(List::size).orElse(1);
    this.matching = matching;
    this.cells = new Cell[counted.length];
    for (int c = 0; c < counted.length; c++) {
      cells[c] = new Cell(c / groups, c % groups, counted[c].times(), counted[c].events(), counted[c].censored());
    }
  }

  /**
   * Counts a sample by its strata and group columns (when present), matching times as R does
   * ({@link TimeMatching#R_TOLERANCE}).
   */
  public static SurvivalCounts of(SurvivalSample sample) {
    return of(sample, TimeMatching.R_TOLERANCE);
  }

  /**
   * Counts a sample by its strata and group columns (when present), matching times as given.
   *
   * @throws DegenerateDataException if a group or strata column has no level (the sample has no
   *     rows)
   */
  public static SurvivalCounts of(SurvivalSample sample, TimeMatching matching) {
    Objects.requireNonNull(sample, "sample");
    Arguments.option(matching, "matching");
    double[] time = sample.times();
    boolean[] event = sample.events();
    Optional<Factor> group = sample.group();
    Optional<Factor> stratum = sample.strata();
    int g = group.map(Factor::levelCount).orElse(1);
    int s = stratum.map(Factor::levelCount).orElse(1);
    if (g == 0 || s == 0) {
      throw new DegenerateDataException("the sample has no rows",
          "give at least one row with a value in every column the analysis uses");
    }
    int[] cellOf = null;
    if (g > 1 || s > 1) {
      cellOf = new int[time.length];
      for (int i = 0; i < time.length; i++) {
        int gi = group.isPresent() ? group.get().code(i) : 0;
        int si = stratum.isPresent() ? stratum.get().code(i) : 0;
        cellOf[i] = si * g + gi;
      }
    }
    DistinctTimes distinct = DistinctTimes.of(time, matching == TimeMatching.R_TOLERANCE, TimeMatching.TOLERANCE);
    CellCounter.Cell[] counted = CellCounter.count(time, event, cellOf, g * s, distinct);
    return new SurvivalCounts(group.map(Factor::levels), stratum.map(Factor::levels), matching, counted);
  }

  /**
   * A builder for counts aggregated elsewhere.
   *
   * @param groupLevels the group labels in order, or empty when there is no group column
   * @param strataLevels the stratum labels in order, or empty when there is no strata column
   */
  public static Builder builder(Optional<List<String>> groupLevels, Optional<List<String>> strataLevels) {
    return new Builder(groupLevels, strataLevels);
  }

  /**
   * These counts combined with another summary of other rows over the same levels: the result
   * equals the summary of the two sets of rows together (exactly so for whole-number times; with
   * {@link TimeMatching#R_TOLERANCE} the near-tie rule is applied again to the merged times).
   *
   * @throws IllegalArgumentException if the level lists or time matching differ
   */
  public SurvivalCounts merge(SurvivalCounts other) {
    if (!groupLevels.equals(other.groupLevels) || !strataLevels.equals(other.strataLevels)) {
      throw new IllegalArgumentException("cannot merge counts over different groups or strata: "
          + groupLevels + "/" + strataLevels + " and " + other.groupLevels + "/" + other.strataLevels);
    }
    if (matching != other.matching) {
      throw new IllegalArgumentException("cannot merge counts made with different time matching");
    }
    Builder b = builder(groupLevels, strataLevels).timeMatching(matching);
    for (SurvivalCounts part : List.of(this, other)) {
      for (Cell cell : part.cells) {
        for (int i = 0; i < cell.size(); i++) {
          b.add(cell.stratum, cell.group, cell.times[i], cell.events[i], cell.censored[i]);
        }
      }
    }
    return b.build();
  }

  /** The group labels, when the data have a group column. */
  public Optional<List<String>> groupLevels() {
    return groupLevels;
  }

  /** The stratum labels, when the data have a strata column. */
  public Optional<List<String>> strataLevels() {
    return strataLevels;
  }

  /** The number of groups (1 without a group column). */
  public int groupCount() {
    return groups;
  }

  /** The number of strata (1 without a strata column). */
  public int strataCount() {
    return strata;
  }

  /** How times were matched. */
  public TimeMatching timeMatching() {
    return matching;
  }

  /** The cell of a stratum and group (indices into the level lists; 0 when there is none). */
  public Cell cell(int stratum, int group) {
    if (stratum < 0 || stratum >= strata || group < 0 || group >= groups) {
      throw new IndexOutOfBoundsException("no cell (" + stratum + ", " + group + ") in " + strata
          + " strata x " + groups + " groups");
    }
    return cells[stratum * groups + group];
  }

  /** All cells, stratum-major then group. */
  public List<Cell> cells() {
    return List.of(cells);
  }

  /** The number of rows counted. */
  public long rows() {
    long n = 0;
    for (Cell c : cells) {
      n += c.rows();
    }
    return n;
  }

  /** The number of rows in a group, over all strata. */
  public long groupRows(int group) {
    long n = 0;
    for (int s = 0; s < strata; s++) {
      n += cell(s, group).rows();
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivalCounts c && groupLevels.equals(c.groupLevels) && strataLevels.equals(c.strataLevels)
        && matching == c.matching && Arrays.equals(cells, c.cells);
  }

  @Override
  public int hashCode() {
    return Objects.hash(groupLevels, strataLevels, matching, Arrays.hashCode(cells));
  }

  @Override
  public String toString() {
    return "SurvivalCounts[" + rows() + " rows, " + strata + " strata x " + groups + " groups]";
  }

  /**
   * The counts of one stratum and group: ascending distinct times, with events, censorings and
   * the number at risk (rows whose time is at or after the time) at each. Immutable.
   */
  public static final class Cell {
    private final int stratum;
    private final int group;
    final double[] times;
    final long[] events;
    final long[] censored;
    final long[] atRisk;

    Cell(int stratum, int group, double[] times, long[] events, long[] censored) {
      this.stratum = stratum;
      this.group = group;
      this.times = times;
      this.events = events;
      this.censored = censored;
      this.atRisk = new long[times.length];
      long risk = 0;
      for (int i = times.length - 1; i >= 0; i--) {
        risk += events[i] + censored[i];
        atRisk[i] = risk;
      }
    }

    /** The stratum index. */
    public int stratum() {
      return stratum;
    }

    /** The group index. */
    public int group() {
      return group;
    }

    /** The number of distinct times. */
    public int size() {
      return times.length;
    }

    /** Whether the cell has no rows. */
    public boolean isEmpty() {
      return times.length == 0;
    }

    /** The number of rows in the cell. */
    public long rows() {
      return times.length == 0 ? 0 : atRisk[0];
    }

    /** The number of events in the cell. */
    public long eventTotal() {
      long e = 0;
      for (long x : events) {
        e += x;
      }
      return e;
    }

    /** The {@code i}-th distinct time. */
    public double time(int i) {
      return times[i];
    }

    /** Events at the {@code i}-th time. */
    public long events(int i) {
      return events[i];
    }

    /** Censorings at the {@code i}-th time. */
    public long censored(int i) {
      return censored[i];
    }

    /** Rows at risk at the {@code i}-th time (time at or after it). */
    public long atRisk(int i) {
      return atRisk[i];
    }

    /** A copy of the times. */
    public double[] times() {
      return times.clone();
    }

    /** A copy of the event counts. */
    public long[] events() {
      return events.clone();
    }

    /** A copy of the censoring counts. */
    public long[] censored() {
      return censored.clone();
    }

    /** A copy of the numbers at risk. */
    public long[] atRisk() {
      return atRisk.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cell c && stratum == c.stratum && group == c.group && Arrays.equals(times, c.times)
          && Arrays.equals(events, c.events) && Arrays.equals(censored, c.censored);
    }

    @Override
    public int hashCode() {
      return Objects.hash(stratum, group, Arrays.hashCode(times), Arrays.hashCode(events), Arrays.hashCode(censored));
    }

    @Override
    public String toString() {
      return "Cell[stratum " + stratum + ", group " + group + ", " + times.length + " times, " + rows() + " rows]";
    }
  }

  /**
   * Collects aggregated counts, in any order and with repeated (stratum, group, time) entries
   * (they are summed); {@link #build()} validates every entry and reports all problems together.
   */
  public static final class Builder {
    private static final int KEPT = 200;
    private final Optional<List<String>> groupLevels;
    private final Optional<List<String>> strataLevels;
    private final int groups;
    private final int strata;
    private TimeMatching matching = TimeMatching.R_TOLERANCE;
    private int size;
    private int[] cellOf = new int[64];
    private double[] time = new double[64];
    private long[] events = new long[64];
    private long[] censored = new long[64];
    private final List<Violation> violations = new ArrayList<>();
    private long entries;
    private long unlisted;

    private Builder(Optional<List<String>> groupLevels, Optional<List<String>> strataLevels) {
      this.groupLevels = Objects.requireNonNull(groupLevels, "groupLevels").map(List::copyOf);
      this.strataLevels = Objects.requireNonNull(strataLevels, "strataLevels").map(List::copyOf);
      this.groups = this.groupLevels.map(List::size).orElse(1);
      this.strata = this.strataLevels.map(List::size).orElse(1);
      if (groups == 0 || strata == 0) {
        throw new IllegalArgumentException("a level list, when given, must not be empty");
      }
    }

    /** Sets how times are matched (R's near-tie rule by default). */
    public Builder timeMatching(TimeMatching m) {
      this.matching = Arguments.option(m, "matching");
      return this;
    }

    /**
     * Adds events and censorings at a time in a cell. Entries with no events and no censorings
     * are ignored.
     *
     * @param stratum the stratum index (0 without strata)
     * @param group the group index (0 without groups)
     * @param t the time, finite and at least 0
     * @param nEvents events at {@code t}, not negative
     * @param nCensored censorings at {@code t}, not negative
     */
    public Builder add(int stratum, int group, double t, long nEvents, long nCensored) {
      entries++;
      String where = "entry " + entries;
      int before = violations.size();
      if (before >= KEPT) {
        boolean bad = stratum < 0 || stratum >= strata || group < 0 || group >= groups || !(t >= 0)
            || !Double.isFinite(t) || nEvents < 0 || nCensored < 0;
        if (bad) {
          unlisted++;
          return this;
        }
      }
      if (stratum < 0 || stratum >= strata) {
        violations.add(Violation.at(where, "stratum index " + stratum + " is not in [0, " + strata + ")"));
      }
      if (group < 0 || group >= groups) {
        violations.add(Violation.at(where, "group index " + group + " is not in [0, " + groups + ")"));
      }
      if (!(t >= 0) || !Double.isFinite(t)) {
        violations.add(Violation.at(where, "time " + t + " is not a finite number at least 0"));
      }
      if (nEvents < 0 || nCensored < 0) {
        violations.add(Violation.at(where, "counts must not be negative"));
      }
      if (violations.size() > before || nEvents + nCensored == 0) {
        return this;
      }
      if (size == time.length) {
        int capacity = size * 2;
        cellOf = Arrays.copyOf(cellOf, capacity);
        time = Arrays.copyOf(time, capacity);
        events = Arrays.copyOf(events, capacity);
        censored = Arrays.copyOf(censored, capacity);
      }
      cellOf[size] = stratum * groups + group;
      time[size] = t;
      events[size] = nEvents;
      censored[size] = nCensored;
      size++;
      return this;
    }

    /**
     * The counts.
     *
     * @throws InvalidInputException listing every invalid entry
     */
    public SurvivalCounts build() {
      if (!violations.isEmpty()) {
        List<Violation> all = new ArrayList<>(violations);
        if (unlisted > 0) {
          all.add(Violation.at("counts", unlisted + " more invalid entries not listed"));
        }
        throw new InvalidInputException("invalid survival counts", all);
      }
      double[] t = Arrays.copyOf(time, size);
      DistinctTimes distinct = DistinctTimes.of(t, matching == TimeMatching.R_TOLERANCE, TimeMatching.TOLERANCE);
      CellCounter.Cell[] counted = CellCounter.countWeighted(t, Arrays.copyOf(events, size),
          Arrays.copyOf(censored, size), Arrays.copyOf(cellOf, size), groups * strata, distinct);
      return new SurvivalCounts(groupLevels, strataLevels, matching, counted);
    }
  }
}
