package org.outcome.api.sample;

/**
 * Paired binary outcomes (before-and-after, McNemar): rows the first measurement, columns the
 * second, as R's {@code mcnemar.test(matrix)} reads a matrix.
 *
 * <pre>
 *                 after yes   after no
 *   before yes        a           b
 *   before no         c           d
 * </pre>
 *
 * @param a yes then yes
 * @param b yes then no
 * @param c no then yes
 * @param d no then no
 */
public record PairedBinaryTable(long a, long b, long c, long d) implements Sample {
  public PairedBinaryTable {
    CountChecks.nonNegative("paired 2x2 table", a, b, c, d);
  }

  /** Same as the constructor, in the order a, b, c, d. */
  public static PairedBinaryTable of(long a, long b, long c, long d) {
    return new PairedBinaryTable(a, b, c, d);
  }

  /** The number of pairs, as an int where it fits. */
  @Override
  public int size() {
    return Math.toIntExact(a + b + c + d);
  }
}
