package org.outcome.stats.survival.cox;

import java.util.Objects;

/**
 * What the robust variance needs of per-row values {@code r_i} (score residuals) summed within
 * clusters, {@code R_c = sum of r_i over cluster c}: {@code sum_c R_c R_c'} and {@code sum_c R_c}.
 *
 * @param crossProducts {@code sum_c R_c R_c'}, p × p
 * @param total {@code sum_c R_c}, the sum over all rows
 * @param clusters the number of clusters (rows, when each row is its own cluster)
 */
public record ClusterSums(double[][] crossProducts, double[] total, long clusters) {
  /** Validates. */
  public ClusterSums {
    Objects.requireNonNull(crossProducts, "crossProducts");
    Objects.requireNonNull(total, "total");
  }
}
