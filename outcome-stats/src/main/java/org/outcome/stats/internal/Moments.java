package org.outcome.stats.internal;

import java.util.function.IntToDoubleFunction;
import org.outcome.stats.descriptive.Descriptives;

/**
 * Count, mean and sample variance, computed as R computes {@code mean()} and {@code var()}: a
 * first pass for the mean, a correction by the mean residual, then the sum of squared deviations
 * about the corrected mean divided by {@code n - 1}. Four interleaved accumulators break the
 * dependency chain of the sums (faster, and no less accurate than one).
 *
 * <p>These are the mergeable summaries behind the t-tests: a later module can combine
 * {@code (n, mean, m2)} of partitions with Chan et al.'s update.
 *
 * @param n the number of values
 * @param mean the mean; NaN when {@code n == 0}
 * @param variance the sample variance (denominator {@code n - 1}); NaN when {@code n < 2}
 */
public record Moments(long n, double mean, double variance) {
  /** Moments of {@code values[0 .. n)} read through an accessor (no copy of the data). */
  public static Moments of(IntToDoubleFunction values, int n) {
    if (n == 0) {
      return new Moments(0, Double.NaN, Double.NaN);
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += values.applyAsDouble(i);
      s1 += values.applyAsDouble(i + 1);
      s2 += values.applyAsDouble(i + 2);
      s3 += values.applyAsDouble(i + 3);
    }
    for (; i < n; i++) {
      s0 += values.applyAsDouble(i);
    }
    double mean = ((s0 + s1) + (s2 + s3)) / n;
    double r0 = 0;
    double r1 = 0;
    double q0 = 0;
    double q1 = 0;
    i = 0;
    for (; i + 1 < n; i += 2) {
      double d0 = values.applyAsDouble(i) - mean;
      double d1 = values.applyAsDouble(i + 1) - mean;
      r0 += d0;
      r1 += d1;
      q0 += d0 * d0;
      q1 += d1 * d1;
    }
    for (; i < n; i++) {
      double d = values.applyAsDouble(i) - mean;
      r0 += d;
      q0 += d * d;
    }
    double residual = r0 + r1;
    double correctedMean = Double.isFinite(mean) ? mean + residual / n : mean;
    // sum of squares about the corrected mean: sum d^2 - (sum d)^2 / n
    double m2 = (q0 + q1) - residual * residual / n;
    double variance = n < 2 ? Double.NaN : Math.max(m2, 0) / (n - 1);
    return new Moments(n, correctedMean, variance);
  }

  /** The moments a descriptive summary holds. */
  public static Moments of(Descriptives summary) {
    return new Moments(summary.count(), summary.mean(), summary.variance());
  }

  /** Moments of an array. */
  public static Moments of(double[] values) {
    return of(i -> values[i], values.length);
  }

  /** The sample standard deviation. */
  public double sd() {
    return Math.sqrt(variance);
  }
}
