package org.outcome.testkit.samples;

/** The kinds of paired (before-and-after) sample {@link PairedSamples} generates. */
public enum PairedShape {
  /** Continuous values on a fine grid: ties and zero differences are possible but rare. */
  CONTINUOUS,
  /** Integer scores on a 1 to 5 scale: many tied absolute differences. */
  TIED_INTEGERS,
  /** Integer scores where about a third of the pairs do not change (zero differences). */
  SOME_ZERO_DIFFERENCES,
  /** After equals before plus one constant: the differences have zero variance. Degenerate. */
  CONSTANT_DIFFERENCE,
  /** After equals before for every pair: all differences are zero. Degenerate. */
  ALL_ZERO_DIFFERENCES,
  /** Exactly two pairs, the fewest most paired analyses accept. */
  TWO_PAIRS;

  /** The shapes whose every sample admits a paired t-test (differences not constant). */
  public static PairedShape[] nonDegenerate() {
    return new PairedShape[] {CONTINUOUS, TIED_INTEGERS, SOME_ZERO_DIFFERENCES, TWO_PAIRS};
  }
}
