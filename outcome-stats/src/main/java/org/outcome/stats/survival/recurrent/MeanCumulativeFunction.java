package org.outcome.stats.survival.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;
import org.outcome.stats.internal.RadixSort;

/**
 * The mean cumulative number of events per person (the mean cumulative function of recurrent
 * events; Nelson, 1988; Lawless and Nadeau, 1995), per group: the Nelson–Aalen estimator
 * {@code M(t) = sum over event times s <= t of d(s) / Y(s)} over counting-process rows, with
 * {@code Y(s)} the people at risk at {@code s} (a row {@code (start, stop]} is at risk at the
 * times inside it, so time in hospital between readmissions is not), and its robust variance
 * {@code sum over people i of (sum over s <= t of (dN_i(s) - Y_i(s) dM(s)) / Y(s))^2}, which does
 * not assume a person's events independent. Equal to R survival 3.5-3's
 * {@code survfit(Surv(start, stop, event) ~ group, id = id)} ({@code cumhaz}, {@code std.chaz}).
 * Without ids the variance is R's without {@code id}, the Nelson–Aalen {@code sum d / Y^2}, which
 * treats every event as independent of the others: too narrow for recurrent events, so give ids.
 * Intervals are log-transformed, {@code M exp(± z se / M)}, so they stay positive.
 *
 * <p>One pass over the event times with the rows sorted by start and by stop; each person's
 * contribution to the variance is kept as a running sum updated only when the person enters or
 * leaves the risk set or has an event: O(n log n).
 */
public final class MeanCumulativeFunction {
  private MeanCumulativeFunction() {}

  /**
   * One group's curve at its event times.
   *
   * @param group the group's level ({@code "all"} without groups)
   * @param times the event times, ascending
   * @param atRisk the people at risk at each
   * @param events the events at each
   * @param mean the mean cumulative number of events just after each
   * @param se its robust standard error
   * @param lower the lower confidence limit
   * @param upper the upper confidence limit
   * @param confLevel the confidence level
   */
  public record Curve(String group, double[] times, long[] atRisk, long[] events, double[] mean, double[] se,
      double[] lower, double[] upper, double confLevel) {
    /** Validates and copies. */
    public Curve {
      Objects.requireNonNull(group, "group");
      times = times.clone();
      atRisk = atRisk.clone();
      events = events.clone();
      mean = mean.clone();
      se = se.clone();
      lower = lower.clone();
      upper = upper.clone();
    }

    @Override
    public double[] times() {
      return times.clone();
    }

    @Override
    public long[] atRisk() {
      return atRisk.clone();
    }

    @Override
    public long[] events() {
      return events.clone();
    }

    @Override
    public double[] mean() {
      return mean.clone();
    }

    @Override
    public double[] se() {
      return se.clone();
    }

    @Override
    public double[] lower() {
      return lower.clone();
    }

    @Override
    public double[] upper() {
      return upper.clone();
    }

    /** The index of the last event time at or before {@code t}, −1 before the first. */
    public int indexAt(double t) {
      int k = Arrays.binarySearch(times, t);
      return k >= 0 ? k : -k - 2;
    }

    /** The mean cumulative number of events at {@code t} (0 before the first event time). */
    public double meanAt(double t) {
      int k = indexAt(t);
      return k < 0 ? 0 : mean[k];
    }
  }

  /** The curves at 95%. */
  public static List<Curve> fit(CountingProcessSample sample) {
    return fit(sample, 0.95);
  }

  /**
   * One curve per group (in level order; one curve without groups), from the rows of the people
   * of that group; the people are the sample's id (each row its own person without one).
   *
   * @throws DegenerateDataException if the sample has no rows
   * @throws IllegalArgumentException if {@code confLevel} is not in (0, 1)
   */
  public static List<Curve> fit(CountingProcessSample sample, double confLevel) {
    Objects.requireNonNull(sample, "sample");
    Arguments.confLevel(confLevel);
    if (sample.size() == 0) {
      throw new DegenerateDataException("the sample has no rows", "a mean cumulative function needs data");
    }
    double z = Distributions.normalQuantile((1 + confLevel) / 2);
    Optional<Factor> group = sample.atStop().group();
    List<Curve> curves = new ArrayList<>();
    List<String> levels = group.map(Factor::levels).orElse(List.of("all"));
    for (int g = 0; g < levels.size(); g++) {
      int level = g;
      int[] rows = java.util.stream.IntStream.range(0, sample.size())
          .filter(i -> group.isEmpty() || group.get().code(i) == level).toArray();
      if (rows.length > 0) {
        curves.add(curve(levels.get(g), sample, rows, z, confLevel));
      }
    }
    return curves;
  }

  private static Curve curve(String group, CountingProcessSample sample, int[] rows, double z, double confLevel) {
    int m = rows.length;
    double[] start = new double[m];
    double[] stop = new double[m];
    boolean[] event = new boolean[m];
    int[] person = new int[m];
    Optional<Factor> id = sample.id();
    for (int k = 0; k < m; k++) {
      int i = rows[k];
      start[k] = sample.start(i);
      stop[k] = sample.atStop().time(i);
      event[k] = sample.atStop().event(i);
      person[k] = id.isPresent() ? id.get().code(i) : k;
    }
    int people = id.isPresent() ? id.get().levelCount() : m;
    int[] byStart = RadixSort.order(start, 0, m);
    int[] byStop = RadixSort.order(stop, 0, m);
    double[] base = new double[people];
    double[] entered = new double[people];
    boolean[] inRisk = new boolean[m];
    double sumBase = 0;
    double sumEntered = 0;
    long atRisk = 0;
    double compensator = 0; // C: the sum of h / Y over the event times so far
    double mean = 0;
    double variance = 0;
    int nextStart = 0;
    int nextStop = 0;
    List<double[]> out = new ArrayList<>();
    for (int k = 0; k < m;) {
      int row = byStop[k];
      double t = stop[row];
      int end = k;
      long d = 0;
      for (; end < m && stop[byStop[end]] == t; end++) {
        d += event[byStop[end]] ? 1 : 0;
      }
      if (d > 0) {
        // rows that stopped before t leave, then rows that start before t and stop at or after it
        // enter (leaving first, so that a person's next interval starts from the finished one)
        for (; nextStop < m && stop[byStop[nextStop]] < t; nextStop++) {
          int r = byStop[nextStop];
          if (inRisk[r]) {
            int p = person[r];
            inRisk[r] = false;
            sumBase -= base[p];
            sumEntered -= entered[p];
            base[p] -= compensator - entered[p];
            atRisk--;
          }
        }
        for (; nextStart < m && start[byStart[nextStart]] < t; nextStart++) {
          int r = byStart[nextStart];
          if (stop[r] >= t) {
            int p = person[r];
            inRisk[r] = true;
            entered[p] = compensator;
            sumBase += base[p];
            sumEntered += entered[p];
            atRisk++;
          }
        }
        double y = atRisk;
        double h = d / y;
        double sumAtRisk = sumBase - y * compensator + sumEntered;
        double sumEvents = 0;
        for (int e = k; e < end; e++) {
          if (event[byStop[e]]) {
            int p = person[byStop[e]];
            sumEvents += base[p] - (compensator - entered[p]);
          }
        }
        variance += id.isPresent() ? 2 * (sumEvents - h * sumAtRisk) / y + (d - d * h) / (y * y) : d / (y * y);
        for (int e = k; e < end; e++) {
          if (event[byStop[e]]) {
            base[person[byStop[e]]] += 1 / y;
            sumBase += 1 / y;
          }
        }
        compensator += h / y;
        mean += h;
        double se = Math.sqrt(Math.max(variance, 0));
        out.add(new double[] {t, y, d, mean, se, mean * Math.exp(-z * se / mean), mean * Math.exp(z * se / mean)});
      }
      k = end;
    }
    int n = out.size();
    double[][] col = new double[7][n];
    for (int k = 0; k < n; k++) {
      for (int c = 0; c < 7; c++) {
        col[c][k] = out.get(k)[c];
      }
    }
    return new Curve(group, col[0], Arrays.stream(col[1]).mapToLong(v -> (long) v).toArray(),
        Arrays.stream(col[2]).mapToLong(v -> (long) v).toArray(), col[3], col[4], col[5], col[6], confLevel);
  }

}
