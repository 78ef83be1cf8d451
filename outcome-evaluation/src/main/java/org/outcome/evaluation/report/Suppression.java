package org.outcome.evaluation.report;

import java.util.Locale;

/**
 * Small-number suppression for published figures. With the NHS rule for sub-national figures (the
 * default): a count of 0 is shown, counts of 1 to 7 are shown as {@code *}, and every other count
 * is rounded to the nearest 5, so that a suppressed count cannot be recovered by subtraction from
 * an exact total.
 *
 * @param enabled whether to suppress at all
 * @param maxSuppressed the largest count shown as {@code *} (7 by default)
 * @param roundTo counts above {@code maxSuppressed} are rounded to a multiple of this (5 by default;
 *     1 for no rounding)
 */
public record Suppression(boolean enabled, int maxSuppressed, int roundTo) {
  public Suppression {
    if (maxSuppressed < 0 || roundTo < 1) {
      throw new IllegalArgumentException("suppression needs maxSuppressed >= 0 and roundTo >= 1, got "
          + maxSuppressed + " and " + roundTo);
    }
  }

  /** The NHS rule: 1-7 suppressed, others rounded to the nearest 5, 0 kept. */
  public static Suppression nhsDefault() {
    return new Suppression(true, 7, 5);
  }

  /** No suppression: every count shown exactly (for internal, non-published use). */
  public static Suppression none() {
    return new Suppression(false, 0, 1);
  }

  /** A count as it may be published. */
  public SuppressedCount apply(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("counts are not negative, got " + count);
    }
    if (!enabled || count == 0) {
      return SuppressedCount.shown(count);
    }
    if (count <= maxSuppressed) {
      return SuppressedCount.suppressed();
    }
    return SuppressedCount.shown(Math.round((double) count / roundTo) * roundTo);
  }

  /**
   * The counts a reader of a published count knows it may be, from 0 to {@code hiddenMax} for a
   * hidden one: 0 for 0, 1 to {@code hiddenMax} for {@code *}, every count that rounds to a shown
   * value {@code c} ({@code c - 2} to {@code c + 2} by default, never a hidden count), {@code c}
   * itself without rounding or suppression.
   *
   * @return the least and the greatest, inclusive
   */
  long[] readAs(SuppressedCount shown, long hiddenMax) {
    if (shown.hidden()) {
      return new long[] {1, hiddenMax};
    }
    long c = shown.value().getAsLong();
    if (!enabled || c == 0 || roundTo == 1) {
      return new long[] {c, c};
    }
    // Math.round(v / r) * r == c exactly when c - r/2 <= v < c + r/2
    long below = roundTo / 2;
    long above = (roundTo - 1) / 2;
    return new long[] {Math.max(maxSuppressed + 1L, c - below), c + above};
  }

  /** The rule in a sentence, for the report's methods section. */
  public String describe() {
    if (!enabled) {
      return "Counts are shown exactly, without small-number suppression.";
    }
    String rounding = roundTo == 1 ? "other counts are shown exactly"
        : "other counts are rounded to the nearest " + roundTo;
    return String.format(Locale.ROOT,
        "Counts of 1 to %d are shown as *, %s, and zeros are shown, so that no small number can be"
            + " recovered from a table; where a row's counts add up to its total and a hidden or rounded"
            + " count could still be worked out from the others, more of them are shown as * (so a * may"
            + " also stand for a larger count).", maxSuppressed, rounding);
  }
}
