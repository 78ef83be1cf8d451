package org.outcome.stats.descriptive;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.outcome.stats.internal.Moments;

/**
 * A descriptive summary of a set of numbers: count, mean, sample variance and standard deviation,
 * minimum and maximum. Immutable, and mergeable: the summary of two sets joined is
 * {@code of(a).merge(of(b))}, computed from the two summaries alone, so that partitions of a large
 * data set (hospital sites, Spark partitions) can be summarised separately and combined.
 *
 * <pre>{@code
 * Descriptives change = Descriptives.of(sample.differences());
 * double mean = change.mean();
 * double sd = change.sd();
 * double median = Descriptives.quantile(sample.differences(), 0.5);
 * }</pre>
 *
 * <h2>Definitions</h2>
 * For values x<sub>1</sub>, ..., x<sub>n</sub>:
 * <ul>
 *   <li>{@link #mean()} = (1/n) &Sigma; x<sub>i</sub>, computed as R's {@code mean()}: a first
 *       pass, then a correction by the mean residual; it always lies in [{@link #min()},
 *       {@link #max()}] (a mean that rounding carries a unit outside is set to the nearer bound);
 *   <li>{@link #sumOfSquaredDeviations()} = M<sub>2</sub> = &Sigma; (x<sub>i</sub> &minus;
 *       mean)<sup>2</sup>;
 *   <li>{@link #variance()} = M<sub>2</sub> / (n &minus; 1), the sample variance of R's
 *       {@code var()}; {@link #sd()} is its square root, as R's {@code sd()};
 *   <li>{@link #min()}, {@link #max()} the smallest and largest value;
 *   <li>{@link #merge(Descriptives)}: with n = n<sub>a</sub> + n<sub>b</sub> and &delta; =
 *       mean<sub>b</sub> &minus; mean<sub>a</sub>, mean = mean<sub>a</sub> + &delta;
 *       n<sub>b</sub> / n and M<sub>2</sub> = M<sub>2,a</sub> + M<sub>2,b</sub> + &delta;<sup>2</sup>
 *       n<sub>a</sub> n<sub>b</sub> / n (Chan, Golub and LeVeque 1979). A merged summary agrees with
 *       the summary of the joined values to rounding error (a relative difference of the order of
 *       1e-15 on well-scaled data), not bit for bit;
 *   <li>{@link #quantile(double[], double)}: R's default {@code quantile(x, p, type = 7)}, with
 *       R's arithmetic: the values sorted as x<sub>(1)</sub> &le; ... &le; x<sub>(n)</sub>, j = 1 +
 *       (n &minus; 1) p, l = &lfloor;j&rfloor;, h = j &minus; l, Q(p) = (1 &minus; h)
 *       x<sub>(l)</sub> + h x<sub>(l + 1)</sub> (and x<sub>(l)</sub> when h = 0 or the two are equal).
 *       Q is non-decreasing in p, and lies between the minimum and the maximum, up to rounding (a
 *       few units in the last place). Quantiles need every value, so they are not part of the mergeable
 *       summary.
 * </ul>
 *
 * <h2>Edge cases</h2>
 * <ul>
 *   <li>No values: {@link #count()} is 0 and every other statistic is NaN (R gives NaN for the
 *       mean, NA for the variance, and warns for the minimum); merging with an empty summary
 *       returns the other summary.
 *   <li>One value: the mean, minimum and maximum are that value, M<sub>2</sub> is 0, and the
 *       variance and standard deviation are NaN (R's NA).
 *   <li>Non-finite values: the statistics follow IEEE arithmetic, so a NaN makes every statistic
 *       but the count NaN, and an infinite value makes the mean infinite or NaN and the variance NaN.
 *       The library's samples never hold non-finite values.
 * </ul>
 *
 * <p>Two summaries are {@link #equals(Object) equal} when every statistic is equal (bit for bit, as
 * {@link Double#equals(Object)}). {@link #toString()} prints the statistics: a summary is not the
 * data, but it is derived from it, so publish it through the report's disclosure control.
 */
public final class Descriptives implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private static final Descriptives EMPTY =
      new Descriptives(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  private final long count;
  private final double mean;
  private final double m2;
  private final double min;
  private final double max;

  private Descriptives(long count, double mean, double m2, double min, double max) {
    this.count = count;
    this.mean = mean;
    this.m2 = m2;
    this.min = min;
    this.max = max;
  }

  /** The summary of no values: count 0, every other statistic NaN. */
  public static Descriptives empty() {
    return EMPTY;
  }

  /** The summary of the given values (the array is only read). */
  public static Descriptives of(double... values) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      return EMPTY;
    }
    Moments moments = Moments.of(values);
    double min = values[0];
    double max = values[0];
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double m2 = values.length == 1 ? (Double.isFinite(values[0]) ? 0 : Double.NaN)
        : moments.variance() * (values.length - 1);
    return new Descriptives(values.length, within(moments.mean(), min, max), m2, min, max);
  }

  /**
   * The summary of this summary's values and the other's together, from the two summaries alone
   * (see the class documentation for the formulas). Commutative up to rounding.
   */
  public Descriptives merge(Descriptives other) {
    Objects.requireNonNull(other, "other");
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    long n = count + other.count;
    double delta = other.mean - mean;
    double merged;
    if (Double.isFinite(mean) && Double.isFinite(other.mean)) {
      merged = mean + delta * ((double) other.count / n);
    } else {
      // infinities of one sign stay infinite; of both signs, or with a NaN, give NaN
      merged = mean + other.mean;
    }
    double m2Merged = m2 + other.m2 + delta * delta * ((double) count * other.count / n);
    double mergedMin = Math.min(min, other.min);
    double mergedMax = Math.max(max, other.max);
    return new Descriptives(n, within(merged, mergedMin, mergedMax), m2Merged, mergedMin, mergedMax);
  }

  /** The mean kept within [min, max], where rounding could otherwise carry it a unit outside. */
  private static double within(double mean, double min, double max) {
    return Double.isFinite(mean) && Double.isFinite(min) && Double.isFinite(max) ? Math.min(Math.max(mean, min), max)
        : mean;
  }

  /** The number of values. */
  public long count() {
    return count;
  }

  /** The arithmetic mean; NaN when there are no values. */
  public double mean() {
    return mean;
  }

  /**
   * The sum of squared deviations from the mean, M<sub>2</sub>: 0 for one value, NaN when there are
   * no values.
   */
  public double sumOfSquaredDeviations() {
    return m2;
  }

  /** The sample variance, M<sub>2</sub> / (n &minus; 1); NaN when there are fewer than two values. */
  public double variance() {
    return count < 2 ? Double.NaN : Math.max(m2, 0) / (count - 1);
  }

  /** The sample standard deviation, the square root of {@link #variance()}; NaN for fewer than two values. */
  public double sd() {
    return Math.sqrt(variance());
  }

  /** The smallest value; NaN when there are no values (or when a value is NaN). */
  public double min() {
    return min;
  }

  /** The largest value; NaN when there are no values (or when a value is NaN). */
  public double max() {
    return max;
  }

  /**
   * R's {@code quantile(values, p)} (type 7, the default; see the class documentation).
   *
   * @param values the values, in any order (the array is not changed)
   * @param p the probability, in [0, 1]
   * @return the quantile; NaN when there are no values
   * @throws IllegalArgumentException if {@code p} is outside [0, 1] or NaN
   */
  public static double quantile(double[] values, double p) {
    return quantiles(values, p)[0];
  }

  /**
   * R's {@code quantile(values, probs)} (type 7) at each probability, sorting the values once.
   *
   * @param values the values, in any order (the array is not changed)
   * @param probabilities each in [0, 1]
   * @return one quantile per probability, in the order given; NaN when there are no values
   * @throws IllegalArgumentException if a probability is outside [0, 1] or NaN
   */
  public static double[] quantiles(double[] values, double... probabilities) {
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probability " + p + " is outside [0, 1]");
      }
    }
    double[] out = new double[probabilities.length];
    if (values.length == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    double[] sorted = values.clone();
    Arrays.parallelSort(sorted);
    for (int k = 0; k < probabilities.length; k++) {
      // R: index <- 1 + (n - 1) * probs; lo <- floor(index); hi <- ceiling(index);
      // qs <- x[lo]; where index > lo and x[hi] != qs: qs <- (1 - h) * qs + h * x[hi], h = index - lo
      double index = 1 + (sorted.length - 1) * probabilities[k];
      double lo = Math.floor(index);
      double xLo = sorted[(int) lo - 1];
      double xHi = sorted[(int) Math.ceil(index) - 1];
      double h = index - lo;
      out[k] = index > lo && xHi != xLo ? (1 - h) * xLo + h * xHi : xLo;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Descriptives d && count == d.count && Double.compare(mean, d.mean) == 0
        && Double.compare(m2, d.m2) == 0 && Double.compare(min, d.min) == 0 && Double.compare(max, d.max) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, mean, m2, min, max);
  }

  /** For example {@code Descriptives[count=12, mean=2.5, sd=1.1, min=1.0, max=4.0]}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Descriptives[count=%d, mean=%s, sd=%s, min=%s, max=%s]", count, mean, sd(),
        min, max);
  }
}
