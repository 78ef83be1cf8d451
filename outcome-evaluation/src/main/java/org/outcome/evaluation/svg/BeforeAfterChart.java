package org.outcome.evaluation.svg;

import java.util.Arrays;
import java.util.List;

/**
 * Before/after distributions by group: for each group a box plot (quartiles, median, whiskers to
 * the most extreme values within 1.5 IQR, Tukey 1977) at baseline and at follow-up, side by side.
 *
 * @param title the chart's title
 * @param scoreLabel the score's name and range, for example {@code "SWEMWBS (7-35)"}
 * @param groups the groups' values
 */
public record BeforeAfterChart(String title, String scoreLabel, List<Group> groups) {
  private static final double WIDTH = 720;
  private static final double LEFT = 80;
  private static final double TOP = 44;
  private static final double PLOT = 240;

  /**
   * One group's values at both time points (people with both, in the same order).
   *
   * @param label the group's name, with its (suppressed) count if wanted
   * @param before baseline values
   * @param after follow-up values
   */
  public record Group(String label, double[] before, double[] after) {
    public Group {
      before = before.clone();
      after = after.clone();
    }
  }

  public BeforeAfterChart {
    groups = List.copyOf(groups);
  }

  /** The chart as a standalone SVG element. */
  public String render() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Group g : groups) {
      for (double v : concat(g.before(), g.after())) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(hi > lo)) {
      lo = lo - 1;
      hi = hi + 1;
    }
    double plotWidth = WIDTH - LEFT - 20;
    double height = TOP + PLOT + 60;
    final double min = lo;
    final double span = hi - lo;
    java.util.function.DoubleUnaryOperator y = v -> TOP + PLOT * (1 - (v - min) / span);
    Svg svg = new Svg(WIDTH, height, title, "Box plots of " + scoreLabel + " at baseline and follow-up for "
        + groups.size() + " group(s).");
    svg.text(8, 22, title, "start", "chart-title");
    for (double tick : Svg.ticks(lo, hi, 5)) {
      svg.line(LEFT, y.applyAsDouble(tick), LEFT + plotWidth, y.applyAsDouble(tick), "grid", "#e0e0e0");
      svg.text(LEFT - 6, y.applyAsDouble(tick) + 4, Svg.label(tick), "end", "tick");
    }
    double slot = plotWidth / Math.max(1, groups.size());
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      double centre = LEFT + slot * g + slot / 2;
      svg.openGroup("group", group.label());
      box(svg, group.before(), centre - slot / 6, slot / 5, y, "#999999", "box-before");
      box(svg, group.after(), centre + slot / 6, slot / 5, y, Svg.colour(g), "box-after");
      svg.text(centre - slot / 6, TOP + PLOT + 16, "before", "middle", "tick");
      svg.text(centre + slot / 6, TOP + PLOT + 16, "after", "middle", "tick");
      svg.text(centre, TOP + PLOT + 36, group.label(), "middle", "group-label");
      svg.closeGroup();
    }
    svg.verticalText(22, TOP + PLOT / 2, scoreLabel, "axis-title");
    return svg.end();
  }

  private static void box(Svg svg, double[] values, double cx, double width,
      java.util.function.DoubleUnaryOperator y, String colour, String cls) {
    if (values.length == 0) {
      return;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double q1 = quantile(v, 0.25);
    double median = quantile(v, 0.5);
    double q3 = quantile(v, 0.75);
    double iqr = q3 - q1;
    double low = v[0];
    double high = v[v.length - 1];
    for (double x : v) {
      if (x >= q1 - 1.5 * iqr) {
        low = x;
        break;
      }
    }
    for (int i = v.length - 1; i >= 0; i--) {
      if (v[i] <= q3 + 1.5 * iqr) {
        high = v[i];
        break;
      }
    }
    svg.line(cx, y.applyAsDouble(high), cx, y.applyAsDouble(q3), "whisker", colour);
    svg.line(cx, y.applyAsDouble(q1), cx, y.applyAsDouble(low), "whisker", colour);
    svg.rect(cx - width / 2, y.applyAsDouble(q3), width, y.applyAsDouble(q1) - y.applyAsDouble(q3), cls, colour, "#ffffff");
    svg.line(cx - width / 2, y.applyAsDouble(median), cx + width / 2, y.applyAsDouble(median), "median", colour);
  }

  /** R's default quantile (type 7): linear interpolation between order statistics. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
