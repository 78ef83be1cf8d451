package org.outcome.evaluation.svg;

import java.util.List;

/**
 * Before/after distributions by group: for each group a box plot at baseline and at follow-up,
 * side by side. Boxes are given as summaries, not raw values, so that a report never carries an
 * individual's score: the evaluation report draws the quartiles and median with whiskers to the
 * 10th and 90th percentiles (no extreme values shown).
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
   * One group's summaries at both time points.
   *
   * @param label the group's name, with its (suppressed) count if wanted
   * @param before baseline summary
   * @param after follow-up summary
   */
  public record Group(String label, Box before, Box after) {}

  /**
   * A box: whisker ends, quartiles and median, in ascending order.
   *
   * @param low the lower whisker's end
   * @param q1 the lower quartile
   * @param median the median
   * @param q3 the upper quartile
   * @param high the upper whisker's end
   */
  public record Box(double low, double q1, double median, double q3, double high) {
    public Box {
      if (!(low <= q1 && q1 <= median && median <= q3 && q3 <= high)) {
        throw new IllegalArgumentException("box values must ascend: " + low + ", " + q1 + ", " + median + ", " + q3
            + ", " + high);
      }
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
      lo = Math.min(lo, Math.min(g.before().low(), g.after().low()));
      hi = Math.max(hi, Math.max(g.before().high(), g.after().high()));
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

  private static void box(Svg svg, Box b, double cx, double width,
      java.util.function.DoubleUnaryOperator y, String colour, String cls) {
    svg.line(cx, y.applyAsDouble(b.high()), cx, y.applyAsDouble(b.q3()), "whisker", colour);
    svg.line(cx, y.applyAsDouble(b.q1()), cx, y.applyAsDouble(b.low()), "whisker", colour);
    svg.rect(cx - width / 2, y.applyAsDouble(b.q3()), width, y.applyAsDouble(b.q1()) - y.applyAsDouble(b.q3()), cls,
        colour, "#ffffff");
    svg.line(cx - width / 2, y.applyAsDouble(b.median()), cx + width / 2, y.applyAsDouble(b.median()), "median", colour);
  }
}
