package org.outcome.stats.common;

/** Whether a rank test uses its exact null distribution or the normal approximation. */
public enum Exactness {
  /**
   * R's default rule ({@code exact = NULL}): exact when there are fewer than 50 observations (in
   * each group, for two samples) and no ties (and, for the signed-rank test, no zero
   * differences); otherwise the normal approximation.
   */
  AUTO,
  /**
   * Exact whenever the data allow it (R's {@code exact = TRUE}): with ties or zeros R, and this
   * library, fall back to the normal approximation with a warning. Sizes beyond the exact
   * distributions' limits (1000 non-zero differences for the signed-rank test,
   * {@code n_x * n_y = 10000} for the rank-sum test) are refused with an input error.
   */
  EXACT,
  /** Always the normal approximation (R's {@code exact = FALSE}). */
  APPROXIMATE
}
