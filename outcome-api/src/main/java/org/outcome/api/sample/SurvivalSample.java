package org.outcome.api.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.outcome.api.Violation;

/**
 * Right-censored time-to-event data: for each person a time (0 or more) and whether the event was
 * observed at that time (1) or the person was censored (0); optionally a group, a stratum,
 * numeric covariates and a cluster. Community tenure becomes one of these (time to readmission).
 *
 * <p>Immutable, with value equality over every column. {@link #toString()} states the shape (rows,
 * events, how many levels each factor has, how many covariates), never a value.
 */
public final class SurvivalSample implements Sample {
  private final double[] time;
  private final boolean[] event;
  private final Optional<Factor> group;
  private final Optional<Factor> strata;
  private final List<Covariate> covariates;
  private final Optional<Factor> cluster;

  private SurvivalSample(Builder b) {
    this.time = b.time.clone();
    this.event = b.event.clone();
    this.group = b.group;
    this.strata = b.strata;
    this.covariates = List.copyOf(b.covariates);
    this.cluster = b.cluster;
  }

  /** A sample of times and event indicators, without groups or covariates. */
  public static SurvivalSample of(double[] time, boolean[] event) {
    return builder(time, event).build();
  }

  /** Starts a sample with times and event indicators ({@code true} = event observed). */
  public static Builder builder(double[] time, boolean[] event) {
    return new Builder(time, event);
  }

  @Override
  public int size() {
    return time.length;
  }

  /**
   * The time of row {@code i}; finite and at least 0 (a readmission on the day of discharge is
   * time 0, which R's {@code Surv} allows).
   */
  public double time(int i) {
    return time[i];
  }

  /** Whether the event was observed at row {@code i} (otherwise censored). */
  public boolean event(int i) {
    return event[i];
  }

  /** A copy of the times. */
  public double[] times() {
    return time.clone();
  }

  /** A copy of the event indicators. */
  public boolean[] events() {
    return event.clone();
  }

  /** The number of observed events. */
  public int eventCount() {
    int n = 0;
    for (boolean e : event) {
      n += e ? 1 : 0;
    }
    return n;
  }

  /** The group of each row, when the sample has groups. */
  public Optional<Factor> group() {
    return group;
  }

  /** The stratum of each row, when the sample is stratified. */
  public Optional<Factor> strata() {
    return strata;
  }

  /** The numeric covariates, in the order added. */
  public List<Covariate> covariates() {
    return covariates;
  }

  /** The cluster of each row, for a robust (sandwich) variance. */
  public Optional<Factor> cluster() {
    return cluster;
  }

  /** The same rows with another group column (or none). */
  public SurvivalSample withGroup(Optional<Factor> newGroup) {
    return toBuilder().group(newGroup.orElse(null)).build();
  }

  /** A builder holding this sample's columns. */
  public Builder toBuilder() {
    Builder b = new Builder(time, event);
    b.group = group;
    b.strata = strata;
    b.covariates.addAll(covariates);
    b.cluster = cluster;
    return b;
  }

  /**
   * Equal when every column is equal: the times (bit for bit, in order), the event indicators, the
   * group, strata and cluster factors, and the covariates in order.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivalSample s && Arrays.equals(time, s.time) && Arrays.equals(event, s.event)
        && group.equals(s.group) && strata.equals(s.strata) && covariates.equals(s.covariates)
        && cluster.equals(s.cluster);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(time), Arrays.hashCode(event), group, strata, covariates, cluster);
  }

  /**
   * The shape only, for example {@code SurvivalSample[40 rows, 12 events, group of 2 levels, 1
   * covariate]}: never a time, a level or a covariate's name.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SurvivalSample[").append(time.length).append(" rows, ")
        .append(eventCount()).append(" events");
    group.ifPresent(f -> s.append(", group of ").append(f.levelCount()).append(" levels"));
    strata.ifPresent(f -> s.append(", ").append(f.levelCount()).append(" strata"));
    if (!covariates.isEmpty()) {
      s.append(", ").append(covariates.size()).append(covariates.size() == 1 ? " covariate" : " covariates");
    }
    cluster.ifPresent(f -> s.append(", ").append(f.levelCount()).append(" clusters"));
    return s.append(']').toString();
  }

  /** Collects the columns of a {@link SurvivalSample}; validates them all in {@link #build()}. */
  public static final class Builder {
    private final double[] time;
    private final boolean[] event;
    private Optional<Factor> group = Optional.empty();
    private Optional<Factor> strata = Optional.empty();
    private final List<Covariate> covariates = new ArrayList<>();
    private Optional<Factor> cluster = Optional.empty();

    private Builder(double[] time, boolean[] event) {
      this.time = Objects.requireNonNull(time, "time");
      this.event = Objects.requireNonNull(event, "event");
    }

    /** Sets the group column; {@code null} removes it. */
    public Builder group(Factor factor) {
      this.group = Optional.ofNullable(factor);
      return this;
    }

    /** Sets the strata column; {@code null} removes it. */
    public Builder strata(Factor factor) {
      this.strata = Optional.ofNullable(factor);
      return this;
    }

    /** Adds a covariate column. */
    public Builder covariate(Covariate covariate) {
      covariates.add(Objects.requireNonNull(covariate, "covariate"));
      return this;
    }

    /** Adds a covariate column by name and values. */
    public Builder covariate(String name, double[] values) {
      return covariate(Covariate.of(name, values));
    }

    /** Sets the cluster column; {@code null} removes it. */
    public Builder cluster(Factor factor) {
      this.cluster = Optional.ofNullable(factor);
      return this;
    }

    /**
     * Validates and builds: every time finite and at least 0, every column the same length,
     * covariate names distinct.
     *
     * @throws org.outcome.api.InvalidInputException listing every problem
     */
    public SurvivalSample build() {
      Checks checks = new Checks("time-to-event sample");
      checks.sameLength("event", event.length, time.length);
      for (int i = 0; i < time.length; i++) {
        if (!(time[i] >= 0) || !Double.isFinite(time[i])) {
          checks.add(Violation.atCell(i + 1L, "time", "not a finite number at least 0"));
        }
      }
      group.ifPresent(f -> checks.sameLength("group", f.size(), time.length));
      strata.ifPresent(f -> checks.sameLength("strata", f.size(), time.length));
      cluster.ifPresent(f -> checks.sameLength("cluster", f.size(), time.length));
      Set<String> names = new HashSet<>();
      for (Covariate c : covariates) {
        checks.sameLength(c.name(), c.size(), time.length);
        if (!names.add(c.name())) {
          checks.add(Violation.at(c.name(), "covariate name appears more than once"));
        }
      }
      checks.throwIfAny();
      return new SurvivalSample(this);
    }
  }
}
