package org.outcome.stats.common;

/**
 * The alternative hypothesis of a test, as R's {@code alternative} argument. The effect is always
 * oriented the way the analysis documents it (after − before; first group − second group; the
 * exposed row against the unexposed row).
 */
public enum Alternative {
  /** The effect differs from its null value in either direction; R's {@code "two.sided"}. */
  TWO_SIDED("two.sided"),
  /** The effect is less than its null value; R's {@code "less"}. */
  LESS("less"),
  /** The effect is greater than its null value; R's {@code "greater"}. */
  GREATER("greater");

  private final String rName;

  Alternative(String rName) {
    this.rName = rName;
  }

  /** The name R uses for this alternative, for reports that cite the R call. */
  public String rName() {
    return rName;
  }
}
