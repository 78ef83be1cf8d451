package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.Ties;

/**
 * What Newton–Raphson and the checks after it need of a Cox model's data, wherever the rows are:
 * in this process, sorted ({@link CoxData}), or elsewhere and reached through folds over them
 * ({@link FoldedCoxInputs}). Coefficients are on the centred and scaled covariates.
 */
interface CoxInputs {
  /** The number of covariates. */
  int p();

  /** The factor each covariate was multiplied by after centring (1 for a covariate left as it is). */
  double[] scale();

  /** Evaluates the log partial likelihood, score and information at {@code beta} into {@code out}. */
  void evaluate(double[] beta, Ties ties, Derivatives out);

  /** The largest linear predictor over the rows at {@code beta}. */
  double maxLinearPredictor(double[] beta);

  /**
   * Whether the rows are counting-process {@code (start, stop]} rows, which R fits with
   * {@code agfit4.c} rather than {@code coxfit6.c} ({@link NewtonRaphson}).
   */
  default boolean countingProcess() {
    return false;
  }
}
