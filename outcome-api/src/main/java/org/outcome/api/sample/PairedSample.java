package org.outcome.api.sample;

import java.util.Arrays;

/**
 * Paired measurements, one pair per person: before and after (baseline and follow-up).
 * Differences are {@code after - before}, as in the R reference values.
 *
 * <p>Immutable, with value equality: two samples are equal when they hold the same pairs in the
 * same order. {@link #toString()} states the shape, never a value.
 */
public final class PairedSample implements Sample {
  private final double[] before;
  private final double[] after;

  private PairedSample(double[] before, double[] after) {
    this.before = before;
    this.after = after;
  }

  /**
   * A paired sample; the arrays are copied.
   *
   * @throws org.outcome.api.InvalidInputException if the lengths differ or a value is not finite
   */
  public static PairedSample of(double[] before, double[] after) {
    new Checks("paired sample")
        .sameLength("after", after.length, before.length)
        .finite("before", before)
        .finite("after", after)
        .throwIfAny();
    return new PairedSample(before.clone(), after.clone());
  }

  @Override
  public int size() {
    return before.length;
  }

  /** The before value of pair {@code i}. */
  public double before(int i) {
    return before[i];
  }

  /** The after value of pair {@code i}. */
  public double after(int i) {
    return after[i];
  }

  /** The difference {@code after - before} of pair {@code i}. */
  public double difference(int i) {
    return after[i] - before[i];
  }

  /** A copy of the before values. */
  public double[] beforeValues() {
    return before.clone();
  }

  /** A copy of the after values. */
  public double[] afterValues() {
    return after.clone();
  }

  /** The differences {@code after - before}, in a new array. */
  public double[] differences() {
    double[] d = new double[before.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = after[i] - before[i];
    }
    return d;
  }

  /** The same pairs with before and after exchanged. */
  public PairedSample swapped() {
    return new PairedSample(after, before);
  }

  /**
   * Equal when both hold the same pairs in the same order; values compare as
   * {@link Double#equals(Object)} does (bit for bit).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof PairedSample p && Arrays.equals(before, p.before) && Arrays.equals(after, p.after);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(before) + Arrays.hashCode(after);
  }

  /** The shape only, for example {@code PairedSample[12 pairs]}: never a value. */
  @Override
  public String toString() {
    return "PairedSample[" + before.length + " pairs]";
  }
}
