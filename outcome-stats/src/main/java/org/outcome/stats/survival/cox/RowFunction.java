package org.outcome.stats.survival.cox;

import java.io.Serializable;

/**
 * A value computed from one row (for the robust variance: the row's score residual), which
 * {@link CoxRows#clusterSums} runs wherever the rows are. The engine supplies it.
 */
@FunctionalInterface
public interface RowFunction extends Serializable {
  /**
   * The row's value.
   *
   * @param stratum the row's stratum, from 0
   * @param time the row's time
   * @param event whether the row is an event
   * @param x the row's covariates (not kept)
   * @return a new array of the covariates' length
   */
  double[] apply(int stratum, double time, boolean event, double[] x);
}
