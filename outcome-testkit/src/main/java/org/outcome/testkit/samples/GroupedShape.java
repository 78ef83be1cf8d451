package org.outcome.testkit.samples;

/** The kinds of two-or-more-group sample {@link GroupedSamples} generates. */
public enum GroupedShape {
  /** Continuous values on a fine grid, groups of similar size. */
  CONTINUOUS,
  /** Integer scores on a 1 to 5 scale: many ties within and across groups. */
  TIED_INTEGERS,
  /** The first group has the minimum size, the others the maximum: one group much smaller. */
  UNBALANCED,
  /** Every group has exactly two members. */
  TWO_PER_GROUP,
  /** Every value is the same: zero variance within and between groups. Degenerate. */
  ALL_EQUAL;

  /** The shapes whose every sample has non-zero variance in every group. */
  public static GroupedShape[] nonDegenerate() {
    return new GroupedShape[] {CONTINUOUS, TIED_INTEGERS, UNBALANCED, TWO_PER_GROUP};
  }
}
