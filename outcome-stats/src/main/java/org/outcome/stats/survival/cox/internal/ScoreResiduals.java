package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.Ties;

/**
 * Score residuals of a Cox model (R's {@code residuals(fit, type = "score")}, computed by
 * {@code coxscore2.c}, and {@code agscore2.c} for counting-process rows) in O(n p) (O(n p log n)
 * for counting-process rows) instead of R's O(n^2 p), on the covariates as given, as R computes
 * them from the model matrix.
 *
 * <p>At an event time {@code t} of a stratum with {@code d} events, Efron's method splits the
 * hazard jump into {@code d} parts {@code r = 0..d-1}: with risk-set sums {@code S0, S1} (events
 * included), the events' sums {@code D0, D1} and {@code w = r/d}, part {@code r} has hazard
 * {@code h_r = 1 / (S0 - w D0)} and mean {@code m_r = (S1 - w D1) / (S0 - w D0)}. Breslow's
 * method has one part with {@code h = d / S0}, {@code m = S1 / S0}. Row {@code k} with covariates
 * {@code x_k} and risk {@code e_k = exp(eta_k)} receives, from every event time {@code t} at which
 * it is at risk:
 * <ul>
 *   <li>if it is not one of the events at {@code t}: {@code -e_k sum_r h_r (x_k - m_r)};
 *   <li>if it is: {@code sum_r (x_k - m_r)/d - e_k sum_r h_r (1 - r/d) (x_k - m_r)}.
 * </ul>
 * With case weights {@code w_i} the sums {@code S0, S1, D0, D1} weight each row's risk by its
 * {@code w_i} and the hazard parts are {@code h_r = (W/d) / (S0 - w D0)} ({@code W} the events'
 * total weight; Breslow: {@code h = W / S0}), while a row's own residual is not weighted (R's
 * {@code coxscore2.c}; the robust variance multiplies residuals by the weights afterwards).
 * Both are linear in {@code x_k}, so with the per-time sums {@code H = sum h_r} and
 * {@code M = sum h_r m_r} a row's total is {@code -e_k (x_k H - M)} summed over the event times
 * before its own at which it is at risk, plus its own time's terms, which with one part (Breslow,
 * or one event) are computed as R writes them, {@code (x_k - m)(event - e_k h)}: a row alone in
 * its risk set, or a covariate equal to its risk set's mean, then adds exactly 0, as in R.
 *
 * <p>Those sums run only over the row's own event times, never as a total minus the times it
 * missed: with diverging coefficients the hazard jumps of times with small risk sets can exceed
 * the others by a factor of {@code e^100} and more, and the difference would then be rounding
 * error (R computes each time's term directly, in O(n^2 p)). Right-censored rows are at risk at
 * every event time up to their own: one descending pass gives each time's shares, an ascending
 * one adds them up. A counting-process row {@code (start, stop]} is at risk only at the event
 * times inside its interval, a contiguous range of its stratum's times: both the risk sets and
 * each row's sums over its range come from {@link BlockRangeSums}, O(n p log n), again without
 * subtracting (R's {@code agscore2.c} sums each risk set directly).
 */
final class ScoreResiduals {
  private ScoreResiduals() {}

  /**
   * The score residuals, row-major {@code n x p} in sorted order, on the covariates as given
   * ({@link CoxData#raw}).
   *
   * @param eta the linear predictor of each sorted row
   */
  static double[] compute(CoxData d, Ties ties, double[] eta) {
    int n = d.n;
    int p = d.p;
    double[] risk = new double[n];
    for (int i = 0; i < n; i++) {
      risk[i] = Math.exp(eta[i]);
    }
    Shares shares = new Shares(d.blocks(), p);
    double[] resid = new double[n * p];
    for (int s = 0; s < d.strata(); s++) {
      if (d.start == null) {
        rightCensored(d, ties, risk, s, shares, resid);
      } else {
        countingProcess(d, ties, risk, s, shares, resid);
      }
    }
    return resid;
  }

  /** Each event time's hazard shares ({@link HazardShares}), by block; zero for a block without events. */
  private static final class Shares {
    final int p;
    final double[] blockH;
    final double[] ownH;
    final double[] blockM;
    final double[] ownM;
    final double[] meanOfMeans;
    /** Whether block {@code b}'s hazard jump has one part (Breslow, or a single event). */
    final boolean[] single;
    final HazardShares scratch;
    final double[] d1;

    Shares(int blocks, int p) {
      this.p = p;
      blockH = new double[blocks];
      ownH = new double[blocks];
      blockM = new double[blocks * p];
      ownM = new double[blocks * p];
      meanOfMeans = new double[blocks * p];
      single = new boolean[blocks];
      scratch = new HazardShares(p);
      d1 = new double[p];
    }

    /** Computes block {@code b}'s shares from its risk set's sums {@code s0, s1} (its events included). */
    void compute(CoxData d, Ties ties, double[] risk, int b, double s0, double[] s1) {
      int deathStart = d.deathStart[b];
      int end = d.blockStart[b + 1];
      double d0 = 0;
      double deadWeight = 0;
      java.util.Arrays.fill(d1, 0);
      for (int i = deathStart; i < end; i++) {
        double r = d.weight[i] * risk[i];
        d0 += r;
        deadWeight += d.weight[i];
        for (int j = 0; j < p; j++) {
          d1[j] += r * d.raw[i * p + j];
        }
      }
      scratch.compute(ties, end - deathStart, deadWeight, s0, s1, d0, d1);
      single[b] = ties == Ties.BRESLOW || end - deathStart == 1;
      blockH[b] = scratch.blockH;
      ownH[b] = scratch.ownH;
      System.arraycopy(scratch.blockM, 0, blockM, b * p, p);
      System.arraycopy(scratch.ownM, 0, ownM, b * p, p);
      System.arraycopy(scratch.meanOfMeans, 0, meanOfMeans, b * p, p);
    }

    /**
     * Row {@code i}'s residual, in block {@code b}, given the sums {@code h, m} over the event
     * times at which it is at risk other than its own block's. Its own block's term is added here:
     * with one hazard part (Breslow, or a single event) as R writes it,
     * {@code (x - mean)(event - e h)}, so that a row alone in its risk set, or one whose covariate
     * equals the risk set's mean, adds exactly nothing; with Efron's parts through their sums.
     */
    void residual(CoxData d, double[] risk, int i, int b, double h, double[] m, double[] resid) {
      double[] x = d.raw;
      double e = risk[i];
      boolean event = i >= d.deathStart[b];
      boolean onePart = single[b];
      for (int j = 0; j < p; j++) {
        double xi = x[i * p + j];
        double before = -e * (xi * h - m[j]);
        if (onePart) {
          double diff = xi - meanOfMeans[b * p + j];
          double own = event ? diff - diff * e * blockH[b] : -(diff * e * blockH[b]);
          resid[i * p + j] = own + before;
        } else if (event) {
          resid[i * p + j] = (xi - meanOfMeans[b * p + j]) - e * (xi * ownH[b] - ownM[b * p + j]) + before;
        } else {
          resid[i * p + j] = -e * (xi * blockH[b] - blockM[b * p + j]) + before;
        }
      }
    }
  }

  /**
   * One stratum of right-censored rows: the risk sets accumulate from the latest time to the
   * earliest (blocks are sorted that way), and each row's sums over the event times before its
   * own from the earliest time on.
   */
  private static void rightCensored(CoxData d, Ties ties, double[] risk, int s, Shares shares, double[] resid) {
    int p = d.p;
    double s0 = 0;
    double[] s1 = new double[p];
    int first = d.stratumStart[s];
    int last = d.stratumStart[s + 1];
    for (int b = first; b < last; b++) {
      for (int i = d.blockStart[b]; i < d.blockStart[b + 1]; i++) {
        double r = d.weight[i] * risk[i];
        s0 += r;
        for (int j = 0; j < p; j++) {
          s1[j] += r * d.raw[i * p + j];
        }
      }
      if (d.deathStart[b] < d.blockStart[b + 1]) {
        shares.compute(d, ties, risk, b, s0, s1);
      }
    }
    double h = 0;
    double[] m = new double[p];
    for (int b = last - 1; b >= first; b--) {
      for (int i = d.blockStart[b]; i < d.blockStart[b + 1]; i++) {
        shares.residual(d, risk, i, b, h, m, resid);
      }
      h += shares.blockH[b];
      for (int j = 0; j < p; j++) {
        m[j] += shares.blockM[b * p + j];
      }
    }
  }

  /**
   * One stratum of counting-process rows. A row in block {@code b} is at risk at the event times
   * of blocks {@code b} up to, not including, the first event time at or below its start (the
   * block at which R's {@code agfit4.c} removes it, found by the same descending walk): the
   * risk sets are each block's total of the ranges covering it, and each row's sums the total over
   * its range.
   */
  private static void countingProcess(CoxData d, Ties ties, double[] risk, int s, Shares shares, double[] resid) {
    int p = d.p;
    int first = d.stratumStart[s];
    int last = d.stratumStart[s + 1];
    int from = d.blockStart[first];
    int to = d.blockStart[last];
    int[] blockOf = new int[to - from];
    int[] leaves = new int[to - from];
    for (int b = first; b < last; b++) {
      for (int i = d.blockStart[b]; i < d.blockStart[b + 1]; i++) {
        blockOf[i - from] = b;
        leaves[i - from] = last;
      }
    }
    int leaving = from;
    for (int b = first; b < last; b++) {
      int deathStart = d.deathStart[b];
      if (deathStart == d.blockStart[b + 1]) {
        continue;
      }
      double t = d.time[deathStart];
      for (; leaving < to && d.startByStart[leaving] >= t; leaving++) {
        int i = d.byStart[leaving];
        // a row whose interval starts at or after this event time is not at risk here or earlier
        leaves[i - from] = Math.max(b, blockOf[i - from]);
      }
    }

    BlockRangeSums riskSets = new BlockRangeSums(last - first, 1 + p);
    double[] v = new double[1 + p];
    for (int i = from; i < to; i++) {
      double r = d.weight[i] * risk[i];
      v[0] = r;
      for (int j = 0; j < p; j++) {
        v[1 + j] = r * d.raw[i * p + j];
      }
      riskSets.addToRange(blockOf[i - from] - first, leaves[i - from] - first, v);
    }
    double[] s1 = new double[p];
    for (int b = first; b < last; b++) {
      if (d.deathStart[b] < d.blockStart[b + 1]) {
        riskSets.pointSum(b - first, v);
        System.arraycopy(v, 1, s1, 0, p);
        shares.compute(d, ties, risk, b, v[0], s1);
      }
    }

    BlockRangeSums hazards = new BlockRangeSums(last - first, 1 + p);
    for (int b = first; b < last; b++) {
      v[0] = shares.blockH[b];
      System.arraycopy(shares.blockM, b * p, v, 1, p);
      hazards.set(b - first, v);
    }
    hazards.build();
    double[] m = new double[p];
    for (int i = from; i < to; i++) {
      int b = blockOf[i - from];
      hazards.rangeSum(b + 1 - first, leaves[i - from] - first, v);
      System.arraycopy(v, 1, m, 0, p);
      shares.residual(d, risk, i, b, v[0], m, resid);
    }
  }
}
