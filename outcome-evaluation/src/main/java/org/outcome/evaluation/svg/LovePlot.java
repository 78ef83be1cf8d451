package org.outcome.evaluation.svg;

import java.util.List;

/**
 * A love plot: for each covariate, the absolute standardised mean difference between the groups
 * before adjustment (open circle) and after it (filled), with the usual 0.1 threshold of balance
 * drawn as a dashed line (Austin 2009, Stat Med 28:3083).
 *
 * @param title the chart's title
 * @param threshold the balance threshold drawn (0.1)
 * @param rows one per covariate, in the model's order
 */
public record LovePlot(String title, double threshold, List<Row> rows) {
  private static final double WIDTH = 640;
  private static final double LABEL = 180;
  private static final double TOP = 48;
  private static final double ROW = 22;

  /**
   * One covariate.
   *
   * @param covariate its name
   * @param before the standardised mean difference before adjustment
   * @param after after it
   */
  public record Row(String covariate, double before, double after) {}

  public LovePlot {
    rows = List.copyOf(rows);
  }

  /** The chart as a standalone SVG element. */
  public String render() {
    double plotLeft = LABEL;
    double plotWidth = WIDTH - LABEL - 24;
    double bottom = TOP + ROW * rows.size();
    double max = threshold * 1.5;
    for (Row r : rows) {
      max = Math.max(max, Math.max(finite(Math.abs(r.before())), finite(Math.abs(r.after()))));
    }
    double[] ticks = Svg.ticks(0, max, 5);
    final double hi = Math.max(max, ticks[ticks.length - 1]);
    java.util.function.DoubleUnaryOperator x = v -> plotLeft + plotWidth * Math.min(v, hi) / hi;
    Svg svg = new Svg(WIDTH, bottom + 50, title, "Love plot of the absolute standardised mean differences of "
        + rows.size() + " covariates before (open circles) and after adjustment (filled circles); the dashed line"
        + " marks " + Svg.label(threshold) + ".");
    svg.text(8, 20, title, "start", "chart-title");
    svg.circle(plotLeft + 6, 34, 4, "legend-before", "none");
    svg.text(plotLeft + 14, 38, "before", "start", "legend");
    svg.circle(plotLeft + 80, 34, 4, "legend-after", Svg.colour(0));
    svg.text(plotLeft + 88, 38, "after", "start", "legend");
    double tx = x.applyAsDouble(threshold);
    svg.path("M" + Svg.num(tx) + " " + Svg.num(TOP - 4) + "V" + Svg.num(bottom), "threshold", "#555555", "none", 1);
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      double y = TOP + ROW * i + ROW / 2;
      svg.openGroup("love-row", r.covariate());
      svg.text(8, y + 4, r.covariate().length() > 26 ? r.covariate().substring(0, 25) + "\u2026" : r.covariate(),
          "start", "row-label");
      if (Double.isFinite(r.before())) {
        svg.path(circle(x.applyAsDouble(Math.abs(r.before())), y), "before", Svg.colour(1), "none", 1);
      }
      if (Double.isFinite(r.after())) {
        svg.circle(x.applyAsDouble(Math.abs(r.after())), y, 4, "after", Svg.colour(0));
      }
      svg.closeGroup();
    }
    svg.line(plotLeft, bottom, plotLeft + plotWidth, bottom, "axis", "#333333");
    for (double tick : ticks) {
      if (tick > hi) {
        continue;
      }
      double t = x.applyAsDouble(tick);
      svg.line(t, bottom, t, bottom + 4, "tick", "#333333");
      svg.text(t, bottom + 16, Svg.label(tick), "middle", "tick");
    }
    svg.text(plotLeft + plotWidth / 2, bottom + 34, "Absolute standardised mean difference", "middle", "axis-title");
    return svg.end();
  }

  /** An open circle of radius 4 as a path, so that its stroke carries the colour. */
  private static String circle(double cx, double cy) {
    return "M" + Svg.num(cx - 4) + " " + Svg.num(cy) + "a4 4 0 1 0 8 0a4 4 0 1 0 -8 0";
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }
}
