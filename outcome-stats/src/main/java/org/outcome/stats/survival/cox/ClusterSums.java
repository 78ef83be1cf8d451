package org.outcome.stats.survival.cox;

import java.io.Serializable;
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

  /**
   * Adds up per-cluster sums {@code R_c} one at a time, and merges with others (partitions of the
   * clusters) in any order: for {@link CoxRows#clusterSums} implementations. Mutable.
   */
  public static final class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[][] cross;
    private final double[] total;
    private long count;

    /** Nothing added yet, for vectors of length {@code p}. */
    public Accumulator(int p) {
      cross = new double[p][p];
      total = new double[p];
    }

    /** Adds one cluster's sum {@code r} (length p); returns this. */
    public Accumulator add(double[] r) {
      for (int a = 0; a < total.length; a++) {
        total[a] += r[a];
        for (int b = 0; b < total.length; b++) {
          cross[a][b] += r[a] * r[b];
        }
      }
      count++;
      return this;
    }

    /** Adds what another accumulator holds; returns this. */
    public Accumulator merge(Accumulator other) {
      for (int a = 0; a < total.length; a++) {
        total[a] += other.total[a];
        for (int b = 0; b < total.length; b++) {
          cross[a][b] += other.cross[a][b];
        }
      }
      count += other.count;
      return this;
    }

    /** The sums so far. */
    public ClusterSums result() {
      double[][] copy = new double[cross.length][];
      for (int a = 0; a < cross.length; a++) {
        copy[a] = cross[a].clone();
      }
      return new ClusterSums(copy, total.clone(), count);
    }
  }
}
