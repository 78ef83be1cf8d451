package org.outcome.api.sample;

/**
 * A 2&times;2 table of independent groups: rows exposed / unexposed (for example peer support /
 * usual care), columns event / no event (for example readmitted / not readmitted).
 *
 * <pre>
 *              event   no event
 *   exposed      a        b
 *   unexposed    c        d
 * </pre>
 *
 * @param a exposed with the event
 * @param b exposed without the event
 * @param c unexposed with the event
 * @param d unexposed without the event
 */
public record TwoByTwoTable(long a, long b, long c, long d) implements Sample {
  public TwoByTwoTable {
    CountChecks.nonNegative("2x2 table", a, b, c, d);
  }

  /** Same as the constructor, in the order a, b, c, d. */
  public static TwoByTwoTable of(long a, long b, long c, long d) {
    return new TwoByTwoTable(a, b, c, d);
  }

  /** The total count, as an int where it fits. */
  @Override
  public int size() {
    return Math.toIntExact(a + b + c + d);
  }
}
