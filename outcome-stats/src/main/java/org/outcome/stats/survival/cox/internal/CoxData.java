package org.outcome.stats.survival.cox.internal;

import java.util.Arrays;
import org.outcome.stats.internal.RadixSort;
import org.outcome.stats.internal.SortedSearch;
import org.outcome.stats.survival.cox.Ties;

/**
 * The rows of a Cox model sorted once, as every later pass needs them: by stratum, then by
 * <em>descending</em> time, and within a tied time censored rows before events. Rows sharing a
 * stratum and a time form a <em>block</em>; a block's censored rows come first, its events last.
 * A scan over the blocks of a stratum in this order meets each risk set as the cumulative sum of
 * the blocks already seen, which is what makes every pass linear.
 *
 * <p>Covariates are stored row-major, centred and scaled as R's {@code coxfit6} does: a column whose
 * values all lie in {@code {-1, 0, 1}} (R's {@code nocenter}) is left alone; any other column has
 * its case-weighted mean subtracted and is multiplied by {@code sum w / sum w|x - mean|} (without
 * case weights every {@code w} is 1); counting-process rows as R 3.5-3's {@code agfit4.c} does
 * (a centre and scale of its own, {@link #agfit4CenterAndScale}). Newton–Raphson is invariant
 * under this affine change, so the results are those of the raw columns; it only keeps the
 * arithmetic, and the singularity test of the information matrix, the same as R's. The columns as
 * given are kept too, for the score residuals ({@link #raw}).
 *
 * <p>Times are first passed through R's {@code aeqSurv} rule when asked ({@code timefix}): distinct
 * times closer than {@code sqrt(double epsilon)} (absolutely, or relative to the mean absolute
 * distinct time) are treated as one, the smaller value.
 *
 * <p>Counting-process rows ({@code (start, stop]}, R's {@code Surv(start, stop, event)}) also keep
 * their start times, and each stratum's rows in descending order of start ({@link #byStart}): a
 * row enters the risk set at its stop time and leaves it at the first event time at or below its
 * start, as R's {@code agfit4.c} walks them. The time fix then runs over the start and stop times
 * together, as {@code aeqSurv} does for two-column data.
 */
public final class CoxData {
  /** R's {@code aeqSurv} tolerance, {@code sqrt(.Machine$double.eps)}. */
  static final double TIME_TOLERANCE = Math.sqrt(Math.ulp(1.0));

  final int n;
  final int p;
  /** Covariates, centred and scaled, row-major in sorted order: {@code x[i * p + j]}. */
  final double[] x;
  /**
   * The covariates as given, row-major in sorted order: the score residuals use them, as R's
   * {@code residuals.coxph} uses the model matrix, so that a covariate's exact values (a 0, values
   * shared by a whole risk set) stay exact in their sums.
   */
  final double[] raw;
  /** Whether sorted row {@code i} is an event. */
  final boolean[] event;
  /** The (time-fixed) time of sorted row {@code i}. */
  final double[] time;
  /** The rank of sorted row {@code i}'s time among {@link #distinctTimes}, ascending. */
  final int[] timeRank;
  /** The sample row of sorted row {@code i}. */
  final int[] rowOf;
  /** The case weight of sorted row {@code i} (1 for every row of an unweighted model). */
  final double[] weight;
  /** Whether case weights were given (otherwise every {@link #weight} is 1). */
  final boolean weighted;
  /** The (time-fixed) start of sorted row {@code i}'s interval, or {@code null} for right-censored rows. */
  final double[] start;
  /**
   * Sorted rows in descending order of start within each stratum (the strata in sorted order,
   * ties in sorted order), or {@code null} for right-censored rows.
   */
  final int[] byStart;
  /**
   * The covariates of the rows in {@link #byStart} order, row-major, and their weights: a second
   * copy so that rows leaving the risk set are read in sequence, not scattered ({@code null} for
   * right-censored rows).
   */
  final double[] xByStart;
  final double[] weightByStart;
  /** The starts in {@link #byStart} order (descending within each stratum). */
  final double[] startByStart;
  /** Distinct (time-fixed) times, ascending, over all strata. */
  final double[] distinctTimes;
  /** Block {@code b} holds sorted rows {@code [blockStart[b], blockStart[b + 1])}. */
  final int[] blockStart;
  /** The first event row of block {@code b} (its end when the block has no event). */
  final int[] deathStart;
  /** Stratum {@code s} (in sorted order, only strata with rows) holds blocks {@code [stratumStart[s], stratumStart[s + 1])}. */
  final int[] stratumStart;
  /** Column means subtracted (0 for a column left alone). */
  final double[] center;
  /** Column multipliers applied after centring (1 for a column left alone). */
  final double[] scale;

  private CoxData(int n, int p, double[] x, double[] raw, boolean[] event, double[] time, int[] timeRank,
      int[] rowOf, double[] weight, boolean weighted, double[] start, int[] byStart, double[] distinctTimes,
      int[] blockStart, int[] deathStart, int[] stratumStart, double[] center, double[] scale) {
    this.n = n;
    this.p = p;
    this.x = x;
    this.raw = raw;
    this.event = event;
    this.time = time;
    this.timeRank = timeRank;
    this.rowOf = rowOf;
    this.weight = weight;
    this.weighted = weighted;
    this.start = start;
    this.byStart = byStart;
    if (byStart == null) {
      this.xByStart = null;
      this.weightByStart = null;
      this.startByStart = null;
    } else {
      this.xByStart = new double[n * p];
      this.weightByStart = new double[n];
      this.startByStart = new double[n];
      for (int k = 0; k < n; k++) {
        int i = byStart[k];
        System.arraycopy(x, i * p, xByStart, k * p, p);
        weightByStart[k] = weight[i];
        startByStart[k] = start[i];
      }
    }
    this.distinctTimes = distinctTimes;
    this.blockStart = blockStart;
    this.deathStart = deathStart;
    this.stratumStart = stratumStart;
    this.center = center;
    this.scale = scale;
  }

  /**
   * Sorts and prepares the rows.
   *
   * @param times positive finite times, one per row
   * @param events event indicators
   * @param strata stratum code per row (0-based), or {@code null} for one stratum
   * @param strataLevels the number of stratum codes (ignored without strata)
   * @param columns the covariates, one array per covariate, each one value per row
   * @param timeFix whether to merge nearly equal times as R's {@code aeqSurv} does
   */
  public static CoxData of(double[] times, boolean[] events, int[] strata, int strataLevels,
      double[][] columns, boolean timeFix) {
    return of(times, events, strata, strataLevels, columns, null, timeFix);
  }

  /**
   * Sorts and prepares rows with case weights.
   *
   * @param weights positive finite case weights, one per row, or {@code null} for none (every
   *     weight 1: the same arithmetic, bit for bit, as an unweighted model)
   * @see #of(double[], boolean[], int[], int, double[][], boolean)
   */
  public static CoxData of(double[] times, boolean[] events, int[] strata, int strataLevels,
      double[][] columns, double[] weights, boolean timeFix) {
    return of(times, events, strata, strataLevels, columns, weights, null, timeFix);
  }

  /**
   * Sorts and prepares counting-process rows {@code (start, stop]} with optional case weights.
   *
   * @param starts each row's start time, below its stop time (after the time fix), or {@code null}
   *     for right-censored rows
   * @throws IllegalArgumentException naming the row (from 1) if the time fix makes a start equal
   *     to its stop
   * @see #of(double[], boolean[], int[], int, double[][], double[], boolean)
   */
  public static CoxData of(double[] stops, boolean[] events, int[] strata, int strataLevels,
      double[][] columns, double[] weights, double[] starts, boolean timeFix) {
    double[] times = stops;
    double[] startTimes = starts;
    if (starts != null && timeFix) {
      double[][] fixed = fixTogether(starts, stops);
      startTimes = fixed[0];
      times = fixed[1];
    }
    boolean fixStops = timeFix && starts == null;
    int n = times.length;
    double[] w = weights != null ? weights : unitWeights(n);
    int p = columns.length;

    int[] byTime = RadixSort.order(times, 0, n);
    double[] unique = new double[n];
    int[] rank = new int[n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      int row = byTime[k];
      if (m == 0 || times[row] != unique[m - 1]) {
        unique[m++] = times[row];
      }
      rank[row] = m - 1;
    }
    unique = Arrays.copyOf(unique, m);
    int[] fixedIndex = new int[m];
    double[] distinct = fixStops ? fixTimes(unique, fixedIndex) : identity(unique, fixedIndex);
    for (int i = 0; i < n; i++) {
      rank[i] = fixedIndex[rank[i]];
    }

    int[] order = sortOrder(rank, distinct.length, events, strata, strataLevels);

    double[] center = new double[p];
    double[] scale = new double[p];
    int[] agfit4Rows = startTimes == null ? null : agfit4Rows(startTimes, times, events, strata);
    for (int j = 0; j < p; j++) {
      if (agfit4Rows != null && agfit4Rows.length > 0) {
        agfit4CenterAndScale(columns[j], w, agfit4Rows, j, center, scale);
      } else {
        centerAndScale(columns[j], w, j, center, scale);
      }
    }

    // rows first made contiguous in input order (sequential reads), then moved as whole rows:
    // one scattered read per row instead of one per covariate
    double[] byRow = new double[n * p];
    for (int j = 0; j < p; j++) {
      double[] column = columns[j];
      for (int i = 0; i < n; i++) {
        byRow[i * p + j] = column[i];
      }
    }
    double[] x = new double[n * p];
    double[] raw = new double[n * p];
    boolean[] event = new boolean[n];
    double[] time = new double[n];
    int[] timeRank = new int[n];
    double[] weight = new double[n];
    double[] start = startTimes == null ? null : new double[n];
    for (int i = 0; i < n; i++) {
      int row = order[i];
      weight[i] = w[row];
      if (start != null) {
        start[i] = startTimes[row];
        if (!(start[i] < times[row])) {
          throw new IllegalArgumentException("row " + (row + 1) + ": the start is not before the stop once times "
              + "closer than sqrt(double epsilon) are treated as equal");
        }
      }
      event[i] = events[row];
      timeRank[i] = rank[row];
      time[i] = distinct[rank[row]];
      System.arraycopy(byRow, row * p, raw, i * p, p);
      for (int j = 0; j < p; j++) {
        x[i * p + j] = (raw[i * p + j] - center[j]) * scale[j];
      }
    }

    int[] blockStart = new int[n + 1];
    int[] deathStart = new int[n];
    int[] stratumStart = new int[n + 1];
    int blocks = 0;
    int stratumCount = 0;
    for (int i = 0; i < n; i++) {
      boolean newStratum = i == 0 || (strata != null && strata[order[i]] != strata[order[i - 1]]);
      if (newStratum || timeRank[i] != timeRank[i - 1]) {
        if (newStratum) {
          stratumStart[stratumCount++] = blocks;
        }
        blockStart[blocks] = i;
        deathStart[blocks] = -1;
        blocks++;
      }
      if (event[i] && deathStart[blocks - 1] < 0) {
        deathStart[blocks - 1] = i;
      }
    }
    blockStart[blocks] = n;
    stratumStart[stratumCount] = blocks;
    for (int b = 0; b < blocks; b++) {
      if (deathStart[b] < 0) {
        deathStart[b] = blockStart[b + 1];
      }
    }
    int[] strataBlocks = Arrays.copyOf(stratumStart, stratumCount + 1);
    int[] rowBlocks = Arrays.copyOf(blockStart, blocks + 1);
    return new CoxData(n, p, x, raw, event, time, timeRank, order, weight, weights != null, start,
        start == null ? null : byStart(start, rowBlocks, strataBlocks), distinct, rowBlocks,
        Arrays.copyOf(deathStart, blocks), strataBlocks, center, scale);
  }

  /**
   * Sorted rows by descending start within each stratum: one stable radix sort of all starts,
   * read backwards and dealt to the strata's segments (ties then in descending sorted order,
   * which does not matter: tied starts leave the risk set together).
   */
  private static int[] byStart(double[] start, int[] blockStart, int[] stratumStart) {
    int n = start.length;
    int strata = stratumStart.length - 1;
    int[] stratumOf = new int[n];
    int[] next = new int[strata];
    for (int s = 0; s < strata; s++) {
      int from = blockStart[stratumStart[s]];
      next[s] = from;
      Arrays.fill(stratumOf, from, blockStart[stratumStart[s + 1]], s);
    }
    int[] ascending = RadixSort.order(start, 0, n);
    int[] out = new int[n];
    for (int k = n - 1; k >= 0; k--) {
      int i = ascending[k];
      out[next[stratumOf[i]]++] = i;
    }
    return out;
  }

  /**
   * R's {@code aeqSurv} on two-column data: the start and stop times fixed together, over their
   * distinct values.
   */
  private static double[][] fixTogether(double[] starts, double[] stops) {
    int n = stops.length;
    double[] all = new double[2 * n];
    System.arraycopy(starts, 0, all, 0, n);
    System.arraycopy(stops, 0, all, n, n);
    int[] order = RadixSort.order(all, 0, 2 * n);
    double[] unique = new double[2 * n];
    int[] rank = new int[2 * n];
    int m = 0;
    for (int k = 0; k < 2 * n; k++) {
      double v = all[order[k]];
      if (m == 0 || v != unique[m - 1]) {
        unique[m++] = v;
      }
      rank[order[k]] = m - 1;
    }
    unique = Arrays.copyOf(unique, m);
    int[] fixedIndex = new int[m];
    double[] fixed = fixTimes(unique, fixedIndex);
    double[][] out = new double[2][n];
    for (int i = 0; i < n; i++) {
      out[0][i] = fixed[fixedIndex[rank[i]]];
      out[1][i] = fixed[fixedIndex[rank[n + i]]];
    }
    return out;
  }

  /** The number of rows. */
  public int size() {
    return n;
  }

  /** The number of covariates. */
  public int covariates() {
    return p;
  }

  /** The number of blocks (distinct stratum and time pairs). */
  int blocks() {
    return deathStart.length;
  }

  /** The number of strata that have rows. */
  int strata() {
    return stratumStart.length - 1;
  }

  /** These rows as the inputs of Newton–Raphson: each evaluation is one pass over them. */
  CoxInputs inputs() {
    CoxData data = this;
    return new CoxInputs() {
      @Override
      public int p() {
        return p;
      }

      @Override
      public double[] scale() {
        return scale;
      }

      @Override
      public void evaluate(double[] beta, Ties ties, Derivatives out) {
        new PartialLikelihood(data, ties).evaluate(beta, out);
      }

      @Override
      public double maxLinearPredictor(double[] beta) {
        double max = Double.NEGATIVE_INFINITY;
        for (double e : linearPredictor(beta)) {
          max = Math.max(max, e);
        }
        return max;
      }

      @Override
      public boolean countingProcess() {
        return start != null;
      }
    };
  }

  /** The linear predictor {@code sum_j beta_j x_ij} of each sorted row, for coefficients on the scaled covariates. */
  double[] linearPredictor(double[] beta) {
    double[] eta = new double[n];
    for (int i = 0; i < n; i++) {
      double e = 0;
      int base = i * p;
      for (int j = 0; j < p; j++) {
        e += beta[j] * x[base + j];
      }
      eta[i] = e;
    }
    return eta;
  }

  static double[] identity(double[] unique, int[] fixedIndex) {
    for (int k = 0; k < unique.length; k++) {
      fixedIndex[k] = k;
    }
    return unique;
  }

  /**
   * R's {@code aeqSurv}: a distinct time within the tolerance of the previous one (absolutely, or
   * relative to the mean absolute distinct time) is replaced by the last time that starts a new
   * group ({@code findInterval} over the cut points).
   */
  static double[] fixTimes(double[] unique, int[] fixedIndex) {
    double meanAbs = 0;
    for (double u : unique) {
      meanAbs += Math.abs(u);
    }
    meanAbs /= unique.length;
    double[] cuts = new double[unique.length];
    int m = 0;
    for (int k = 0; k < unique.length; k++) {
      boolean tied = false;
      if (k > 0) {
        double dy = unique[k] - unique[k - 1];
        tied = dy <= TIME_TOLERANCE || dy / meanAbs <= TIME_TOLERANCE;
      }
      if (!tied) {
        cuts[m++] = unique[k];
      }
      fixedIndex[k] = m - 1;
    }
    return Arrays.copyOf(cuts, m);
  }

  /** Stable counting sorts: first by (descending time, censored before event), then by stratum. */
  private static int[] sortOrder(int[] rank, int ranks, boolean[] events, int[] strata, int strataLevels) {
    int n = rank.length;
    int keys = 2 * ranks;
    int[] count = new int[keys + 1];
    for (int i = 0; i < n; i++) {
      count[key(rank[i], ranks, events[i]) + 1]++;
    }
    for (int k = 0; k < keys; k++) {
      count[k + 1] += count[k];
    }
    int[] byTime = new int[n];
    for (int i = 0; i < n; i++) {
      byTime[count[key(rank[i], ranks, events[i])]++] = i;
    }
    if (strata == null) {
      return byTime;
    }
    int[] scount = new int[strataLevels + 1];
    for (int i = 0; i < n; i++) {
      scount[strata[i] + 1]++;
    }
    for (int s = 0; s < strataLevels; s++) {
      scount[s + 1] += scount[s];
    }
    int[] order = new int[n];
    for (int row : byTime) {
      order[scount[strata[row]]++] = row;
    }
    return order;
  }

  private static int key(int rank, int ranks, boolean event) {
    return 2 * (ranks - 1 - rank) + (event ? 1 : 0);
  }

  private static double[] unitWeights(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  /**
   * The rows R's {@code agreg.fit} hands to {@code agfit4.c}: rows whose interval
   * {@code (start, stop]} holds an event time of their stratum (the others, "ignored", are never at
   * risk at an event). R orders them {@code order(ignore, strata, -stop)}; only its first row
   * matters here (its value is the centre, see {@link #agfit4CenterAndScale}), so the rows are
   * returned in input order with that first row (the lowest stratum, then the latest stop, then
   * the earliest row) moved to the front: one pass, no sort of the rows.
   */
  private static int[] agfit4Rows(double[] starts, double[] stops, boolean[] events, int[] strata) {
    int n = stops.length;
    int levels = 1;
    for (int i = 0; strata != null && i < n; i++) {
      levels = Math.max(levels, strata[i] + 1);
    }
    // each stratum's distinct event times, sorted, in one array: stratum s at [offset[s], offset[s + 1])
    int[] offset = new int[levels + 1];
    for (int i = 0; i < n; i++) {
      if (events[i]) {
        offset[(strata == null ? 0 : strata[i]) + 1]++;
      }
    }
    for (int s = 0; s < levels; s++) {
      offset[s + 1] += offset[s];
    }
    double[] eventTimes = new double[offset[levels]];
    int[] next = Arrays.copyOf(offset, levels);
    for (int i = 0; i < n; i++) {
      if (events[i]) {
        eventTimes[next[strata == null ? 0 : strata[i]]++] = stops[i];
      }
    }
    // sorted, then each stratum's distinct times only: the search below runs once per row, and over
    // the few distinct days of a stratum it stays in cache
    int distinct = 0;
    for (int s = 0; s < levels; s++) {
      Arrays.sort(eventTimes, offset[s], offset[s + 1]);
      int from = distinct;
      for (int k = offset[s]; k < offset[s + 1]; k++) {
        if (k == offset[s] || eventTimes[k] != eventTimes[k - 1]) {
          eventTimes[distinct++] = eventTimes[k];
        }
      }
      offset[s] = from;
    }
    offset[levels] = distinct;
    int[] used = new int[n];
    int count = 0;
    int first = -1;
    for (int i = 0; i < n; i++) {
      int s = strata == null ? 0 : strata[i];
      // an event row holds its own event time; another holds one when the first event time after
      // its start is not after its stop
      int after = SortedSearch.firstAbove(eventTimes, offset[s], offset[s + 1], starts[i]);
      if (events[i] || (after < offset[s + 1] && eventTimes[after] <= stops[i])) {
        if (first < 0 || s < stratum(strata, used[first]) || (s == stratum(strata, used[first])
            && stops[i] > stops[used[first]])) {
          first = count;
        }
        used[count++] = i;
      }
    }
    if (first > 0) {
      int row = used[first];
      System.arraycopy(used, 0, used, 1, first);
      used[0] = row;
    }
    return Arrays.copyOf(used, count);
  }

  private static int stratum(int[] strata, int row) {
    return strata == null ? 0 : strata[row];
  }

  /**
   * R survival 3.5-3's {@code agfit4.c} centring and scaling of a covariate that is not all -1, 0
   * and 1, over the rows it is given ({@code rows}, in its order): its loop meant to subtract each
   * stratum's weighted mean closes one brace late, so it subtracts {@code (w x) / w} of the first
   * row from every row and nothing after; the scale is {@code sum w / sum w|x - centre|} over
   * those rows. Newton–Raphson is invariant to this, but the singularity test of the information
   * matrix (relative to its largest diagonal) is not, so it is followed.
   */
  private static void agfit4CenterAndScale(double[] column, double[] w, int[] rows, int j, double[] center,
      double[] scale) {
    if (onlyMinusOneZeroOne(column)) {
      center[j] = 0;
      scale[j] = 1;
      return;
    }
    int first = rows[0];
    double c = w[first] * column[first] / w[first];
    double totalWeight = 0;
    double absSum = 0;
    for (int i : rows) {
      absSum += w[i] * Math.abs(column[i] - c);
      totalWeight += w[i];
    }
    center[j] = c;
    scale[j] = scale(totalWeight, absSum);
  }

  /** Whether every value is -1, 0 or 1: R leaves such a covariate uncentred and unscaled. */
  private static boolean onlyMinusOneZeroOne(double[] column) {
    for (double v : column) {
      if (v != -1 && v != 0 && v != 1) {
        return false;
      }
    }
    return true;
  }

  /** R's {@code coxfit6} centring and scaling, with case weights (1 each, unweighted: the same arithmetic). */
  private static void centerAndScale(double[] column, double[] w, int j, double[] center, double[] scale) {
    if (onlyMinusOneZeroOne(column)) {
      center[j] = 0;
      scale[j] = 1;
      return;
    }
    int n = column.length;
    double totalWeight = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      totalWeight += w[i];
      mean += w[i] * column[i];
    }
    mean /= totalWeight;
    double absSum = 0;
    for (int i = 0; i < n; i++) {
      absSum += w[i] * Math.abs(column[i] - mean);
    }
    center[j] = mean;
    scale[j] = scale(totalWeight, absSum);
  }

  /**
   * R's scaling of a covariate that is not all -1, 0 and 1 ({@code coxfit6}): one over the
   * (weighted) mean absolute deviation from the mean, {@code totalWeight / absSum}; 1 when there is
   * none.
   */
  static double scale(double totalWeight, double absSum) {
    return absSum > 0 ? totalWeight / absSum : 1;
  }
}
