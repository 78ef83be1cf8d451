package org.outcome.testkit.analyses;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.SurvivalSample;

/**
 * Small stand-in analyses for the testkit's own tests (the real ones live in outcome-stats, which
 * the testkit must not depend on). Each has the invariances its contract names, and each can be
 * switched to a planted fault.
 */
final class StandIns {
  private StandIns() {}

  record Result(String method, long nUsed, Optional<Estimate> estimate, Optional<HypothesisTest> test)
      implements AnalysisResult {
    @Override
    public List<Warning> warnings() {
      return List.of();
    }
  }

  /** The exact two-sided sign test; the estimate is the median difference. */
  static AnalysisResult signTest(PairedSample s, boolean oneSidedFault) {
    int plus = 0;
    int minus = 0;
    for (int i = 0; i < s.size(); i++) {
      plus += s.difference(i) > 0 ? 1 : 0;
      minus += s.difference(i) < 0 ? 1 : 0;
    }
    int n = plus + minus;
    if (n == 0) {
      throw new DegenerateDataException("every difference is zero", "there is no change to test");
    }
    double lower = binomialCdf(Math.min(plus, minus), n);
    double p = oneSidedFault ? binomialCdf(plus, n) : Math.min(1, 2 * lower);
    double[] d = s.differences();
    Arrays.sort(d);
    double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    return new Result("sign test", s.size(), Optional.of(Estimate.of("median difference", median)),
        Optional.of(HypothesisTest.of("S", plus, p)));
  }

  /** P(X <= k) for X ~ Binomial(n, 1/2). */
  static double binomialCdf(int k, int n) {
    double total = 0;
    double term = Math.pow(0.5, n);
    for (int i = 0; i <= k; i++) {
      total += term;
      term = term * (n - i) / (i + 1);
    }
    return Math.min(1, total);
  }

  /** Difference in means with a large-sample z test; the fault reports a ratio of means instead. */
  static AnalysisResult meanDifference(GroupedSample s, boolean ratioFault) {
    double[] a = s.values(0);
    double[] b = s.values(1);
    double ma = mean(a);
    double mb = mean(b);
    double se = Math.sqrt(variance(a, ma) / a.length + variance(b, mb) / b.length);
    if (se == 0) {
      throw new DegenerateDataException("both groups have zero variance", "there is no spread to test against");
    }
    double z = (ma - mb) / se;
    double p = Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    double estimate = ratioFault ? ma / mb : ma - mb;
    ConfidenceInterval ci = new ConfidenceInterval(estimate - 1.96 * se, estimate + 1.96 * se, 0.95);
    return new Result("z test", s.size(), Optional.of(Estimate.of("mean difference", estimate, ci)),
        Optional.of(HypothesisTest.of("z", z, p)));
  }

  /**
   * A rank-based k-group statistic (spread of the groups' mean ranks of time, standardised); the
   * fault uses raw times without standardising, so it depends on the time scale.
   */
  static AnalysisResult rankSpread(SurvivalSample s, boolean rawTimesFault) {
    int n = s.size();
    double[] t = s.times();
    double[] score = rawTimesFault ? t : ranks(t);
    int k = s.group().orElseThrow().levelCount();
    double[] sum = new double[k];
    int[] count = new int[k];
    for (int i = 0; i < n; i++) {
      int g = s.group().orElseThrow().code(i);
      sum[g] += score[i];
      count[g]++;
    }
    double overall = Arrays.stream(score).sum() / n;
    double stat = 0;
    for (int g = 0; g < k; g++) {
      stat += count[g] == 0 ? 0 : count[g] * Math.pow(sum[g] / count[g] - overall, 2);
    }
    if (!rawTimesFault) {
      stat = stat / Math.max(1e-12, Arrays.stream(score).map(v -> (v - overall) * (v - overall)).sum() / n);
    }
    return new Result("rank spread", n, Optional.empty(), Optional.of(HypothesisTest.of("chisq", stat, Math.exp(-stat / 2))));
  }

  /** Least-squares slopes of the event indicator on centred covariates (or uncentred: the fault). */
  static double[] slopes(SurvivalSample s, boolean uncentredFault) {
    int p = s.covariates().size();
    double[] out = new double[p];
    double ybar = (double) s.eventCount() / s.size();
    for (int j = 0; j < p; j++) {
      double[] x = s.covariates().get(j).values();
      double xbar = uncentredFault ? 0 : mean(x);
      double sxy = 0;
      double sxx = 0;
      for (int i = 0; i < x.length; i++) {
        sxy += (x[i] - xbar) * ((s.event(i) ? 1 : 0) - ybar);
        sxx += (x[i] - xbar) * (x[i] - xbar);
      }
      if (sxx == 0) {
        throw new DegenerateDataException("covariate " + (j + 1) + " has no variance", "drop it");
      }
      out[j] = sxy / sxx;
    }
    return out;
  }

  /** Product-limit estimate; the fault counts every censoring as an event. */
  static SurvivalCurve kaplanMeier(SurvivalSample s, boolean censoringAsEventFault) {
    double[] t = s.times();
    double[] distinct = Arrays.stream(t).distinct().sorted().toArray();
    double[] survival = new double[distinct.length];
    double current = 1;
    for (int k = 0; k < distinct.length; k++) {
      int atRisk = 0;
      int events = 0;
      for (int i = 0; i < t.length; i++) {
        atRisk += t[i] >= distinct[k] ? 1 : 0;
        events += t[i] == distinct[k] && (s.event(i) || censoringAsEventFault) ? 1 : 0;
      }
      current *= 1 - (double) events / atRisk;
      survival[k] = current;
    }
    return new SurvivalCurve(distinct, survival);
  }

  private static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        r[order[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).sum() / v.length;
  }

  private static double variance(double[] v, double mean) {
    return Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
  }

  /** Complementary error function, Numerical Recipes' Chebyshev fit (relative error < 1.2e-7). */
  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + z / 2);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }
}
