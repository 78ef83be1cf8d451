package org.outcome.stats.survival.cox;

/** Which variance of the coefficients a Cox fit reports as its standard errors. */
public enum Variance {
  /**
   * As R's {@code coxph}: the robust variance when the sample has a cluster column or the fit has
   * case weights that are not all whole numbers, otherwise the model-based one.
   */
  AUTOMATIC,
  /** The inverse of the information matrix (a cluster column, if any, is then ignored, with a warning). */
  MODEL_BASED,
  /**
   * The robust (sandwich) variance of Lin and Wei (1989): {@code D'D} with {@code D} the dfbeta
   * residuals summed within clusters (each row its own cluster when the sample has none).
   */
  ROBUST
}
