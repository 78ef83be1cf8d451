package org.outcome.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.analyses.SurvivalContracts;
import org.outcome.testkit.analyses.SurvivalCurve;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.SurvivalSamples;
import org.outcome.testkit.samples.SurvivalShape;
import org.quicktheories.core.Gen;

/**
 * Invariants of the survival analyses on generated samples (the testkit's generators, with ties,
 * censoring at event times, single events, tiny groups and all-censored samples forced in; most
 * properties also with times of 0, {@link #samplesWithZeros}).
 */
class SurvivalPropertiesTest {
  private static final int EXAMPLES = 200;

  private static Gen<SurvivalSample> samples(int groups, int strata, SurvivalShape... shapes) {
    int min = Math.max(Math.max(groups, strata), 1) + 1;
    return QtGenerators.survival(SurvivalSamples.builder().size(min, 60).groups(groups).strata(strata)
        .shapes(shapes).build());
  }

  /**
   * The same samples with times set to 0 (R's {@code Surv} allows a time of 0: a readmission or a
   * censoring on the day of discharge): half unchanged, the rest with 0 for the rows tied at the
   * smallest time, about a third of the rows, the rows at or below the median time (ties at 0,
   * often a whole group), or every row.
   */
  private static Gen<SurvivalSample> samplesWithZeros(int groups, int strata, SurvivalShape... shapes) {
    return samples(groups, strata, shapes).zip(integers().between(0, 7), integers().all(), (s, mode, seed) -> {
      double[] t = s.times();
      double[] sorted = t.clone();
      Arrays.sort(sorted);
      java.util.Random random = new java.util.Random(seed);
      for (int i = 0; i < t.length; i++) {
        boolean zero = switch (mode) {
          case 1 -> t[i] == sorted[0];
          case 2 -> random.nextInt(3) == 0;
          case 3 -> t[i] <= sorted[(t.length - 1) / 2];
          case 4 -> true;
          default -> false;
        };
        if (zero) {
          t[i] = 0;
        }
      }
      SurvivalSample.Builder b = SurvivalSample.builder(t, s.events());
      s.group().ifPresent(b::group);
      s.strata().ifPresent(b::strata);
      return b.build();
    });
  }

  /**
   * With times of 0: the Kaplan–Meier curve starts at or below 1, at {@code (n - d₀)/n} after the
   * {@code d₀} events at time 0 (before it R's {@code survfit0} row is 1), never rises, and without
   * censoring equals the empirical survival, the share of times after {@code t}, at every time of
   * the curve, at 0 and between.
   */
  @Test
  void kaplanMeierWithTimesOfZeroStartsAtOrBelowOneNeverRisesAndIsTheEmpiricalSurvivalWithoutCensoring() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(0, 0)).check(s -> {
      KaplanMeierCurve c = KaplanMeier.withDefaults().withTimes(0).fit(s).curves().get(0);
      double[] t = c.time();
      double[] surv = c.survival();
      long zeroEvents = java.util.stream.IntStream.range(0, s.size()).filter(i -> s.time(i) == 0 && s.event(i)).count();
      double atZero = (double) (s.size() - zeroEvents) / s.size();
      if (!(Math.abs(c.survivalAt(0) - atZero) <= 1e-12 && c.at().get(0).survival().getAsDouble() == c.survivalAt(0)
          && surv[0] <= 1 && (t[0] > 0 || surv[0] == c.survivalAt(0)))) {
        return false;
      }
      for (int i = 0; i < surv.length; i++) {
        if (!(surv[i] >= 0 && (i == 0 || (t[i] > t[i - 1] && surv[i] <= surv[i - 1])))) {
          return false;
        }
      }
      return true;
    });
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(0, 0, SurvivalShape.NO_CENSORING)).check(s -> {
      KaplanMeierCurve c = KaplanMeier.withDefaults().fit(s).curves().get(0);
      double[] t = c.time();
      List<Double> points = new ArrayList<>(List.of(0.0));
      for (int i = 0; i < t.length; i++) {
        points.add(t[i]);
        points.add(i + 1 < t.length ? (t[i] + t[i + 1]) / 2 : t[i] + 1);
      }
      for (double at : points) {
        double empirical = (double) Arrays.stream(s.times()).filter(v -> v > at).count() / s.size();
        if (Math.abs(c.survivalAt(at) - empirical) > 1e-12) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void kaplanMeierMeetsTheTestkitContract() {
    SurvivalContracts.kaplanMeier(s -> {
      KaplanMeierCurve c = KaplanMeier.withDefaults().fit(s).curves().get(0);
      return new SurvivalCurve(c.time(), c.survival());
    }).verify();
  }

  @Test
  void logRankMeetsTheTestkitContract() {
    SurvivalContracts.logRank(s -> LogRank.withDefaults().test(s)).verify();
  }

  @Test
  void countsMergedFromTwoPartsEqualCountsOfTheWhole() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(2, 2)).check(s -> {
      int cut = s.size() / 2;
      SurvivalCounts merged = SurvivalCounts.of(rows(s, 0, cut)).merge(SurvivalCounts.of(rows(s, cut, s.size())));
      SurvivalCounts whole = SurvivalCounts.of(s);
      return merged.equals(whole)
          && curvesEqual(KaplanMeier.withDefaults().fit(merged), KaplanMeier.withDefaults().fit(whole));
    });
  }

  @Test
  void countsBuiltFromAggregatesEqualCountsOfTheRows() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(3, 2)).check(s -> {
      SurvivalCounts.Builder b = SurvivalCounts.builder(Optional.of(s.group().orElseThrow().levels()),
          Optional.of(s.strata().orElseThrow().levels()));
      for (int i = s.size() - 1; i >= 0; i--) { // any order, one entry per row
        b.add(s.strata().get().code(i), s.group().get().code(i), s.time(i), s.event(i) ? 1 : 0, s.event(i) ? 0 : 1);
      }
      return b.build().equals(SurvivalCounts.of(s));
    });
  }

  @Test
  void rowOrderChangesNothing() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(2, 0)).check(s -> {
      SurvivalSample reversed = reversed(s);
      return curvesEqual(KaplanMeier.withDefaults().fit(s), KaplanMeier.withDefaults().fit(reversed))
          && sameTest(s, reversed);
    });
  }

  @Test
  void confidenceLimitsEncloseTheSurvival() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(2, 0)).check(s -> {
      for (ConfType type : ConfType.values()) {
        for (KaplanMeierCurve c : KaplanMeier.withDefaults().withConfType(type).fit(s).curves()) {
          double[] surv = c.survival();
          double[] lo = c.lower();
          double[] hi = c.upper();
          double[] se = c.stdErrCumHazard();
          for (int i = 0; i < surv.length; i++) {
            boolean undefined = surv[i] == 0 || (type == ConfType.LOG_LOG && surv[i] == 1);
            if (undefined != (Double.isNaN(lo[i]) || Double.isNaN(hi[i]))) {
              return false;
            }
            if (!undefined && !(lo[i] <= surv[i] + 1e-12 && surv[i] <= hi[i] + 1e-12 && lo[i] >= 0 && hi[i] <= 1)) {
              return false;
            }
            if (i > 0 && se[i] < se[i - 1]) {
              return false;
            }
          }
        }
      }
      return true;
    });
  }

  @Test
  void theMedianIsWhereTheCurveFirstReachesOneHalf() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(0, 0)).check(s -> {
      KaplanMeierCurve c = KaplanMeier.withDefaults().fit(s).curves().get(0);
      double[] surv = c.survival();
      double[] t = c.time();
      double tolerance = TimeMatching.TOLERANCE; // R's "equal to one half"
      int first = -1;
      for (int i = 0; i < surv.length && first < 0; i++) {
        if (surv[i] < 0.5 + tolerance) {
          first = i;
        }
      }
      if (first < 0) {
        return c.median().median().isEmpty();
      }
      double m = c.median().median().orElseThrow();
      // at t[first], or (one half on a flat segment) between it and the next lower step
      return Math.abs(surv[first] - 0.5) < tolerance ? m >= t[first] && m <= c.lastTime() : m == t[first];
    });
  }

  @Test
  void restrictedMeanLiesBetweenZeroAndTauAndGrowsWithTau() {
    qt().withExamples(EXAMPLES).forAll(samples(0, 0)).check(s -> {
      KaplanMeierCurve c = KaplanMeier.withDefaults().fit(s).curves().get(0);
      double tau = c.lastTime();
      double previous = 0;
      for (double f : new double[] {0.25, 0.5, 1, 1.5}) {
        RestrictedMean rm = KaplanMeier.withDefaults().withRmeanHorizon(RmeanHorizon.at(tau * f)).fit(s)
            .curves().get(0).restrictedMean();
        if (!(rm.mean() > 0 && rm.mean() <= tau * f + 1e-9 && rm.mean() >= previous - 1e-9 && rm.stdErr() >= 0)) {
          return false;
        }
        previous = rm.mean();
      }
      return true;
    });
  }

  @Test
  void withoutCensoringTheRestrictedMeanToTheLastTimeIsTheSampleMean() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(0, 0, SurvivalShape.NO_CENSORING)).check(s -> {
      double mean = Arrays.stream(s.times()).average().orElseThrow();
      double rmean = KaplanMeier.withDefaults().fit(s).curves().get(0).restrictedMean().mean();
      return Math.abs(rmean - mean) <= 1e-9 * Math.max(1, mean);
    });
  }

  @Test
  void observedAndExpectedEventsHaveTheSameTotal() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(3, 2, SurvivalShape.withEvents())).check(s -> {
      LogRank.Result r = test(s).orElse(null);
      if (r == null) {
        return true;
      }
      double[][] o = r.observedByStratum();
      double[][] e = r.expectedByStratum();
      for (int k = 0; k < o.length; k++) {
        double so = Arrays.stream(o[k]).sum();
        double se = Arrays.stream(e[k]).sum();
        if (Math.abs(so - se) > 1e-9 * Math.max(1, so)) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void stratifiedTestAddsTheStrataOfSeparateTests() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(2, 2, SurvivalShape.withEvents())).check(s -> {
      LogRank.Result all = test(s).orElse(null);
      if (all == null) {
        return true;
      }
      double[][] variance = new double[2][2];
      for (String level : s.strata().orElseThrow().levels()) {
        SurvivalSample part = stratum(s, level);
        if (part.group().orElseThrow().levelCount() < 2) {
          continue; // a stratum with one group adds nothing to O - E nor to V
        }
        LogRank.Result one = test(part.toBuilder().strata(null).build()).orElse(null);
        if (one != null) {
          double[][] v = one.variance();
          for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
              variance[a][b] += v[a][b];
            }
          }
        }
      }
      double[][] v = all.variance();
      for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 2; b++) {
          if (Math.abs(v[a][b] - variance[a][b]) > 1e-9 * Math.max(1, Math.abs(v[a][b]))) {
            return false;
          }
        }
      }
      return true;
    });
  }

  @Test
  void aSingleStratumIsTheUnstratifiedTest() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(2, 0, SurvivalShape.withEvents())).check(s -> {
      String[] one = new String[s.size()];
      Arrays.fill(one, "all");
      SurvivalSample stratified = s.toBuilder().strata(Factor.of(one)).build();
      Optional<LogRank.Result> a = test(s);
      Optional<LogRank.Result> b = test(stratified);
      return a.isPresent() == b.isPresent()
          && (a.isEmpty() || (a.get().chisq() == b.get().chisq() && Arrays.equals(a.get().expected(), b.get().expected())));
    });
  }

  @Test
  void withTwoGroupsTheStatisticIsTheSquaredStandardisedDifference() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(2, 0, SurvivalShape.withEvents())).check(s -> {
      for (double rho : new double[] {0, 1}) {
        LogRank.Result r;
        try {
          r = LogRank.withDefaults().withRho(rho).test(s);
        } catch (DegenerateDataException e) {
          continue; // no variance, e.g. every event at one time with no one left at risk; R errors too
        }
        double d = r.observed()[0] - r.expected()[0];
        double v = r.variance()[0][0];
        if (Math.abs(r.chisq() - d * d / v) > 1e-9 * Math.max(1, r.chisq())) {
          return false;
        }
      }
      return true;
    });
  }

  @Test
  void aSingleGroupOrNoEventsIsDegenerateForLogRank() {
    qt().withExamples(50).forAll(samplesWithZeros(2, 0, SurvivalShape.ALL_CENSORED)).check(s -> {
      try {
        LogRank.withDefaults().test(s);
        return false;
      } catch (DegenerateDataException e) {
        return e.problem().contains("no events");
      }
    });
    qt().withExamples(50).forAll(samplesWithZeros(0, 0)).check(s -> {
      try {
        LogRank.withDefaults().test(s);
        return false;
      } catch (DegenerateDataException e) {
        return e.problem().contains("no group column");
      }
    });
  }

  @Test
  void rmstDifferenceIsMinusTheReverseDifference() {
    qt().withExamples(EXAMPLES).forAll(samplesWithZeros(2, 0, SurvivalShape.withEvents())).check(s -> {
      Rmst rmst = Rmst.withDefaults();
      Rmst.Result ab;
      try {
        ab = rmst.compare(s);
      } catch (DegenerateDataException e) {
        return true;
      } catch (InvalidInputException e) {
        // a default tau of 0: a group with every row at time 0
        return e.getMessage().contains("restriction time 0")
            && Arrays.stream(s.times()).filter(t -> t > 0).count() < s.size();
      }
      Rmst.Result ba = rmst.withReference("g2").compare(s);
      RmstContrast x = ab.contrasts().get(0);
      RmstContrast y = ba.contrasts().get(0);
      return Math.abs(x.difference() + y.difference()) <= 1e-9 * Math.max(1, Math.abs(x.difference()))
          // a restricted mean of 0 (every row of a group an event at time 0) makes the ratios 0 and infinite
          && (x.ratio() == 0 ? y.ratio() == Double.POSITIVE_INFINITY
              : y.ratio() == 0 ? x.ratio() == Double.POSITIVE_INFINITY : Math.abs(x.ratio() * y.ratio() - 1) <= 1e-9)
          // no test (NaN) exactly when the difference has no variance, in both orders
          && Double.compare(x.differenceP(), y.differenceP()) == 0
          && Double.isNaN(x.differenceP()) == !(x.differenceStdErr() > 0)
          && (Double.isNaN(x.ratioP()) ? Double.isNaN(y.ratioP()) : Math.abs(x.ratioP() - y.ratioP()) <= 1e-12);
    });
  }

  @Test
  void keepsTheGeneratorsHonest() {
    // the generators do produce ties, censoring at event times and several groups and strata
    SurvivalSample s = SurvivalSamples.builder().size(30, 30).groups(2).strata(2)
        .shapes(SurvivalShape.CENSORED_AT_EVENT_TIMES).build().next(new java.util.Random(7));
    assertThat(SurvivalCounts.of(s).cells()).hasSize(4);
  }

  private static Optional<LogRank.Result> test(SurvivalSample s) {
    try {
      return Optional.of(LogRank.withDefaults().test(s));
    } catch (DegenerateDataException e) {
      return Optional.empty();
    }
  }

  private static boolean sameTest(SurvivalSample a, SurvivalSample b) {
    Optional<LogRank.Result> x = test(a);
    Optional<LogRank.Result> y = test(b);
    return x.isPresent() == y.isPresent() && (x.isEmpty() || (x.get().chisq() == y.get().chisq()
        && Arrays.equals(x.get().observed(), y.get().observed())));
  }

  static boolean curvesEqual(KaplanMeier.Result a, KaplanMeier.Result b) {
    if (a.curves().size() != b.curves().size()) {
      return false;
    }
    for (int i = 0; i < a.curves().size(); i++) {
      KaplanMeierCurve x = a.curves().get(i);
      KaplanMeierCurve y = b.curves().get(i);
      if (!Arrays.equals(x.time(), y.time()) || !Arrays.equals(x.survival(), y.survival())
          || !Arrays.equals(x.stdErrCumHazard(), y.stdErrCumHazard()) || !Arrays.equals(x.nRisk(), y.nRisk())
          || !x.median().equals(y.median()) || !x.restrictedMean().equals(y.restrictedMean())) {
        return false;
      }
    }
    return true;
  }

  static SurvivalSample rows(SurvivalSample s, int from, int to) {
    return select(s, java.util.stream.IntStream.range(from, to).toArray());
  }

  static SurvivalSample reversed(SurvivalSample s) {
    return select(s, java.util.stream.IntStream.range(0, s.size()).map(i -> s.size() - 1 - i).toArray());
  }

  static SurvivalSample stratum(SurvivalSample s, String level) {
    Factor strata = s.strata().orElseThrow();
    return select(s, java.util.stream.IntStream.range(0, s.size()).filter(i -> strata.level(i).equals(level)).toArray());
  }

  /** The chosen rows, keeping every factor's full level list (so merged parts share levels). */
  static SurvivalSample select(SurvivalSample s, int[] rows) {
    double[] t = new double[rows.length];
    boolean[] e = new boolean[rows.length];
    for (int i = 0; i < rows.length; i++) {
      t[i] = s.time(rows[i]);
      e[i] = s.event(rows[i]);
    }
    SurvivalSample.Builder b = SurvivalSample.builder(t, e);
    s.group().ifPresent(f -> b.group(sub(f, rows)));
    s.strata().ifPresent(f -> b.strata(sub(f, rows)));
    return b.build();
  }

  private static Factor sub(Factor f, int[] rows) {
    String[] v = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      v[i] = f.level(rows[i]);
    }
    return Factor.withLevels(v, f.levels());
  }
}
