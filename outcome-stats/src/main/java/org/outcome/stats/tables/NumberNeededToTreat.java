package org.outcome.stats.tables;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.outcome.api.result.ConfidenceInterval;

/**
 * The number needed to treat, {@code 1 / |risk difference|}, with its confidence interval in
 * Altman's form (D. G. Altman 1998, "Confidence intervals for the number needed to treat",
 * <i>BMJ</i> 317, 1309–1312): the limits are the reciprocals of the risk difference's limits. When
 * the risk difference's interval excludes 0, the NNT interval runs between two numbers of the
 * same kind (both benefit or both harm). When it includes 0 the interval is not one range but two
 * that meet at infinity — "NNTB x to ∞ to NNTH y" — and {@link #describe()} says so.
 *
 * <p>Benefit or harm depends on whether the event is adverse (a readmission: fewer events among the
 * exposed is benefit) or favourable; see {@link RiskComparison#withEventKind}.
 *
 * @param value {@code 1 / |RD|}; infinite when RD = 0
 * @param direction whether the exposure's estimated effect is benefit, harm or none
 * @param riskDifferenceInterval the interval of the risk difference it derives from
 * @param adverseEvent whether the event is adverse (so a lower risk among the exposed is benefit)
 */
public record NumberNeededToTreat(double value, Direction direction, ConfidenceInterval riskDifferenceInterval,
    boolean adverseEvent) {
  /** What the exposure does to the event risk, judged by the event's kind. */
  public enum Direction {
    /** The exposure helps: NNTB, the number needed to treat for one more good outcome. */
    BENEFIT,
    /** The exposure harms: NNTH, the number treated for one more bad outcome. */
    HARM,
    /** No difference: NNT infinite. */
    NONE
  }

  public NumberNeededToTreat {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(riskDifferenceInterval, "riskDifferenceInterval");
  }

  /** The NNT for a risk difference (exposed − unexposed) and its interval. */
  static NumberNeededToTreat of(double riskDifference, ConfidenceInterval interval, boolean adverseEvent) {
    Direction direction = riskDifference == 0 ? Direction.NONE
        : ((riskDifference < 0) == adverseEvent ? Direction.BENEFIT : Direction.HARM);
    return new NumberNeededToTreat(1 / Math.abs(riskDifference), direction, interval, adverseEvent);
  }

  /** Whether the interval includes no effect (the risk difference's interval includes 0). */
  public boolean includesNoEffect() {
    return riskDifferenceInterval.contains(0);
  }

  /**
   * The smallest number needed to treat for benefit within the interval, when the interval
   * reaches the benefit side: {@code 1 / |bound on the benefit side|}.
   */
  public OptionalDouble benefitLimit() {
    double bound = adverseEvent ? riskDifferenceInterval.lower() : riskDifferenceInterval.upper();
    boolean reaches = adverseEvent ? bound < 0 : bound > 0;
    return reaches ? OptionalDouble.of(1 / Math.abs(bound)) : OptionalDouble.empty();
  }

  /** The smallest number needed to harm within the interval, when it reaches the harm side. */
  public OptionalDouble harmLimit() {
    double bound = adverseEvent ? riskDifferenceInterval.upper() : riskDifferenceInterval.lower();
    boolean reaches = adverseEvent ? bound > 0 : bound < 0;
    return reaches ? OptionalDouble.of(1 / Math.abs(bound)) : OptionalDouble.empty();
  }

  /** The further limit when the interval lies on one side: {@code 1 / |bound nearer 0|}. */
  private double otherLimit() {
    return 1 / Math.min(Math.abs(riskDifferenceInterval.lower()), Math.abs(riskDifferenceInterval.upper()));
  }

  /**
   * Altman's wording, for example {@code "NNTB 4.2 (95% CI NNTB 2.5 to NNTB 13.1)"} or
   * {@code "NNTB 10 (95% CI NNTB 4.1 to ∞ to NNTH 25)"}.
   */
  public String describe() {
    String level = String.format(Locale.ROOT, "%.0f%% CI", riskDifferenceInterval.level() * 100);
    String point = switch (direction) {
      case BENEFIT -> "NNTB " + format(value);
      case HARM -> "NNTH " + format(value);
      case NONE -> "NNT ∞";
    };
    String range;
    if (includesNoEffect()) {
      String benefit = benefitLimit().isPresent() ? "NNTB " + format(benefitLimit().getAsDouble()) : "NNTB ∞";
      String harm = harmLimit().isPresent() ? "NNTH " + format(harmLimit().getAsDouble()) : "NNTH ∞";
      range = benefit + " to ∞ to " + harm;
    } else {
      String kind = direction == Direction.BENEFIT ? "NNTB " : "NNTH ";
      double near = benefitLimit().isPresent() ? benefitLimit().getAsDouble() : harmLimit().getAsDouble();
      range = kind + format(near) + " to " + kind + format(otherLimit());
    }
    return point + " (" + level + " " + range + ")";
  }

  private static String format(double v) {
    if (Double.isInfinite(v)) {
      return "∞";
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
