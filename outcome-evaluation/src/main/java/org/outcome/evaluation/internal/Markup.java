package org.outcome.evaluation.internal;

/** Escaping shared by the HTML report and the SVG charts. */
public final class Markup {
  private Markup() {}

  /** Text made safe for HTML and XML content and attribute values. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
