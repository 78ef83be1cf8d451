package org.outcome.stats.survival.cox.internal;

import java.util.Arrays;
import org.outcome.stats.internal.RadixSort;

/**
 * Harrell's concordance of a Cox model's risk scores as {@code summary(coxph)} reports it (R
 * survival's {@code concordancefit(..., reverse = TRUE)} with {@code timewt = "n"},
 * {@code concordance3.c}), in O(n log n) with two Fenwick trees over the ranks of the risk score.
 *
 * <p>Pairs are formed within strata. A pair is <em>comparable</em> when the shorter time is an
 * event; a censored time equal to an event time counts as longer. Two events at the same time
 * are not comparable ({@code tied.y}; with equal scores also {@code tied.xy}). A comparable pair
 * is concordant when the row with the shorter time has the higher risk score, discordant when it
 * has the lower, tied ({@code tied.x}) when the scores are equal; concordance is
 * {@code (concordant + tied.x / 2) / (concordant + discordant + tied.x)}.
 *
 * <p>Its standard error is R's infinitesimal jackknife: each row's influence on Somers' d,
 * {@code ((c_i - d_i) - d (c_i + d_i + t_i)) / npair} with {@code c_i, d_i, t_i} the concordant,
 * discordant and tied pairs the row belongs to, summed within clusters when given; the variance
 * of the concordance is the sum of squares over 4.
 */
final class ConcordanceCounter {
  /**
   * The counts and the concordance, in the Cox model's direction (higher score, shorter time).
   *
   * @param concordant concordant pairs
   * @param discordant discordant pairs
   * @param tiedRisk comparable pairs with equal risk scores ({@code tied.x})
   * @param tiedTime pairs of events at the same time with different scores ({@code tied.y})
   * @param tiedBoth pairs of events at the same time with equal scores ({@code tied.xy})
   * @param concordance the concordance, NaN when there is no comparable pair
   * @param variance its infinitesimal-jackknife variance, NaN when there is no comparable pair
   */
  record Counts(long concordant, long discordant, long tiedRisk, long tiedTime, long tiedBoth,
      double concordance, double variance) {}

  private ConcordanceCounter() {}

  /**
   * Counts over the sorted rows of {@code d}.
   *
   * @param eta the risk score (linear predictor) of each sorted row
   * @param cluster the cluster code of each sorted row, or {@code null} for no clustering
   * @param clusters the number of cluster codes
   */
  static Counts count(CoxData d, double[] eta, int[] cluster, int clusters) {
    int n = d.n;
    // influence: dif = concordant - discordant, tot = concordant + discordant + tied, in R's raw
    // direction (larger score with longer time is "concordant"), reversed at the end
    double[] dif = new double[n];
    double[] tot = new double[n];
    long rawConcordant = 0;
    long rawDiscordant = 0;
    long tiedX = 0;
    long tiedY = 0;
    long tiedXY = 0;
    int maxRows = 0;
    for (int s = 0; s < d.strata(); s++) {
      maxRows = Math.max(maxRows, d.blockStart[d.stratumStart[s + 1]] - d.blockStart[d.stratumStart[s]]);
    }
    Fenwick all = new Fenwick(maxRows);
    Fenwick deaths = new Fenwick(maxRows);
    int[] rank = new int[n];
    int[] tiedRanks = new int[maxRows];
    long[] q = new long[3];
    for (int s = 0; s < d.strata(); s++) {
      int from = d.blockStart[d.stratumStart[s]];
      int to = d.blockStart[d.stratumStart[s + 1]];
      int m = ranks(eta, from, to, rank);
      all.reset(m);
      deaths.reset(m);
      for (int b = d.stratumStart[s]; b < d.stratumStart[s + 1]; b++) {
        int start = d.blockStart[b];
        int deathStart = d.deathStart[b];
        int end = d.blockStart[b + 1];
        for (int i = start; i < deathStart; i++) {
          deaths.query(rank[i], q);
          dif[i] -= q[1] - q[0];
          tot[i] -= q[0] + q[1] + q[2];
          all.add(rank[i]);
        }
        int nd = end - deathStart;
        if (nd == 0) {
          continue;
        }
        for (int i = deathStart; i < end; i++) {
          all.query(rank[i], q);
          rawConcordant += q[0];
          rawDiscordant += q[1];
          tiedX += q[2];
          dif[i] += q[0] - q[1];
          tot[i] += q[0] + q[1] + q[2];
          deaths.add(rank[i]);
          tiedRanks[i - deathStart] = rank[i];
        }
        tiedY += (long) nd * (nd - 1) / 2;
        if (nd > 1) {
          Arrays.sort(tiedRanks, 0, nd);
          for (int k = 0; k < nd;) {
            int e = k;
            while (e < nd && tiedRanks[e] == tiedRanks[k]) {
              e++;
            }
            long g = e - k;
            tiedXY += g * (g - 1) / 2;
            k = e;
          }
        }
        for (int i = deathStart; i < end; i++) {
          deaths.query(rank[i], q);
          dif[i] -= q[1] - q[0];
          tot[i] -= q[0] + q[1] + q[2];
          all.add(rank[i]);
        }
      }
      for (int i = from; i < to; i++) {
        deaths.query(rank[i], q);
        dif[i] += q[1] - q[0];
        tot[i] += q[0] + q[1] + q[2];
      }
    }
    tiedY -= tiedXY;
    long npair = rawConcordant + rawDiscordant + tiedX;
    if (npair == 0) {
      return new Counts(rawDiscordant, rawConcordant, tiedX, tiedY, tiedXY, Double.NaN, Double.NaN);
    }
    double somers = (double) (rawConcordant - rawDiscordant) / npair;
    double[] influence = cluster == null ? new double[n] : new double[clusters];
    for (int i = 0; i < n; i++) {
      double v = dif[i] / npair - (somers / npair) * tot[i];
      influence[cluster == null ? i : cluster[i]] += v;
    }
    double sumSquares = 0;
    for (double v : influence) {
      sumSquares += v * v;
    }
    double concordance = 1 - (somers + 1) / 2;
    return new Counts(rawDiscordant, rawConcordant, tiedX, tiedY, tiedXY, concordance, sumSquares / 4);
  }

  /** Ranks (1-based, ties equal) of {@code eta[from, to)}; returns the number of distinct values. */
  private static int ranks(double[] eta, int from, int to, int[] rank) {
    int[] order = RadixSort.order(eta, from, to);
    int m = 0;
    double previous = Double.NaN;
    for (int k = 0; k < order.length; k++) {
      double v = eta[order[k]];
      if (k == 0 || v != previous) {
        m++;
        previous = v;
      }
      rank[order[k]] = m;
    }
    return m;
  }

  /** Counts of ranks with a prefix-sum tree: how many inserted ranks are below, equal to and above a rank. */
  private static final class Fenwick {
    private final int[] tree;
    private final int[] point;
    private int size;
    private long total;

    Fenwick(int capacity) {
      this.tree = new int[capacity + 1];
      this.point = new int[capacity + 1];
    }

    void reset(int newSize) {
      Arrays.fill(tree, 0, newSize + 1, 0);
      Arrays.fill(point, 0, newSize + 1, 0);
      size = newSize;
      total = 0;
    }

    void add(int r) {
      point[r]++;
      total++;
      for (int i = r; i <= size; i += i & -i) {
        tree[i]++;
      }
    }

    /** Fills {@code out} with the counts above, below and equal to {@code r}. */
    void query(int r, long[] out) {
      long below = 0;
      for (int i = r - 1; i > 0; i -= i & -i) {
        below += tree[i];
      }
      long equal = point[r];
      out[0] = total - below - equal;
      out[1] = below;
      out[2] = equal;
    }
  }
}
