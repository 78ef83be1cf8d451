package org.outcome.stats.survival.cox;

import java.util.List;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.internal.SampleRows;

/**
 * The rows of a Cox model held elsewhere (the partitions of a Spark dataset, a database, files too
 * large for memory), reached only through {@link #fold folds} that return small summaries. The fit
 * {@link CoxPh#fit(CoxRows)} needs two folds before it starts (counts, sums and distinct times;
 * then the covariates' absolute deviations, as R scales them) and one per Newton–Raphson
 * iteration, whose result holds, for each stratum and distinct time, the risk-weighted sums
 * {@code sum exp(x'b)}, {@code sum x exp(x'b)} and {@code sum x x' exp(x'b)} of the rows censored
 * and of the rows with an event there: O(strata × distinct times × p²) numbers, whatever the
 * number of rows. So the rows never reach the fitting process, and the fit suits data whose
 * times are few (whole days: a few thousand at most); with a distinct time per row the summaries
 * are as large as the data.
 *
 * <p>Rows reached through folds carry no case weights: a weighted model is fitted from a sample
 * ({@link CoxPh#fit(SurvivalSample, double[])}).
 *
 * <p>Rows must be complete and valid (a finite time at or above 0, finite covariates): leave out
 * or refuse others before they reach a fold; the fit refuses, without naming a value, when a
 * fold saw a time or covariate that is not a finite number.
 */
public interface CoxRows {
  /** The covariate names, in the order of the values each row gives {@link RowFold#add}. */
  List<String> covariates();

  /** The number of strata (1 without strata); rows give stratum indices below it. */
  int strata();

  /**
   * Runs a fold over every row, following the contract of {@link RowFold}, and returns the merged
   * result.
   *
   * @param zero the fold before any row
   * @param <A> the fold's type
   */
  <A extends RowFold<A>> A fold(A zero);

  /** Whether the rows have a cluster column (the robust variance then sums residuals within clusters). */
  default boolean clustered() {
    return false;
  }

  /**
   * For the robust variance: runs {@code value} over every row, sums the values within each
   * cluster (each row its own cluster when there is no cluster column) and returns the sums'
   * cross products and total. Implementations that cannot group rows leave this unimplemented,
   * and a robust fit is then refused.
   *
   * @param p the length of every value
   * @throws UnsupportedOperationException if this implementation does not provide it
   */
  default ClusterSums clusterSums(RowFunction value, int p) {
    throw new UnsupportedOperationException("these rows cannot be summed by cluster, so the robust variance is "
        + "not available; fit with the model-based variance");
  }

  /**
   * The rows of a sample in this process, as {@link CoxPh#fit(SurvivalSample)} models them (the
   * group column, when present, as R's treatment-coded indicators first, then the covariates),
   * folded in {@code parts} contiguous parts merged in order: the reference against which other
   * implementations are tested.
   *
   * @throws IllegalArgumentException if {@code parts} is below 1
   */
  static CoxRows of(SurvivalSample sample, int parts) {
    return new SampleRows(sample, parts);
  }
}
