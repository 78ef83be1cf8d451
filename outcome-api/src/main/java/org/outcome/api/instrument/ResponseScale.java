package org.outcome.api.instrument;

import java.util.List;

/**
 * The integer answers an item allows, {@code min} to {@code max} inclusive, and optionally a
 * neutral label for each answer (the coding, for example {@code 1 = "strongly agree"}).
 *
 * @param min the lowest allowed answer
 * @param max the highest allowed answer; greater than {@code min}
 * @param labels empty, or one neutral label per answer from {@code min} to {@code max}
 */
public record ResponseScale(int min, int max, List<String> labels) {
  public ResponseScale {
    if (max <= min) {
      throw new IllegalArgumentException(
          "response scale max (" + max + ") must be greater than min (" + min + ")");
    }
    labels = List.copyOf(labels);
    if (!labels.isEmpty() && labels.size() != max - min + 1) {
      throw new IllegalArgumentException("response scale " + min + "-" + max + " needs "
          + (max - min + 1) + " labels, got " + labels.size());
    }
  }

  /** A scale without answer labels. */
  public static ResponseScale of(int min, int max) {
    return new ResponseScale(min, max, List.of());
  }

  /** Whether {@code value} is an allowed answer. */
  public boolean contains(int value) {
    return value >= min && value <= max;
  }

  /** The reverse-keyed value of an allowed answer: {@code min + max - value}. */
  public int reverse(int value) {
    return min + max - value;
  }

  /** The number of allowed answers. */
  public int size() {
    return max - min + 1;
  }

  @Override
  public String toString() {
    return min + "-" + max;
  }
}
