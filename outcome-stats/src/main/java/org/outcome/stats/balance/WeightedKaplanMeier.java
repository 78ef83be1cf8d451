package org.outcome.stats.balance;

import java.util.Arrays;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * The Kaplan–Meier curve of a weighted sample (inverse probability or matching weights), as R's
 * {@code survfit(Surv(time, status) ~ 1, weights = w)}: weighted numbers at risk and events, and
 * the infinitesimal-jackknife (robust) standard error that survival 3.x uses by default when the
 * weights are not whole numbers, with log-transformed intervals ({@code conf.type = "log"}, upper
 * limit at most 1).
 *
 * <p>With {@code Y_j} and {@code d_j} the weighted numbers at risk and of events at the j-th event
 * time, {@code S(t) = Π (1 − d_j / Y_j)}; unit i's influence on {@code log S(t)} is
 * {@code A(min(t, t_i)) − δ_i 1(t_i ≤ t) / (Y(t_i) − d(t_i))} with
 * {@code A(t) = Σ_{t_j ≤ t} d_j / (Y_j (Y_j − d_j))}, and {@code var log S(t) = Σ w_i² IF_i(t)²};
 * the standard error of S is {@code S sqrt(var)}. Computed in one pass over the sorted times
 * (O(n log n)). Once S reaches 0 its SE is 0 and it has no limits, as R gives. Checked against
 * R 4.2.2 / survival 3.5-3 ({@code WeightedKaplanMeierTest}).
 */
public final class WeightedKaplanMeier {
  private WeightedKaplanMeier() {}

  /**
   * A weighted curve, one element per distinct event time.
   *
   * @param times the event times, increasing
   * @param atRisk the weighted number at risk just before each
   * @param events the weighted number of events at each
   * @param survival the survival just after each
   * @param stdErr the robust standard error of the survival
   * @param lower the lower confidence limit (log transform)
   * @param upper the upper confidence limit, at most 1
   * @param confLevel the confidence level
   */
  public record Curve(double[] times, double[] atRisk, double[] events, double[] survival, double[] stdErr,
      double[] lower, double[] upper, double confLevel) {
    /** Copies. */
    public Curve {
      times = times.clone();
      atRisk = atRisk.clone();
      events = events.clone();
      survival = survival.clone();
      stdErr = stdErr.clone();
      lower = lower.clone();
      upper = upper.clone();
    }

    @Override
    public double[] times() {
      return times.clone();
    }

    @Override
    public double[] atRisk() {
      return atRisk.clone();
    }

    @Override
    public double[] events() {
      return events.clone();
    }

    @Override
    public double[] survival() {
      return survival.clone();
    }

    @Override
    public double[] stdErr() {
      return stdErr.clone();
    }

    @Override
    public double[] lower() {
      return lower.clone();
    }

    @Override
    public double[] upper() {
      return upper.clone();
    }

    /**
     * The index of the last event time at or before {@code t}, or −1 before the first: the row
     * whose survival, SE and limits hold at {@code t} (R's {@code summary(fit, times, extend =
     * TRUE)} carries the last row forward; before the first event the survival is 1, SE 0).
     */
    public int indexAt(double t) {
      int i = Arrays.binarySearch(times, t);
      return i >= 0 ? i : -i - 2;
    }

    /** The survival at {@code t} (1 before the first event). */
    public double survivalAt(double t) {
      int i = indexAt(t);
      return i < 0 ? 1 : survival[i];
    }
  }

  /**
   * Fits the curve.
   *
   * @param time each unit's time (finite, at least 0)
   * @param event whether the unit's time is an event
   * @param weights each unit's weight (at least 0; units of weight 0 take no part)
   * @param confLevel the confidence level of the limits
   * @throws IllegalArgumentException naming the unit, if a time or weight is not valid
   */
  public static Curve fit(double[] time, boolean[] event, double[] weights, double confLevel) {
    int n = time.length;
    if (event.length != n || weights.length != n) {
      throw new IllegalArgumentException("time, event and weights must have one value per unit");
    }
    double z = Distributions.normalQuantile(1 - (1 - Arguments.confLevel(confLevel)) / 2);
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
        throw new IllegalArgumentException("unit " + (i + 1) + ": the time is not a finite number of at least 0");
      }
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("unit " + (i + 1) + ": the weight is not a finite number of at least 0");
      }
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(time[a], time[b]));
    int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    // distinct times, their weights and events; the numbers at risk as suffix sums, so that at the
    // last time, when everyone left has the event, Y − d is exactly 0 and S exactly 0
    int[] start = new int[n + 1];
    double[] times = new double[n];
    double[] leaving = new double[n];
    double[] events = new double[n];
    int k = 0;
    for (int p = 0; p < n; k++) {
      double t = time[order[p]];
      start[k] = p;
      times[k] = t;
      for (; p < n && time[order[p]] == t; p++) {
        leaving[k] += weights[order[p]];
        if (event[order[p]]) {
          events[k] += weights[order[p]];
        }
      }
    }
    start[k] = n;
    double[] atRisk = new double[k];
    for (int j = k - 1; j >= 0; j--) {
      atRisk[j] = leaving[j] + (j + 1 < k ? atRisk[j + 1] : 0);
    }
    double[] survival = new double[k];
    double[] cumA = new double[k];
    double[] exitIf2 = new double[k]; // Σ over units leaving at this time of w² IF²
    double[] exitW2 = new double[k]; // Σ over units leaving at this time of w²
    double s = 1;
    double a = 0;
    for (int j = 0; j < k; j++) {
      double y = atRisk[j];
      double d = events[j];
      if (d > 0) {
        a += d / (y * (y - d));
        s *= 1 - d / y;
      }
      for (int r = start[j]; r < start[j + 1]; r++) {
        int i = order[r];
        double influence = a - (event[i] && d > 0 ? 1 / (y - d) : 0);
        exitIf2[j] += weights[i] * weights[i] * influence * influence;
        exitW2[j] += weights[i] * weights[i];
      }
      survival[j] = s;
      cumA[j] = a;
    }
    // at each event time t: units gone by t contribute their fixed IF², the rest A(t)² w²
    double remainingW2 = 0;
    for (int j = 0; j < k; j++) {
      remainingW2 += exitW2[j];
    }
    int m = 0;
    for (int j = 0; j < k; j++) {
      if (events[j] > 0) {
        m++;
      }
    }
    double[] outTimes = new double[m];
    double[] outRisk = new double[m];
    double[] outEvents = new double[m];
    double[] outSurv = new double[m];
    double[] outSe = new double[m];
    double[] outLower = new double[m];
    double[] outUpper = new double[m];
    double goneIf2 = 0;
    int e = 0;
    for (int j = 0; j < k; j++) {
      goneIf2 += exitIf2[j];
      remainingW2 -= exitW2[j];
      if (events[j] > 0) {
        double varLog = goneIf2 + cumA[j] * cumA[j] * Math.max(0, remainingW2);
        double seLog = Math.sqrt(varLog);
        outTimes[e] = times[j];
        outRisk[e] = atRisk[j];
        outEvents[e] = events[j];
        outSurv[e] = survival[j];
        outSe[e] = survival[j] > 0 ? survival[j] * seLog : 0; // R: SE 0 and no limits once S is 0
        outLower[e] = survival[j] > 0 ? survival[j] * Math.exp(-z * seLog) : Double.NaN;
        outUpper[e] = survival[j] > 0 ? Math.min(1, survival[j] * Math.exp(z * seLog)) : Double.NaN;
        e++;
      }
    }
    return new Curve(outTimes, outRisk, outEvents, outSurv, outSe, outLower, outUpper, confLevel);
  }
}
