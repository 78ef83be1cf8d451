package org.outcome.evaluation.svg;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Step curves by group, with confidence bands and a numbers-at-risk table underneath: Kaplan-Meier
 * curves (from 1 at time 0, on [0, 1]), and also curves that rise from 0 (a cumulative incidence on
 * [0, 1], a mean cumulative number of events on [0, {@code yMax}]).
 * Immutable: the lists are copied, and two charts with the same contents are equal.
 *
 * <pre>{@code
 * String svg = KaplanMeierChart.of("Time to readmission", "Days since discharge", "Not readmitted",
 *     List.of(KaplanMeierChart.Curve.of("Peer support", time, survival, lower, upper, atRiskLabels)),
 *     new double[] {0, 365, 730, 1095}).render();
 * }</pre>
 *
 * @param title the chart's title (also its accessible name)
 * @param xLabel the time axis title
 * @param yLabel the survival axis title
 * @param curves one curve per group
 * @param atRiskTimes the times at which numbers at risk are shown (also the x-axis ticks)
 * @param start every curve's value at time 0 (1 for survival, 0 for a rising curve)
 * @param yMax the top of the value axis (1 for probabilities)
 */
public record KaplanMeierChart(String title, String xLabel, String yLabel, List<Curve> curves,
    List<Double> atRiskTimes, double start, double yMax) {
  private static final double WIDTH = 720;
  private static final double LEFT = 140;
  private static final double RIGHT = 24;
  private static final double TOP = 40;
  private static final double PLOT = 300;
  private static final double ROW = 18;

  /**
   * One group's curve: the step function S(t) (right-continuous, starting at 1 at time 0), its
   * pointwise confidence limits, and the already-suppressed numbers at risk at the chart's
   * {@code atRiskTimes}. Immutable, with value equality.
   *
   * @param label the group's name
   * @param time the event and censoring times, ascending
   * @param survival S just after each time
   * @param lower the lower confidence limit just after each time (NaN where undefined)
   * @param upper the upper confidence limit just after each time (NaN where undefined)
   * @param atRisk the text shown for the number at risk at each of the chart's times
   */
  public record Curve(String label, List<Double> time, List<Double> survival, List<Double> lower,
      List<Double> upper, List<String> atRisk) {
    public Curve {
      Objects.requireNonNull(label, "label");
      time = List.copyOf(time);
      survival = List.copyOf(survival);
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
      atRisk = List.copyOf(atRisk);
      if (survival.size() != time.size() || lower.size() != time.size() || upper.size() != time.size()) {
        throw new IllegalArgumentException("curve lists differ in length");
      }
    }

    /** A curve from arrays, which are copied. */
    public static Curve of(String label, double[] time, double[] survival, double[] lower, double[] upper,
        List<String> atRisk) {
      return new Curve(label, list(time), list(survival), list(lower), list(upper), atRisk);
    }
  }

  /** Kaplan-Meier curves: from 1 at time 0, on [0, 1]. */
  public KaplanMeierChart(String title, String xLabel, String yLabel, List<Curve> curves, List<Double> atRiskTimes) {
    this(title, xLabel, yLabel, curves, atRiskTimes, 1, 1);
  }

  public KaplanMeierChart {
    if (!(yMax > 0) || Double.isInfinite(yMax)) {
      throw new IllegalArgumentException("the value axis needs a positive top");
    }
    curves = List.copyOf(curves);
    atRiskTimes = List.copyOf(atRiskTimes);
    for (Curve c : curves) {
      if (c.atRisk().size() != atRiskTimes.size()) {
        throw new IllegalArgumentException("curve " + c.label() + " has " + c.atRisk().size()
            + " numbers at risk for " + atRiskTimes.size() + " times");
      }
    }
  }

  /** A chart whose numbers at risk are shown at the given times (the array is copied). */
  public static KaplanMeierChart of(String title, String xLabel, String yLabel, List<Curve> curves,
      double[] atRiskTimes) {
    return new KaplanMeierChart(title, xLabel, yLabel, curves, list(atRiskTimes));
  }

  static List<Double> list(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The chart as a standalone SVG element. */
  public String render() {
    double[] atRiskTimes = array(this.atRiskTimes);
    double maxTime = atRiskTimes.length > 0 ? atRiskTimes[atRiskTimes.length - 1] : 1;
    for (Curve c : curves) {
      if (!c.time().isEmpty()) {
        maxTime = Math.max(maxTime, c.time().get(c.time().size() - 1));
      }
    }
    double plotWidth = WIDTH - LEFT - RIGHT;
    double tableTop = TOP + PLOT + 56;
    double height = tableTop + ROW * (curves.size() + 1) + 12;
    double xMax = maxTime;
    Svg svg = new Svg(WIDTH, height, title,
        "Estimates of " + yLabel.toLowerCase(java.util.Locale.ROOT) + " by " + xLabel.toLowerCase(java.util.Locale.ROOT)
            + " for " + curves.size() + " group(s), with 95% confidence bands and numbers at risk.");
    svg.text(8, 22, title, "start", "chart-title");
    // axes and grid
    for (double s : new double[] {0, 0.25, 0.5, 0.75, 1}) {
      double y = TOP + PLOT * (1 - s);
      svg.line(LEFT, y, LEFT + plotWidth, y, "grid", "#e0e0e0");
      svg.text(LEFT - 6, y + 4, Svg.label(s * yMax), "end", "tick");
    }
    double[] xTicks = atRiskTimes.length > 0 ? atRiskTimes : Svg.ticks(0, xMax, 5);
    for (double t : xTicks) {
      double x = LEFT + plotWidth * t / xMax;
      svg.line(x, TOP + PLOT, x, TOP + PLOT + 4, "tick", "#333333");
      svg.text(x, TOP + PLOT + 16, Svg.label(t), "middle", "tick");
    }
    svg.line(LEFT, TOP, LEFT, TOP + PLOT, "axis", "#333333");
    svg.line(LEFT, TOP + PLOT, LEFT + plotWidth, TOP + PLOT, "axis", "#333333");
    svg.text(LEFT + plotWidth / 2, TOP + PLOT + 34, xLabel, "middle", "axis-title");
    svg.verticalText(LEFT - 44, TOP + PLOT / 2, yLabel, "axis-title");
    // curves
    for (int g = 0; g < curves.size(); g++) {
      Curve c = curves.get(g);
      String colour = Svg.colour(g);
      svg.openGroup("km-group", c.label());
      String band = band(c, xMax, plotWidth, yMax);
      if (!band.isEmpty()) {
        svg.path(band, "km-band", "none", colour, 0.15);
      }
      svg.path(steps(array(c.time()), array(c.survival()), xMax, plotWidth, start, yMax), "km-curve", colour, "none",
          1);
      svg.closeGroup();
      double legendY = TOP + 14 + 16 * g;
      svg.line(LEFT + plotWidth - 150, legendY - 4, LEFT + plotWidth - 130, legendY - 4, "legend", colour);
      svg.text(LEFT + plotWidth - 125, legendY, c.label(), "start", "legend");
    }
    // numbers at risk
    svg.text(8, tableTop, "Number at risk", "start", "at-risk-title");
    for (int g = 0; g < curves.size(); g++) {
      Curve c = curves.get(g);
      double y = tableTop + ROW * (g + 1);
      svg.text(8, y, c.label(), "start", "at-risk-label");
      for (int k = 0; k < atRiskTimes.length; k++) {
        double x = LEFT + plotWidth * atRiskTimes[k] / xMax;
        svg.text(x, y, c.atRisk().get(k), "middle", "at-risk");
      }
    }
    return svg.end();
  }

  private static double x(double t, double xMax, double plotWidth) {
    return LEFT + plotWidth * Math.min(t, xMax) / xMax;
  }

  private static double y(double s, double yMax) {
    return TOP + PLOT * (1 - Math.max(0, Math.min(1, s / yMax)));
  }

  /** A right-continuous step path from (0, start). */
  static String steps(double[] time, double[] survival, double xMax, double plotWidth, double start, double yMax) {
    StringBuilder d = new StringBuilder("M").append(Svg.num(x(0, xMax, plotWidth))).append(',')
        .append(Svg.num(y(start, yMax)));
    double current = start;
    for (int i = 0; i < time.length; i++) {
      double x = x(time[i], xMax, plotWidth);
      d.append(" H").append(Svg.num(x));
      if (survival[i] != current) {
        d.append(" V").append(Svg.num(y(survival[i], yMax)));
        current = survival[i];
      }
    }
    return d.toString();
  }

  /** The confidence band as a closed step polygon, over the times where both limits are defined. */
  private static String band(Curve c, double xMax, double plotWidth, double yMax) {
    double[] time = array(c.time());
    double[] lo = array(c.lower());
    double[] hi = array(c.upper());
    int n = time.length;
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(lo[i]) || Double.isNaN(hi[i])) {
        break;
      }
      last = i;
    }
    if (last < 0) {
      return "";
    }
    double end = x(last + 1 < n ? time[last + 1] : time[last], xMax, plotWidth);
    upper.append("M").append(Svg.num(x(time[0], xMax, plotWidth))).append(',').append(Svg.num(y(hi[0], yMax)));
    for (int i = 1; i <= last; i++) {
      upper.append(" H").append(Svg.num(x(time[i], xMax, plotWidth))).append(" V").append(Svg.num(y(hi[i], yMax)));
    }
    upper.append(" H").append(Svg.num(end)).append(" V").append(Svg.num(y(lo[last], yMax)));
    for (int i = last; i >= 1; i--) {
      lower.append(" H").append(Svg.num(x(time[i], xMax, plotWidth))).append(" V").append(Svg.num(y(lo[i - 1], yMax)));
    }
    lower.append(" H").append(Svg.num(x(time[0], xMax, plotWidth))).append(" Z");
    return upper.toString() + lower;
  }
}
