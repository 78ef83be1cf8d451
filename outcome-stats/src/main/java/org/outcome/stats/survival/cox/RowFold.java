package org.outcome.stats.survival.cox;

import java.io.Serializable;

/**
 * A summary of rows built one row at a time and merged across parts of the data: what
 * {@link CoxRows#fold} runs over the rows, wherever they are. The engine supplies these folds;
 * a {@link CoxRows} implementation only drives them.
 *
 * <p>Contract for implementations of {@link CoxRows}: give each part of the data its own copy
 * of the zero value (a serialised copy, as Spark's {@code aggregate} does, or {@link #copy()}),
 * call {@link #add} once for every row of that part, then combine the parts' results with
 * {@link #merge} in any order and grouping. Both may change the fold they are called on and
 * return it; neither keeps the array passed to {@link #add}.
 *
 * @param <A> the fold's own type
 */
public interface RowFold<A extends RowFold<A>> extends Serializable {
  /**
   * Adds one row.
   *
   * @param stratum the row's stratum, from 0 (0 without strata)
   * @param time the row's time
   * @param event whether the row's time is an event (otherwise censored)
   * @param x the row's covariates, in the order of {@link CoxRows#covariates()}
   * @return this fold, or another holding the row too
   */
  A add(int stratum, double time, boolean event, double[] x);

  /**
   * Combines the summary of other rows with this one.
   *
   * @return this fold, or another, holding both sets of rows
   */
  A merge(A other);

  /** A fresh copy of this fold as it is now (for a part of the data that starts from it). */
  A copy();
}
