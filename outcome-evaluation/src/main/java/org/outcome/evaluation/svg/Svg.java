package org.outcome.evaluation.svg;

import java.util.Locale;
import org.outcome.evaluation.internal.Markup;

/** A minimal SVG document builder: escaped text, compact numbers, nothing else. */
final class Svg {
  /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
  static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};

  private final StringBuilder out = new StringBuilder();

  Svg(double width, double height, String title, String description) {
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(num(width)).append(' ').append(num(height)).append("\" width=\"").append(num(width))
        .append("\" height=\"").append(num(height)).append("\" font-family=\"system-ui, sans-serif\" font-size=\"12\">")
        .append("<title>").append(escape(title)).append("</title>")
        .append("<desc>").append(escape(description)).append("</desc>");
  }

  static String colour(int index) {
    return PALETTE[index % PALETTE.length];
  }

  Svg line(double x1, double y1, double x2, double y2, String cls, String stroke) {
    out.append("<line class=\"").append(cls).append("\" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
        .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
        .append("\"/>");
    return this;
  }

  Svg path(String d, String cls, String stroke, String fill, double opacity) {
    out.append("<path class=\"").append(cls).append("\" d=\"").append(d).append("\" stroke=\"").append(stroke)
        .append("\" fill=\"").append(fill).append('"');
    if (opacity < 1) {
      out.append(" fill-opacity=\"").append(num(opacity)).append('"');
    }
    out.append("/>");
    return this;
  }

  Svg rect(double x, double y, double w, double h, String cls, String stroke, String fill) {
    out.append("<rect class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h)))
        .append("\" stroke=\"").append(stroke).append("\" fill=\"").append(fill).append("\"/>");
    return this;
  }

  Svg circle(double cx, double cy, double r, String cls, String fill) {
    out.append("<circle class=\"").append(cls).append("\" cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
        .append("\" r=\"").append(num(r)).append("\" fill=\"").append(fill).append("\"/>");
    return this;
  }

  /** Text anchored {@code start}, {@code middle} or {@code end}. */
  Svg text(double x, double y, String text, String anchor, String cls) {
    out.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>");
    return this;
  }

  /** Text rotated a quarter turn anticlockwise about its anchor point (a vertical axis title). */
  Svg verticalText(double x, double y, String text, String cls) {
    out.append("<text class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y))
        .append(")\">").append(escape(text)).append("</text>");
    return this;
  }

  Svg openGroup(String cls, String label) {
    out.append("<g class=\"").append(cls).append("\" aria-label=\"").append(escape(label)).append("\">");
    return this;
  }

  Svg closeGroup() {
    out.append("</g>");
    return this;
  }

  String end() {
    return out.append("</svg>").toString();
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String escape(String s) {
    return Markup.escape(s);
  }

  /** "Nice" tick values covering [lo, hi], about {@code count} of them. */
  static double[] ticks(double lo, double hi, int count) {
    if (!(hi > lo)) {
      return new double[] {lo};
    }
    double raw = (hi - lo) / count;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    double first = Math.ceil(lo / step - 1e-9) * step;
    int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
    double[] t = new double[Math.max(n, 1)];
    for (int i = 0; i < t.length; i++) {
      t[i] = first + i * step;
    }
    return t;
  }

  static String label(double v) {
    if (v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
