package org.outcome.evaluation.svg;

import java.util.List;

/**
 * A forest plot: one row per estimate with its confidence interval, a reference line at the
 * null value, and the numbers printed beside each row.
 *
 * @param title the chart's title
 * @param axisLabel what the estimates are, for example {@code "Standardised mean difference (Hedges' g)"}
 * @param nullValue the value of no effect (0 for differences, 1 for ratios)
 * @param logScale whether to draw the axis on a log scale (ratios)
 * @param rows the estimates
 */
public record ForestPlot(String title, String axisLabel, double nullValue, boolean logScale, List<Row> rows) {
  private static final double WIDTH = 760;
  private static final double LABEL = 300;
  private static final double NUMBERS = 160;
  /** Characters of a row label that fit beside the plot; longer labels are cut with an ellipsis. */
  private static final int LABEL_CHARS = 44;
  private static final double TOP = 40;
  private static final double ROW = 26;

  /**
   * One estimate.
   *
   * @param label what is estimated, for example {@code "Empowerment Scale, as treated"}
   * @param estimate the point estimate
   * @param lower the lower confidence limit
   * @param upper the upper confidence limit
   * @param pooled whether the row is a pooled estimate, drawn as a diamond spanning its interval
   */
  public record Row(String label, double estimate, double lower, double upper, boolean pooled) {
    /** A row of one estimate (not pooled). */
    public Row(String label, double estimate, double lower, double upper) {
      this(label, estimate, lower, upper, false);
    }
  }

  public ForestPlot {
    rows = List.copyOf(rows);
    if (logScale && (nullValue <= 0 || rows.stream().anyMatch(r -> r.lower() <= 0 || r.estimate() <= 0))) {
      throw new IllegalArgumentException("a log-scale forest plot needs positive values");
    }
  }

  /** The chart as a standalone SVG element. */
  public String render() {
    double plotLeft = LABEL;
    double plotWidth = WIDTH - LABEL - NUMBERS;
    double height = TOP + ROW * rows.size() + 50;
    double lo = t(nullValue);
    double hi = t(nullValue);
    for (Row r : rows) {
      lo = Math.min(lo, t(finite(r.lower(), r.estimate())));
      hi = Math.max(hi, t(finite(r.upper(), r.estimate())));
    }
    double pad = (hi - lo) * 0.05 + 1e-9;
    lo -= pad;
    hi += pad;
    final double min = lo;
    final double span = hi - lo;
    java.util.function.DoubleUnaryOperator x = v -> plotLeft + plotWidth * (t(v) - min) / span;
    Svg svg = new Svg(WIDTH, height, title, "Forest plot of " + rows.size() + " estimates of "
        + axisLabel + " with confidence intervals; the vertical line marks no effect.");
    svg.text(8, 20, title, "start", "chart-title");
    double bottom = TOP + ROW * rows.size();
    svg.line(x.applyAsDouble(nullValue), TOP - 8, x.applyAsDouble(nullValue), bottom, "null-line", "#555555");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double y = TOP + ROW * i + ROW / 2;
      svg.openGroup("forest-row", r.label());
      String shown = r.label().length() > LABEL_CHARS ? r.label().substring(0, LABEL_CHARS - 1) + "\u2026" : r.label();
      svg.text(8, y + 4, shown, "start", "row-label");
      double l = x.applyAsDouble(finite(r.lower(), r.estimate()));
      double u = x.applyAsDouble(finite(r.upper(), r.estimate()));
      if (r.pooled()) {
        double m = x.applyAsDouble(r.estimate());
        svg.path("M" + Svg.num(l) + " " + Svg.num(y) + "L" + Svg.num(m) + " " + Svg.num(y - 7) + "L" + Svg.num(u) + " "
            + Svg.num(y) + "L" + Svg.num(m) + " " + Svg.num(y + 7) + "Z", "pooled", "#333333", "#0072B2", 1);
      } else {
        svg.line(l, y, u, y, "ci", "#333333");
        svg.rect(x.applyAsDouble(r.estimate()) - 4, y - 4, 8, 8, "estimate", "#0072B2", "#0072B2");
      }
      svg.text(WIDTH - 8, y + 4, Svg.label(round(r.estimate())) + " (" + Svg.label(round(r.lower())) + " to "
          + Svg.label(round(r.upper())) + ")", "end", "row-numbers");
      svg.closeGroup();
    }
    svg.line(plotLeft, bottom, plotLeft + plotWidth, bottom, "axis", "#333333");
    double[] ticks = logScale ? new double[] {0.25, 0.5, 1, 2, 4} : Svg.ticks(min, min + span, 5);
    for (double tick : ticks) {
      if (t(tick) < min || t(tick) > min + span) {
        continue;
      }
      double tx = x.applyAsDouble(tick);
      svg.line(tx, bottom, tx, bottom + 4, "tick", "#333333");
      svg.text(tx, bottom + 16, Svg.label(tick), "middle", "tick");
    }
    svg.text(plotLeft + plotWidth / 2, bottom + 34, axisLabel, "middle", "axis-title");
    return svg.end();
  }

  private double t(double v) {
    return logScale ? Math.log(v) : v;
  }

  private static double finite(double v, double fallback) {
    return Double.isFinite(v) ? v : fallback;
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
  }
}
