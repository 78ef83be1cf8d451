package org.outcome.stats.survival.cox.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.stats.survival.cox.RowFold;

/**
 * The folds a Cox fit runs over rows it cannot hold ({@link FoldedCoxInputs}): each a mergeable
 * summary whose merge is the summary of the rows of both parts (sums and sets; exact up to the
 * order in which floating-point sums are added).
 */
final class CoxFolds {
  private CoxFolds() {}

  /** A deep copy through Java serialisation, as Spark ships a fold's zero value to each partition. */
  @SuppressWarnings("unchecked")
  static <A extends RowFold<A>> A copyOf(A fold) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(fold);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (A) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What to subtract from every linear predictor at {@code beta} so that a sum of {@code n} risk
   * scores cannot overflow (0 when none can), as the single-machine residuals and {@code cox.zph}
   * shift theirs; they depend on the risk scores only through ratios. One fold.
   */
  static double overflowShift(CoxRows rows, Layout layout, double[] beta, long n) {
    double max = rows.fold(new MaxEta(layout, beta)).max;
    double limit = Math.log(Double.MAX_VALUE) - Math.log(n) - 1;
    return max > limit ? max - limit : 0;
  }

  private static boolean finite(double time, double[] x) {
    if (!(time >= 0) || time == Double.POSITIVE_INFINITY) {
      return false;
    }
    for (double v : x) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The first pass: rows and events, each covariate's sum, whether it only takes the values -1, 0
   * and 1 (R leaves such a covariate unscaled), its smallest and largest value in each stratum,
   * the distinct times, and how many rows had a value that is not a finite number.
   */
  static final class Summary implements RowFold<Summary> {
    private static final long serialVersionUID = 1L;
    final int p;
    final int strata;
    long rows;
    long events;
    long invalid;
    final double[] sum;
    final boolean[] zeroOne;
    /** Per stratum {@code s} and covariate {@code j}, at {@code s * p + j}. */
    final double[] min;
    final double[] max;
    final long[] stratumRows;
    final Set<Double> times = new HashSet<>();

    Summary(int p, int strata) {
      this.p = p;
      this.strata = strata;
      this.sum = new double[p];
      this.zeroOne = new boolean[p];
      Arrays.fill(zeroOne, true);
      this.min = new double[strata * p];
      this.max = new double[strata * p];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
      this.stratumRows = new long[strata];
    }

    @Override
    public Summary add(int stratum, double time, boolean event, double[] x) {
      if (!finite(time, x)) {
        invalid++;
        return this;
      }
      rows++;
      events += event ? 1 : 0;
      stratumRows[stratum]++;
      times.add(time);
      int base = stratum * p;
      for (int j = 0; j < p; j++) {
        double v = x[j];
        sum[j] += v;
        zeroOne[j] &= v == -1 || v == 0 || v == 1;
        min[base + j] = Math.min(min[base + j], v);
        max[base + j] = Math.max(max[base + j], v);
      }
      return this;
    }

    @Override
    public Summary merge(Summary o) {
      rows += o.rows;
      events += o.events;
      invalid += o.invalid;
      for (int j = 0; j < p; j++) {
        sum[j] += o.sum[j];
        zeroOne[j] &= o.zeroOne[j];
      }
      for (int k = 0; k < min.length; k++) {
        min[k] = Math.min(min[k], o.min[k]);
        max[k] = Math.max(max[k], o.max[k]);
      }
      for (int s = 0; s < strata; s++) {
        stratumRows[s] += o.stratumRows[s];
      }
      times.addAll(o.times);
      return this;
    }

    @Override
    public Summary copy() {
      return copyOf(this);
    }

    /** Whether covariate {@code j} takes one value over all rows. */
    boolean constant(int j) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int s = 0; s < strata; s++) {
        lo = Math.min(lo, min[s * p + j]);
        hi = Math.max(hi, max[s * p + j]);
      }
      return lo == hi;
    }

    /** Whether covariate {@code j} takes one value within each stratum that has rows. */
    boolean constantWithinStrata(int j) {
      for (int s = 0; s < strata; s++) {
        if (stratumRows[s] > 0 && min[s * p + j] != max[s * p + j]) {
          return false;
        }
      }
      return true;
    }

    /** The distinct times, ascending. */
    double[] distinctTimes() {
      double[] t = new double[times.size()];
      int i = 0;
      for (double v : times) {
        t[i++] = v;
      }
      Arrays.sort(t);
      return t;
    }
  }

  /** The second pass: each covariate's sum of absolute deviations from its mean. */
  static final class Deviations implements RowFold<Deviations> {
    private static final long serialVersionUID = 1L;
    final double[] mean;
    final double[] absSum;

    Deviations(double[] mean) {
      this.mean = mean.clone();
      this.absSum = new double[mean.length];
    }

    @Override
    public Deviations add(int stratum, double time, boolean event, double[] x) {
      if (finite(time, x)) {
        for (int j = 0; j < mean.length; j++) {
          absSum[j] += Math.abs(x[j] - mean[j]);
        }
      }
      return this;
    }

    @Override
    public Deviations merge(Deviations o) {
      for (int j = 0; j < absSum.length; j++) {
        absSum[j] += o.absSum[j];
      }
      return this;
    }

    @Override
    public Deviations copy() {
      return copyOf(this);
    }
  }

  /** Where a row's covariates and time go: centring and scaling, and the block of each distinct time. */
  record Layout(int p, int strata, double[] center, double[] scale, double[] rawTimes, int[] block, int blocks)
      implements java.io.Serializable {
    /** The scaled covariates of a row into {@code out}, and their linear predictor at {@code beta}. */
    double scaled(double[] x, double[] beta, double[] out) {
      double eta = 0;
      for (int j = 0; j < p; j++) {
        out[j] = (x[j] - center[j]) * scale[j];
        eta += beta[j] * out[j];
      }
      return eta;
    }

    /** The block (fixed distinct time) of a row's time. */
    int blockOf(double time) {
      return block[Arrays.binarySearch(rawTimes, time)];
    }
  }

  /**
   * One evaluation pass: at coefficients {@code beta} (on the scaled covariates), the risk sums of
   * the censored rows and of the event rows of each stratum and block ({@link RiskSums}).
   */
  static final class BlockSums implements RowFold<BlockSums> {
    private static final long serialVersionUID = 1L;
    final Layout layout;
    final double[] beta;
    /** Subtracted from every linear predictor before exponentiating (0 but to avoid overflow; see {@link FoldedResiduals}). */
    final double shift;
    /** Whether the sums are of the covariates as given rather than scaled (see {@link FoldedResiduals}). */
    final boolean raw;
    final RiskSums[] censored;
    final RiskSums[] deaths;
    private transient double[] scratch;

    BlockSums(Layout layout, double[] beta) {
      this(layout, beta, 0);
    }

    BlockSums(Layout layout, double[] beta, double shift) {
      this(layout, beta, shift, false);
    }

    /**
     * The sums at {@code beta}, the linear predictors less {@code shift}; of the covariates as
     * given when {@code raw} (the risk scores are the same either way).
     */
    BlockSums(Layout layout, double[] beta, double shift, boolean raw) {
      this.layout = layout;
      this.beta = beta.clone();
      this.shift = shift;
      this.raw = raw;
      this.censored = new RiskSums[layout.strata() * layout.blocks()];
      this.deaths = new RiskSums[censored.length];
    }

    @Override
    public BlockSums add(int stratum, double time, boolean event, double[] x) {
      if (!finite(time, x)) {
        return this;
      }
      if (scratch == null) {
        scratch = new double[layout.p()];
      }
      double eta = layout.scaled(x, beta, scratch) - shift;
      int cell = stratum * layout.blocks() + layout.blockOf(time);
      RiskSums[] target = event ? deaths : censored;
      if (target[cell] == null) {
        target[cell] = new RiskSums(layout.p());
      }
      target[cell].addRow(raw ? x : scratch, eta, event);
      return this;
    }

    @Override
    public BlockSums merge(BlockSums o) {
      mergeInto(censored, o.censored);
      mergeInto(deaths, o.deaths);
      return this;
    }

    private static void mergeInto(RiskSums[] into, RiskSums[] from) {
      for (int c = 0; c < into.length; c++) {
        if (from[c] == null) {
          continue;
        }
        if (into[c] == null) {
          into[c] = from[c];
        } else {
          into[c].add(from[c]);
        }
      }
    }

    @Override
    public BlockSums copy() {
      return copyOf(this);
    }

    /**
     * Walks each stratum's times from the latest to the earliest, as {@link PartialLikelihood}
     * walks sorted rows: a time's censored rows go into {@code scan}'s risk set, then its event
     * sums, with the time's block index, to {@code events}, which adds them through {@code scan}.
     */
    void scan(RiskSetScan scan, ObjIntConsumer<RiskSums> events) {
      int blocks = layout.blocks();
      for (int s = 0; s < layout.strata(); s++) {
        scan.startStratum();
        for (int b = blocks - 1; b >= 0; b--) {
          int cell = s * blocks + b;
          if (censored[cell] != null) {
            scan.riskSet.add(censored[cell]);
          }
          if (deaths[cell] != null) {
            events.accept(deaths[cell], b);
          }
        }
      }
    }
  }

  /** The largest linear predictor over the rows, at coefficients {@code beta} on the scaled covariates. */
  static final class MaxEta implements RowFold<MaxEta> {
    private static final long serialVersionUID = 1L;
    final Layout layout;
    final double[] beta;
    double max = Double.NEGATIVE_INFINITY;
    private transient double[] scratch;

    MaxEta(Layout layout, double[] beta) {
      this.layout = layout;
      this.beta = beta.clone();
    }

    @Override
    public MaxEta add(int stratum, double time, boolean event, double[] x) {
      if (finite(time, x)) {
        if (scratch == null) {
          scratch = new double[layout.p()];
        }
        max = Math.max(max, layout.scaled(x, beta, scratch));
      }
      return this;
    }

    @Override
    public MaxEta merge(MaxEta o) {
      max = Math.max(max, o.max);
      return this;
    }

    @Override
    public MaxEta copy() {
      return copyOf(this);
    }
  }
}
