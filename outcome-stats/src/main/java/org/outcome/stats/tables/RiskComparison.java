package org.outcome.stats.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * Risk ratio, risk difference, odds ratio and number needed to treat for a 2×2 table of
 * independent groups (rows exposed / unexposed, columns event / no event), with Wald confidence
 * intervals. Immutable.
 *
 * <p>With risks {@code p_1 = a / (a + b)} (exposed) and {@code p_0 = c / (c + d)} (unexposed) and
 * {@code z = qnorm((1 + level) / 2)}:
 * <ul>
 *   <li>risk ratio {@code p_1 / p_0}, interval {@code exp(log RR ± z se)} with
 *       {@code se = sqrt(1/a - 1/(a+b) + 1/c - 1/(c+d))} (Katz et al. 1978; the Wald interval on
 *       the log scale, as {@code epitools::riskratio(method = "wald")});
 *   <li>risk difference {@code p_1 - p_0}, interval {@code RD ± z sqrt(p_1(1-p_1)/(a+b) + p_0(1-p_0)/(c+d))};
 *   <li>odds ratio {@code ad / bc}, interval {@code exp(log OR ± z sqrt(1/a + 1/b + 1/c + 1/d))}
 *       (Woolf 1955) — the sample odds ratio; Fisher's conditional estimate is in
 *       {@link FisherExactTest};
 *   <li>number needed to treat {@code 1 / |RD|} with Altman's interval ({@link NumberNeededToTreat}).
 * </ul>
 * {@link #withMeasure} chooses which of them {@link Result#estimate()} reports.
 *
 * <p><b>Zero cells.</b> By default nothing is added to the cells
 * ({@link ZeroCellCorrection#NONE}): when {@code a} or {@code c} is 0 the risk ratio is 0 or
 * infinite, and when any cell is 0 the odds ratio is 0 or infinite; their log-scale standard
 * errors are then infinite and the intervals are reported as {@code [0, ∞]}, uninformative, with a
 * {@code zero-cell} warning. When both {@code a} and {@code c} are 0 (no events) the risk ratio is
 * undefined, and when {@code a d} and {@code b c} are both 0 so is the odds ratio; they are then
 * absent from the result, with a warning. {@link ZeroCellCorrection#HALDANE} adds 0.5 to every
 * cell of a table that has a zero cell, for the risk ratio and odds ratio only (Haldane 1956); the
 * risk difference and NNT always use the observed counts.
 *
 * <p>Degenerate data: an empty row (a group with no members) raises
 * {@link DegenerateDataException}.
 */
public final class RiskComparison {
  /** Which measure {@link Result#estimate()} reports. */
  public enum Measure {
    /** The risk ratio (default). */
    RISK_RATIO,
    /** The risk difference. */
    RISK_DIFFERENCE,
    /** The sample odds ratio. */
    ODDS_RATIO
  }

  /** Whether the event is adverse (readmission, relapse) or favourable (employment, recovery). */
  public enum EventKind {
    /** Fewer events among the exposed is benefit (the default: readmission). */
    ADVERSE,
    /** More events among the exposed is benefit. */
    FAVOURABLE
  }

  /** What is added to the cells of a table with a zero cell, for the ratio measures. */
  public enum ZeroCellCorrection {
    /** Nothing: ratios of 0 or ∞ with uninformative intervals (the default). */
    NONE,
    /** Haldane's 0.5 added to every cell when any cell is 0. */
    HALDANE
  }

  private static final RiskComparison DEFAULT =
      new RiskComparison(0.95, Measure.RISK_RATIO, EventKind.ADVERSE, ZeroCellCorrection.NONE);

  private final double confLevel;
  private final Measure measure;
  private final EventKind eventKind;
  private final ZeroCellCorrection zeroCell;

  private RiskComparison(double confLevel, Measure measure, EventKind eventKind, ZeroCellCorrection zeroCell) {
    this.confLevel = confLevel;
    this.measure = measure;
    this.eventKind = eventKind;
    this.zeroCell = zeroCell;
  }

  /** 95% intervals, the risk ratio as primary estimate, an adverse event, no zero-cell correction. */
  public static RiskComparison withDefaults() {
    return DEFAULT;
  }

  /** Another confidence level. */
  public RiskComparison withConfLevel(double value) {
    return new RiskComparison(Arguments.confLevel(value), measure, eventKind, zeroCell);
  }

  /** Another primary measure. */
  public RiskComparison withMeasure(Measure value) {
    return new RiskComparison(confLevel, Arguments.option(value, "measure"), eventKind, zeroCell);
  }

  /** Another kind of event (decides whether the NNT is for benefit or harm). */
  public RiskComparison withEventKind(EventKind value) {
    return new RiskComparison(confLevel, measure, Arguments.option(value, "event kind"), zeroCell);
  }

  /** Another zero-cell convention for the ratio measures. */
  public RiskComparison withZeroCellCorrection(ZeroCellCorrection value) {
    return new RiskComparison(confLevel, measure, eventKind, Arguments.option(value, "zero-cell correction"));
  }

  /**
   * Computes the measures.
   *
   * @throws DegenerateDataException if a row of the table is empty
   */
  public Result compare(TwoByTwoTable table) {
    Tables.requireRows(table);
    double a = table.a();
    double b = table.b();
    double c = table.c();
    double d = table.d();
    double n1 = a + b;
    double n0 = c + d;
    double p1 = a / n1;
    double p0 = c / n0;
    double z = Distributions.normalQuantile((1 + confLevel) / 2);
    List<Warning> warnings = new ArrayList<>();

    boolean hasZero = a == 0 || b == 0 || c == 0 || d == 0;
    boolean haldane = hasZero && zeroCell == ZeroCellCorrection.HALDANE;
    double ka = haldane ? a + 0.5 : a;
    double kb = haldane ? b + 0.5 : b;
    double kc = haldane ? c + 0.5 : c;
    double kd = haldane ? d + 0.5 : d;
    if (haldane) {
      warnings.add(Warning.of("haldane-correction", "0.5 was added to every cell for the risk ratio and odds ratio"));
    }

    Optional<Estimate> riskRatio;
    if (ka == 0 && kc == 0) {
      riskRatio = Optional.empty();
      warnings.add(Warning.of("risk-ratio-undefined", "no events in either group: the risk ratio is undefined"));
    } else {
      double rr = (ka / (ka + kb)) / (kc / (kc + kd));
      double se = Math.sqrt(1 / ka - 1 / (ka + kb) + 1 / kc - 1 / (kc + kd));
      riskRatio = Optional.of(Estimate.of("risk ratio (exposed / unexposed)", rr, logInterval(rr, se, z)));
      if (ka == 0 || kc == 0) {
        warnings.add(Warning.of("zero-cell", "a group has no events: the risk ratio is " + (ka == 0 ? "0" : "infinite")
            + " and its interval uninformative; consider Haldane's correction"));
      }
    }

    Optional<Estimate> oddsRatio;
    if (ka * kd == 0 && kb * kc == 0) {
      oddsRatio = Optional.empty();
      warnings.add(Warning.of("odds-ratio-undefined", "a d and b c are both 0: the odds ratio is undefined"));
    } else {
      double or = (ka * kd) / (kb * kc);
      double se = Math.sqrt(1 / ka + 1 / kb + 1 / kc + 1 / kd);
      oddsRatio = Optional.of(Estimate.of("odds ratio (sample, Woolf interval)", or, logInterval(or, se, z)));
      if (ka == 0 || kb == 0 || kc == 0 || kd == 0) {
        warnings.add(Warning.of("zero-cell", "a cell is 0: the sample odds ratio is " + (or == 0 ? "0" : "infinite")
            + " and its interval uninformative; Fisher's conditional estimate handles this"));
      }
    }

    double rd = p1 - p0;
    double seRd = Math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
    ConfidenceInterval rdInterval = new ConfidenceInterval(rd - z * seRd, rd + z * seRd, confLevel);
    if (seRd == 0) {
      warnings.add(Warning.of("risk-difference-zero-variance",
          "both risks are 0 or 1: the Wald interval of the risk difference has zero width"));
    }
    NumberNeededToTreat nnt = NumberNeededToTreat.of(rd, rdInterval, eventKind == EventKind.ADVERSE);
    return new RiskComparisonResult(table, p1, p0, riskRatio,
        Estimate.of("risk difference (exposed - unexposed)", rd, rdInterval), oddsRatio, nnt, measure, haldane, warnings);
  }

  /** {@code exp(log(estimate) ± z se)}, with [0, ∞] when the estimate is 0 or infinite. */
  private ConfidenceInterval logInterval(double estimate, double se, double z) {
    if (estimate == 0 || Double.isInfinite(estimate) || Double.isInfinite(se)) {
      return new ConfidenceInterval(0, Double.POSITIVE_INFINITY, confLevel);
    }
    double log = Math.log(estimate);
    return new ConfidenceInterval(Math.exp(log - z * se), Math.exp(log + z * se), confLevel);
  }

  /**
   * The risk measures.
   *
   * <p>Only {@link #compare} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits RiskComparisonResult {
    /** The table. */
    TwoByTwoTable table();

    /** {@code a / (a + b)}. */
    double riskExposed();

    /** {@code c / (c + d)}. */
    double riskUnexposed();

    /** The risk ratio, absent when undefined. */
    Optional<Estimate> riskRatio();

    /** The risk difference. */
    Estimate riskDifference();

    /** The sample odds ratio, absent when undefined. */
    Optional<Estimate> oddsRatio();

    /** The NNT with Altman's interval. */
    NumberNeededToTreat numberNeededToTreat();

    /** The measure {@link #estimate()} reports. */
    Measure primary();

    /** Whether 0.5 was added to the cells for the ratios. */
    boolean haldaneApplied();
  }

  /** The one implementation of {@link Result}. */
  private record RiskComparisonResult(TwoByTwoTable table, double riskExposed, double riskUnexposed,
      Optional<Estimate> riskRatio, Estimate riskDifference, Optional<Estimate> oddsRatio,
      NumberNeededToTreat numberNeededToTreat, Measure primary, boolean haldaneApplied,
      List<Warning> warnings) implements Result {
    RiskComparisonResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Risk comparison (Wald intervals" + (haldaneApplied ? ", Haldane-corrected ratios" : "") + ")";
    }

    @Override
    public long nUsed() {
      return table.a() + table.b() + table.c() + table.d();
    }

    @Override
    public Optional<Estimate> estimate() {
      return switch (primary) {
        case RISK_RATIO -> riskRatio;
        case RISK_DIFFERENCE -> Optional.of(riskDifference);
        case ODDS_RATIO -> oddsRatio;
      };
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.empty();
    }
  }
}
