package org.outcome.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;
import org.outcome.stats.survival.internal.ConfidenceLimits;
import org.outcome.stats.survival.internal.KaplanMeierEngine;
import org.outcome.stats.survival.internal.SurvivalSummaries;

/**
 * Kaplan–Meier survival curves, one per group (within each stratum), equal to R's
 * {@code survfit(Surv(time, event) ~ group)} (survival 3.5): survival, Greenwood standard error
 * of the cumulative hazard, pointwise confidence limits ({@link ConfType}), the median with its
 * limits and the restricted mean as {@code summary(fit, rmean = )$table}, and the curve read at
 * chosen times as {@code summary(fit, times = )}.
 *
 * <pre>{@code
 * KaplanMeier.Result km = KaplanMeier.withDefaults()
 *     .withConfType(ConfType.LOG_LOG)
 *     .withTimes(30, 90, 365, 1095)
 *     .fit(sample);
 * }</pre>
 *
 * <p>Immutable: each {@code with...} returns a new configuration. The defaults are R's: log
 * limits at 95%, the restricted mean up to the largest observed time ({@code rmean = "common"}),
 * near-equal times matched ({@code timefix = TRUE}), no chosen times. With both a group and a
 * strata column there is one curve per (group, stratum) with rows, group-major, as R's
 * {@code survfit(Surv(time, event) ~ group + strata(s))}.
 */
public final class KaplanMeier {
  private static final KaplanMeier DEFAULTS =
      new KaplanMeier(ConfType.LOG, 0.95, RmeanHorizon.common(), new double[0], TimeMatching.R_TOLERANCE);

  private final ConfType confType;
  private final double confLevel;
  private final RmeanHorizon horizon;
  private final double[] times;
  private final TimeMatching matching;

  private KaplanMeier(ConfType confType, double confLevel, RmeanHorizon horizon, double[] times,
      TimeMatching matching) {
    this.confType = confType;
    this.confLevel = confLevel;
    this.horizon = horizon;
    this.times = times;
    this.matching = matching;
  }

  /** R's defaults: log limits, 95%, restricted mean to the largest time, R's time matching. */
  public static KaplanMeier withDefaults() {
    return DEFAULTS;
  }

  /** The same with another confidence-limit scale. */
  public KaplanMeier withConfType(ConfType type) {
    return new KaplanMeier(Arguments.option(type, "type"), confLevel, horizon, times, matching);
  }

  /**
   * The same with another confidence level.
   *
   * @throws IllegalArgumentException unless {@code level} is in (0, 1)
   */
  public KaplanMeier withConfLevel(double level) {
    Arguments.confLevel(level);
    return new KaplanMeier(confType, level, horizon, times, matching);
  }

  /** The same with another restriction time for the restricted mean. */
  public KaplanMeier withRmeanHorizon(RmeanHorizon h) {
    return new KaplanMeier(confType, confLevel, Arguments.option(h, "horizon"), times, matching);
  }

  /**
   * The same, reading every curve at these times (for example 30, 90, 365, 1095 days).
   *
   * @throws IllegalArgumentException if a time is negative or not finite
   */
  public KaplanMeier withTimes(double... chosen) {
    double[] copy = chosen.clone();
    for (double t : copy) {
      Arguments.nonNegativeFinite(t, "chosen times");
    }
    Arrays.sort(copy);
    return new KaplanMeier(confType, confLevel, horizon, copy, matching);
  }

  /** The same with another rule for matching near-equal times. */
  public KaplanMeier withTimeMatching(TimeMatching m) {
    return new KaplanMeier(confType, confLevel, horizon, times, Arguments.option(m, "matching"));
  }

  /** The confidence-limit scale. */
  public ConfType confType() {
    return confType;
  }

  /** The confidence level. */
  public double confLevel() {
    return confLevel;
  }

  /** The restriction time rule for the restricted mean. */
  public RmeanHorizon rmeanHorizon() {
    return horizon;
  }

  /** The chosen times, ascending. */
  public double[] times() {
    return times.clone();
  }

  /** The time matching rule. */
  public TimeMatching timeMatching() {
    return matching;
  }

  /**
   * Fits the curves of a sample.
   *
   * @throws DegenerateDataException if the sample has no rows
   */
  public Result fit(SurvivalSample sample) {
    return fit(SurvivalCounts.of(sample, matching));
  }

  /**
   * Fits the curves from counts (for example aggregated elsewhere and merged).
   *
   * @throws DegenerateDataException if the counts hold no rows
   */
  public Result fit(SurvivalCounts counts) {
    if (counts.rows() == 0) {
      throw new DegenerateDataException("the sample has no rows", "give at least one person's time and event");
    }
    double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
    List<Warning> warnings = new ArrayList<>();
    List<SurvivalCounts.Cell> cells = new ArrayList<>();
    for (int g = 0; g < counts.groupCount(); g++) {
      for (int s = 0; s < counts.strataCount(); s++) {
        SurvivalCounts.Cell cell = counts.cell(s, g);
        if (cell.isEmpty()) {
          warnings.add(Warning.of("empty-curve", "no rows for " + describe(counts, s, g) + "; no curve is drawn"));
        } else {
          cells.add(cell);
        }
      }
    }
    double[] ends = rmeanEnds(cells);
    List<KaplanMeierCurve> curves = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      SurvivalCounts.Cell cell = cells.get(c);
      KaplanMeierCurve curve = curve(counts, cell, z, ends[c]);
      if (curve.events() == 0) {
        warnings.add(Warning.of("no-events", "no events for " + describe(counts, cell.stratum(), cell.group())
            + ": survival stays 1 and the median is not reached"));
      }
      curves.add(curve);
    }
    if (horizon instanceof RmeanHorizon.Fixed fixed) {
      for (KaplanMeierCurve curve : curves) {
        if (fixed.tau() > curve.lastTime()) {
          warnings.add(Warning.of("rmean-extrapolated", "the restriction time " + fixed.tau()
              + " is after the last observed time " + curve.lastTime() + " for " + curve.label("group", "stratum")
              + "; that curve is carried forward flat"));
        }
      }
    }
    return new KaplanMeierResult(curves, confType, confLevel, counts.rows(), warnings);
  }

  private double[] rmeanEnds(List<SurvivalCounts.Cell> cells) {
    double[] ends = new double[cells.size()];
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (SurvivalCounts.Cell cell : cells) {
      double last = cell.time(cell.size() - 1);
      max = Math.max(max, last);
      min = Math.min(min, last);
    }
    for (int c = 0; c < ends.length; c++) {
      SurvivalCounts.Cell cell = cells.get(c);
      ends[c] = RmeanEnds.end(horizon, cell.time(cell.size() - 1), min, max);
    }
    return ends;
  }

  private KaplanMeierCurve curve(SurvivalCounts counts, SurvivalCounts.Cell cell, double z, double end) {
    int m = cell.size();
    double[] survival = new double[m];
    double[] stdErr = new double[m];
    KaplanMeierEngine.estimate(cell.atRisk, cell.events, survival, stdErr);
    double[] lower = new double[m];
    double[] upper = new double[m];
    for (int i = 0; i < m; i++) {
      lower[i] = ConfidenceLimits.lower(confType, z, survival[i], stdErr[i]);
      upper[i] = ConfidenceLimits.upper(confType, z, survival[i], stdErr[i]);
    }
    double[] time = cell.times;
    MedianSurvival median = new MedianSurvival(
        KaplanMeierCurve.present(SurvivalSummaries.medianTime(survival, time)),
        KaplanMeierCurve.present(SurvivalSummaries.medianTime(lower, time)),
        KaplanMeierCurve.present(SurvivalSummaries.medianTime(upper, time)), confLevel);
    double[] rm = SurvivalSummaries.restrictedMean(time, survival, cell.atRisk, cell.events, end);
    List<SurvivalAt> at = readAt(cell, survival, stdErr, lower, upper);
    Optional<String> group = counts.groupLevels().map(l -> l.get(cell.group()));
    Optional<String> stratum = counts.strataLevels().map(l -> l.get(cell.stratum()));
    return new KaplanMeierCurve(group, stratum, time.clone(), cell.atRisk.clone(), cell.events.clone(),
        cell.censored.clone(), survival, stdErr, lower, upper, median, new RestrictedMean(end, rm[0], rm[1]), at);
  }

  private List<SurvivalAt> readAt(SurvivalCounts.Cell cell, double[] survival, double[] stdErr, double[] lower,
      double[] upper) {
    List<SurvivalAt> out = new ArrayList<>(times.length);
    int m = cell.size();
    int next = 0; // first curve time after the previous chosen time
    double last = cell.time(m - 1);
    for (double t : times) {
      long events = 0;
      long censored = 0;
      while (next < m && cell.time(next) <= t) {
        events += cell.events(next);
        censored += cell.censored(next);
        next++;
      }
      long risk = next < m ? cell.atRisk(next) : 0;
      if (next > 0 && cell.time(next - 1) == t) {
        risk = cell.atRisk(next - 1);
      }
      int i = next - 1; // last step at or before t (the last step of all beyond the last time)
      if (i < 0) {
        // before the first time R reads the row survfit0 adds at time 0: S = 1, se = 0, limits 1
        out.add(new SurvivalAt(t, risk, events, censored, OptionalDouble.of(1), OptionalDouble.of(0),
            OptionalDouble.of(1), OptionalDouble.of(1), false));
      } else {
        out.add(new SurvivalAt(t, risk, events, censored, OptionalDouble.of(survival[i]), OptionalDouble.of(stdErr[i]),
            KaplanMeierCurve.present(lower[i]), KaplanMeierCurve.present(upper[i]), t > last));
      }
    }
    return out;
  }

  private static String describe(SurvivalCounts counts, int stratum, int group) {
    List<String> parts = new ArrayList<>();
    counts.groupLevels().ifPresent(l -> parts.add("group " + l.get(group)));
    counts.strataLevels().ifPresent(l -> parts.add("stratum " + l.get(stratum)));
    return parts.isEmpty() ? "the sample" : String.join(", ", parts);
  }

  @Override
  public String toString() {
    return "KaplanMeier[confType=" + confType + ", confLevel=" + confLevel + ", rmean=" + horizon
        + ", times=" + Arrays.toString(times) + ", matching=" + matching + "]";
  }

  /**
   * Kaplan–Meier curves with the options they were fitted with.
   *
   * <p>As an {@link AnalysisResult}: the primary estimate is the median survival time of a single
   * curve (with its interval when both limits are reached); with several curves, or when the median
   * is not reached, there is none. There is no test (compare curves with {@link LogRank}).
   *
   * <p>Only {@link #fit} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits KaplanMeierResult {
    /** The curves, group-major then stratum, in R's level order. */
    List<KaplanMeierCurve> curves();

    /** The confidence-limit scale. */
    ConfType confType();

    /** The confidence level. */
    double confLevel();

    /** The number of rows used. */
    long rows();

    /** The curve of a group level (in an unstratified fit). */
    Optional<KaplanMeierCurve> curve(String group);
  }

  /** The one implementation of {@link Result}. */
  private record KaplanMeierResult(List<KaplanMeierCurve> curves, ConfType confType, double confLevel, long rows,
      List<Warning> warnings) implements Result {
    KaplanMeierResult {
      curves = List.copyOf(curves);
      Objects.requireNonNull(confType, "confType");
      warnings = List.copyOf(warnings);
    }

    /** The curve of a group level (in an unstratified fit). */
    @Override
    public Optional<KaplanMeierCurve> curve(String group) {
      return curves.stream().filter(c -> c.group().equals(Optional.of(group)) && c.stratum().isEmpty()).findFirst();
    }

    @Override
    public String method() {
      return "Kaplan-Meier estimate (" + confType.rName() + " confidence limits)";
    }

    @Override
    public long nUsed() {
      return rows;
    }

    @Override
    public Optional<Estimate> estimate() {
      return curves.size() == 1 ? median("median survival time", curves.get(0)) : Optional.empty();
    }

    /**
     * The median survival time of each curve with its interval, named by the curve's group and
     * stratum; a curve that does not fall to one half has no median and no estimate here (its
     * {@link KaplanMeierCurve#median()} says so).
     */
    @Override
    public List<Estimate> estimates() {
      if (curves.size() == 1) {
        return estimate().stream().toList();
      }
      return curves.stream().flatMap(c -> median("median survival time, "
          + Stream.of(c.group(), c.stratum()).flatMap(Optional::stream).collect(Collectors.joining(", ")), c).stream())
          .toList();
    }

    /** A curve's median survival time as an estimate, with its interval when both limits exist. */
    private Optional<Estimate> median(String name, KaplanMeierCurve curve) {
      MedianSurvival m = curve.median();
      if (m.median().isEmpty()) {
        return Optional.empty();
      }
      double median = m.median().getAsDouble();
      return Optional.of(m.lower().isPresent() && m.upper().isPresent()
          ? Estimate.of(name, median, new ConfidenceInterval(m.lower().getAsDouble(), m.upper().getAsDouble(), confLevel))
          : Estimate.of(name, median));
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.empty();
    }
  }
}
