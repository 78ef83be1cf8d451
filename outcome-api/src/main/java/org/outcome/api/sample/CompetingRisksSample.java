package org.outcome.api.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.outcome.api.Violation;

/**
 * Competing-risks data: for each person the time to the first of several kinds of event (for
 * example readmission or death) and which kind it was, a status code: 0 censored, 1, 2, …
 * a cause; optionally a group, strata and numeric covariates. As cmprsk's {@code cuminc} and
 * {@code crr} take them ({@code cencode = 0}).
 *
 * <p>Immutable, with value equality over every column. {@link #toString()} states the shape (rows,
 * the count of each status), never a value.
 */
public final class CompetingRisksSample implements Sample {
  private final double[] time;
  private final int[] status;
  private final Optional<Factor> group;
  private final Optional<Factor> strata;
  private final List<Covariate> covariates;

  private CompetingRisksSample(Builder b) {
    this.time = b.time.clone();
    this.status = b.status.clone();
    this.group = b.group;
    this.strata = b.strata;
    this.covariates = List.copyOf(b.covariates);
  }

  /** Starts a sample with times and status codes (0 censored, k ≥ 1 the cause). */
  public static Builder builder(double[] time, int[] status) {
    return new Builder(time, status);
  }

  @Override
  public int size() {
    return time.length;
  }

  /** The time of row {@code i}, at least 0. */
  public double time(int i) {
    return time[i];
  }

  /** The status of row {@code i}: 0 censored, otherwise the cause. */
  public int status(int i) {
    return status[i];
  }

  /** A copy of the times. */
  public double[] times() {
    return time.clone();
  }

  /** A copy of the status codes. */
  public int[] statuses() {
    return status.clone();
  }

  /** The causes that occur, ascending. */
  public List<Integer> causes() {
    Set<Integer> causes = new TreeSet<>();
    for (int s : status) {
      if (s != 0) {
        causes.add(s);
      }
    }
    return List.copyOf(causes);
  }

  /** The group of each row, when the sample has groups. */
  public Optional<Factor> group() {
    return group;
  }

  /** The stratum of each row (for Gray's test), when the sample is stratified. */
  public Optional<Factor> strata() {
    return strata;
  }

  /** The numeric covariates, in the order added. */
  public List<Covariate> covariates() {
    return covariates;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CompetingRisksSample s && Arrays.equals(time, s.time) && Arrays.equals(status, s.status)
        && group.equals(s.group) && strata.equals(s.strata) && covariates.equals(s.covariates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(time), Arrays.hashCode(status), group, strata, covariates);
  }

  /** The shape only, for example {@code CompetingRisksSample[1384 rows, 409 censored, 115 cause 1, 860 cause 2]}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CompetingRisksSample[").append(time.length).append(" rows, ")
        .append(Arrays.stream(status).filter(c -> c == 0).count()).append(" censored");
    for (int c : causes()) {
      s.append(", ").append(Arrays.stream(status).filter(x -> x == c).count()).append(" cause ").append(c);
    }
    group.ifPresent(f -> s.append(", group of ").append(f.levelCount()).append(" levels"));
    strata.ifPresent(f -> s.append(", ").append(f.levelCount()).append(" strata"));
    if (!covariates.isEmpty()) {
      s.append(", ").append(covariates.size()).append(covariates.size() == 1 ? " covariate" : " covariates");
    }
    return s.append(']').toString();
  }

  /** Collects the columns of a {@link CompetingRisksSample}; validates them all in {@link #build()}. */
  public static final class Builder {
    private final double[] time;
    private final int[] status;
    private Optional<Factor> group = Optional.empty();
    private Optional<Factor> strata = Optional.empty();
    private final List<Covariate> covariates = new ArrayList<>();

    private Builder(double[] time, int[] status) {
      this.time = Objects.requireNonNull(time, "time");
      this.status = Objects.requireNonNull(status, "status");
    }

    /** Sets the group column; {@code null} removes it. */
    public Builder group(Factor factor) {
      this.group = Optional.ofNullable(factor);
      return this;
    }

    /** Sets the strata column (Gray's test is stratified by it); {@code null} removes it. */
    public Builder strata(Factor factor) {
      this.strata = Optional.ofNullable(factor);
      return this;
    }

    /** Adds a covariate column by name and values. */
    public Builder covariate(String name, double[] values) {
      covariates.add(Covariate.of(name, values));
      return this;
    }

    /**
     * Validates and builds: every time finite and at least 0, every status 0 or a positive cause,
     * every column the same length, covariate names distinct.
     *
     * @throws org.outcome.api.InvalidInputException listing every problem by row (from 1) and
     *     column, never a value
     */
    public CompetingRisksSample build() {
      Checks checks = new Checks("competing-risks sample");
      checks.sameLength("status", status.length, time.length);
      for (int i = 0; i < time.length; i++) {
        if (!(time[i] >= 0) || !Double.isFinite(time[i])) {
          checks.add(Violation.atCell(i + 1L, "time", "not a finite number of at least 0"));
        }
        if (i < status.length && status[i] < 0) {
          checks.add(Violation.atCell(i + 1L, "status", "not 0 (censored) or a cause 1, 2, ..."));
        }
      }
      group.ifPresent(f -> checks.sameLength("group", f.size(), time.length));
      strata.ifPresent(f -> checks.sameLength("strata", f.size(), time.length));
      Set<String> names = new HashSet<>();
      for (Covariate c : covariates) {
        checks.sameLength(c.name(), c.size(), time.length);
        if (!names.add(c.name())) {
          checks.add(Violation.at(c.name(), "covariate name appears more than once"));
        }
      }
      checks.throwIfAny();
      return new CompetingRisksSample(this);
    }
  }
}
