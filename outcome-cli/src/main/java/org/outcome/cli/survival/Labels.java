package org.outcome.cli.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Small conversions shared by the survival commands' JSON and text. */
final class Labels {
  private Labels() {}

  /** R's label for a level: {@code column=level}. */
  static String of(String column, String level) {
    return column + "=" + level;
  }

  /** A number for JSON: {@code null} where it is not finite (R's NA, or an infinite standard error). */
  static Double json(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** An optional number for JSON. */
  static Double json(OptionalDouble v) {
    return v.isPresent() ? json(v.getAsDouble()) : null;
  }

  /** An array for JSON, non-finite values as {@code null}. */
  static List<Double> json(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(json(v));
    }
    return out;
  }
}
