package org.outcome.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.stats.internal.SortedSearch;

/**
 * One Kaplan–Meier curve (one group within one stratum), with every component of R's
 * {@code survfit} object for it: at each distinct time of the curve (event or censoring) the
 * number at risk, events, censorings, the survival, the standard error of the cumulative hazard
 * ({@code std.err}) and the confidence limits; and the summaries of {@code summary(fit)$table}
 * (median with limits, restricted mean) and of {@code summary(fit, times = )}.
 *
 * <p>In the arrays, {@code NaN} marks a limit R reports as {@code NA} (every limit where the
 * survival is 0; log-log limits where it is 1), and the standard error is {@code +Infinity} once
 * the survival is 0, as in R. The accessors {@link #lower(int)} and {@link #upper(int)} return
 * these as absent values. Immutable; array accessors return copies.
 */
public final class KaplanMeierCurve {
  private final Optional<String> group;
  private final Optional<String> stratum;
  private final double[] time;
  private final long[] nRisk;
  private final long[] nEvent;
  private final long[] nCensor;
  private final double[] survival;
  private final double[] stdErr;
  private final double[] lower;
  private final double[] upper;
  private final MedianSurvival median;
  private final RestrictedMean restrictedMean;
  private final List<SurvivalAt> at;

  KaplanMeierCurve(Optional<String> group, Optional<String> stratum, double[] time, long[] nRisk, long[] nEvent,
      long[] nCensor, double[] survival, double[] stdErr, double[] lower, double[] upper, MedianSurvival median,
      RestrictedMean restrictedMean, List<SurvivalAt> at) {
    this.group = group;
    this.stratum = stratum;
    this.time = time;
    this.nRisk = nRisk;
    this.nEvent = nEvent;
    this.nCensor = nCensor;
    this.survival = survival;
    this.stdErr = stdErr;
    this.lower = lower;
    this.upper = upper;
    this.median = median;
    this.restrictedMean = restrictedMean;
    this.at = List.copyOf(at);
  }

  /** The group level of this curve, when the data have groups. */
  public Optional<String> group() {
    return group;
  }

  /** The stratum level of this curve, when the data have strata. */
  public Optional<String> stratum() {
    return stratum;
  }

  /**
   * The curve's label in R's style, {@code groupColumn=level, strataColumn=level} (for example
   * {@code group=Maintained}); {@code all} for a curve of ungrouped, unstratified data.
   */
  public String label(String groupColumn, String strataColumn) {
    List<String> parts = new ArrayList<>();
    group.ifPresent(g -> parts.add(Objects.requireNonNull(groupColumn, "groupColumn") + "=" + g));
    stratum.ifPresent(s -> parts.add(Objects.requireNonNull(strataColumn, "strataColumn") + "=" + s));
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }

  /** The number of rows in the curve (R's {@code n}, or {@code records}). */
  public long n() {
    return nRisk.length == 0 ? 0 : nRisk[0];
  }

  /** The number of events. */
  public long events() {
    long e = 0;
    for (long x : nEvent) {
      e += x;
    }
    return e;
  }

  /** The number of distinct times. */
  public int size() {
    return time.length;
  }

  /** The last observed time (event or censoring). */
  public double lastTime() {
    return time[time.length - 1];
  }

  /** The distinct times. */
  public double[] time() {
    return time.clone();
  }

  /** The number at risk at each time. */
  public long[] nRisk() {
    return nRisk.clone();
  }

  /** The events at each time. */
  public long[] nEvent() {
    return nEvent.clone();
  }

  /** The censorings at each time. */
  public long[] nCensor() {
    return nCensor.clone();
  }

  /** The survival at each time. */
  public double[] survival() {
    return survival.clone();
  }

  /** The standard error of the cumulative hazard at each time (R's {@code std.err}); may be infinite. */
  public double[] stdErrCumHazard() {
    return stdErr.clone();
  }

  /** The lower confidence limit at each time; {@code NaN} where R gives {@code NA}. */
  public double[] lower() {
    return lower.clone();
  }

  /** The upper confidence limit at each time; {@code NaN} where R gives {@code NA}. */
  public double[] upper() {
    return upper.clone();
  }

  /** The lower confidence limit at the {@code i}-th time, when defined. */
  public OptionalDouble lower(int i) {
    return present(lower[i]);
  }

  /** The upper confidence limit at the {@code i}-th time, when defined. */
  public OptionalDouble upper(int i) {
    return present(upper[i]);
  }

  /** The median survival time with its confidence limits. */
  public MedianSurvival median() {
    return median;
  }

  /** The restricted mean survival time with its standard error. */
  public RestrictedMean restrictedMean() {
    return restrictedMean;
  }

  /** The curve read at the chosen times, in the order chosen. */
  public List<SurvivalAt> at() {
    return at;
  }

  /** The survival at time {@code t}: 1 before the first time, then the last step at or before {@code t}. */
  public double survivalAt(double t) {
    int i = lastAtOrBefore(t);
    return i < 0 ? 1 : survival[i];
  }

  /** The number at risk at time {@code t}: rows whose time is at or after {@code t}. */
  public long atRisk(double t) {
    int i = lastAtOrBefore(t);
    if (i >= 0 && time[i] == t) {
      return nRisk[i];
    }
    return i + 1 < time.length ? nRisk[i + 1] : 0;
  }

  int lastAtOrBefore(double t) {
    return SortedSearch.firstAbove(time, 0, time.length, t) - 1;
  }

  static OptionalDouble present(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  @Override
  public String toString() {
    return "KaplanMeierCurve[" + label("group", "stratum") + ", n=" + n() + ", events=" + events() + "]";
  }
}
