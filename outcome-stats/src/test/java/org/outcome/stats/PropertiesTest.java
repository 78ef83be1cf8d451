package org.outcome.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedBinaryTable;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.multiplicity.AdjustmentMethod;
import org.outcome.stats.multiplicity.PValueAdjustment;
import org.outcome.stats.paired.McNemarTest;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.stats.tables.ChiSquareTest;
import org.outcome.stats.tables.FisherExactTest;
import org.outcome.stats.tables.RateRatioTest;
import org.outcome.stats.tables.RiskComparison;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.GroupedSamples;
import org.outcome.testkit.samples.GroupedShape;
import org.outcome.testkit.samples.PairedSamples;
import org.outcome.testkit.samples.PairedShape;
import org.quicktheories.core.Gen;

/**
 * Invariants of the analyses, on the testkit's generated samples (edge cases forced into the
 * shapes) and on QuickTheories' integers for count tables.
 */
class PropertiesTest {
  private static final int EXAMPLES = 200;

  static boolean close(double a, double b, double relative) {
    return a == b || Math.abs(a - b) <= relative * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  /** The result, or null when the analysis refused degenerate data with the typed error. */
  static <R> R orDegenerate(Supplier<R> run) {
    try {
      return run.get();
    } catch (DegenerateDataException e) {
      assertThat(e.problem()).isNotBlank();
      assertThat(e.remedy()).isNotBlank();
      return null;
    }
  }

  static Gen<PairedSample> plainPairs() {
    return QtGenerators.paired(PairedSamples.of(2, 40, PairedShape.nonDegenerate()));
  }

  @Test
  void swappingBeforeAndAfterNegatesTheMeanDifferenceAndKeepsP() {
    qt().withExamples(EXAMPLES).forAll(plainPairs()).checkAssert(s -> {
      // differences like 22.76 - 20 and 22.77 - 20.01 differ only in their last binary digits:
      // "essentially constant", refused as R refuses them, in both directions
      PairedTTest.Result f = orDegenerate(() -> PairedTTest.withDefaults().test(s));
      PairedTTest.Result b = orDegenerate(() -> PairedTTest.withDefaults().test(s.swapped()));
      assertThat(b == null).isEqualTo(f == null);
      if (f == null) {
        return;
      }
      assertThat(b.meanDifference()).isEqualTo(-f.meanDifference());
      assertThat(b.t()).isEqualTo(-f.t());
      assertThat(b.pValue()).isEqualTo(f.pValue());
      assertThat(close(b.interval().lower(), -f.interval().upper(), 1e-12)).isTrue();
    });
  }

  @Test
  void swappingKeepsTheSignedRankPAndMirrorsV() {
    qt().withExamples(EXAMPLES).forAll(plainPairs()).checkAssert(s -> {
      WilcoxonSignedRankTest.Result f = orDegenerate(() -> WilcoxonSignedRankTest.withDefaults().test(s));
      if (f == null) {
        return;
      }
      WilcoxonSignedRankTest.Result b = WilcoxonSignedRankTest.withDefaults().test(s.swapped());
      assertThat(b.v()).isEqualTo(f.n() * (f.n() + 1) / 2.0 - f.v());
      assertThat(close(b.pValue(), f.pValue(), 1e-12)).isTrue();
      assertThat(b.pValueMethod()).isEqualTo(f.pValueMethod());
    });
  }

  @Test
  void shiftingIntegerScoresChangesNoSignedRankResult() {
    Gen<PairedSample> integers = QtGenerators.paired(
        PairedSamples.of(2, 60, PairedShape.TIED_INTEGERS, PairedShape.SOME_ZERO_DIFFERENCES));
    qt().withExamples(EXAMPLES).forAll(integers, integers().between(-1000, 1000)).checkAssert((s, c) -> {
      WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(s);
      double[] before = s.beforeValues();
      double[] after = s.afterValues();
      for (int i = 0; i < before.length; i++) {
        before[i] += c;
        after[i] += c;
      }
      WilcoxonSignedRankTest.Result moved = WilcoxonSignedRankTest.withDefaults().test(PairedSample.of(before, after));
      assertThat(moved.v()).isEqualTo(r.v());
      assertThat(moved.pValue()).isEqualTo(r.pValue());
    });
  }

  static Gen<GroupedSample> twoGroups() {
    return QtGenerators.grouped(GroupedSamples.of(2, 2, 30, GroupedShape.nonDegenerate()));
  }

  static GroupedSample shifted(GroupedSample s, double c) {
    double[] v = s.values();
    for (int i = 0; i < v.length; i++) {
      v[i] += c;
    }
    return GroupedSample.of(v, s.groups());
  }

  @Test
  void addingAConstantToBothGroupsChangesNoTestStatistic() {
    qt().withExamples(EXAMPLES).forAll(twoGroups(), integers().between(-500, 500)).checkAssert((s, c) -> {
      GroupedSample m = shifted(s, c);
      for (TwoSampleTTest t : List.of(TwoSampleTTest.withDefaults(), TwoSampleTTest.student())) {
        TwoSampleTTest.Result a = t.test(s);
        TwoSampleTTest.Result b = t.test(m);
        assertThat(close(a.t(), b.t(), 1e-8)).as("t %s vs %s", a.t(), b.t()).isTrue();
        assertThat(close(a.df(), b.df(), 1e-8)).isTrue();
        assertThat(close(a.pValue(), b.pValue(), 1e-8)).isTrue();
      }
      MannWhitneyTest.Result w = MannWhitneyTest.withDefaults().test(s);
      MannWhitneyTest.Result wm = MannWhitneyTest.withDefaults().test(m);
      assertThat(wm.w()).isEqualTo(w.w());
      assertThat(wm.pValue()).isEqualTo(w.pValue());
      StandardizedMeanDifference.Result d = StandardizedMeanDifference.withDefaults().compute(s);
      StandardizedMeanDifference.Result dm = StandardizedMeanDifference.withDefaults().compute(m);
      assertThat(close(d.g().value(), dm.g().value(), 1e-8)).isTrue();
    });
  }

  @Test
  void mannWhitneyStatisticsOfTheTwoOrdersAddUpToTheNumberOfPairs() {
    qt().withExamples(EXAMPLES).forAll(twoGroups()).checkAssert(s -> {
      MannWhitneyTest.Result xy = MannWhitneyTest.withDefaults().test(s);
      MannWhitneyTest.Result yx = MannWhitneyTest.withDefaults()
          .withGroups(org.outcome.stats.groups.GroupChoice.of(s.levels().get(1), s.levels().get(0))).test(s);
      assertThat(xy.w() + yx.w()).isEqualTo((double) xy.nFirst() * xy.nSecond());
      assertThat(close(xy.pValue(), yx.pValue(), 1e-12)).isTrue();
    });
  }

  @Test
  void everyPValueIsInTheUnitIntervalOnEveryShape() {
    Gen<PairedSample> anyPairs = QtGenerators.paired(PairedSamples.of(2, 60));
    Gen<GroupedSample> anyGroups = QtGenerators.grouped(GroupedSamples.of(2, 2, 60));
    qt().withExamples(EXAMPLES).forAll(anyPairs, anyGroups).checkAssert((p, g) -> {
      List<Supplier<AnalysisResult>> runs = List.of(
          () -> PairedTTest.withDefaults().test(p),
          () -> WilcoxonSignedRankTest.withDefaults().test(p),
          () -> TwoSampleTTest.withDefaults().test(g),
          () -> TwoSampleTTest.student().test(g),
          () -> MannWhitneyTest.withDefaults().test(g));
      for (Supplier<AnalysisResult> run : runs) {
        AnalysisResult r = orDegenerate(run);
        if (r != null) {
          double pValue = r.test().orElseThrow().pValue();
          assertThat(pValue).isBetween(0.0, 1.0);
          r.estimate().flatMap(e -> e.interval()).ifPresent(ci -> assertThat(ci.lower()).isLessThanOrEqualTo(ci.upper()));
        }
      }
    });
  }

  static Gen<long[]> cells() {
    return lists().of(integers().between(0, 40)).ofSize(4)
        .map(l -> new long[] {l.get(0), l.get(1), l.get(2), l.get(3)});
  }

  @Test
  void twoByTwoTablesGiveValidPValuesAndIntervalsThatHoldTheirEstimates() {
    qt().withExamples(EXAMPLES).forAll(cells()).checkAssert(c -> {
      TwoByTwoTable t = TwoByTwoTable.of(c[0], c[1], c[2], c[3]);
      FisherExactTest.Result f = orDegenerate(() -> FisherExactTest.withDefaults().test(t));
      if (f != null) {
        assertThat(f.pValue()).isBetween(0.0, 1.0);
        assertThat(f.oddsRatio().interval().orElseThrow().contains(f.oddsRatio().value())).isTrue();
        // transposing the table (b <-> c) and exchanging the rows keep the two-sided p
        FisherExactTest.Result transposed = FisherExactTest.withDefaults().test(TwoByTwoTable.of(c[0], c[2], c[1], c[3]));
        FisherExactTest.Result rowsSwapped = FisherExactTest.withDefaults().test(TwoByTwoTable.of(c[2], c[3], c[0], c[1]));
        assertThat(close(transposed.pValue(), f.pValue(), 1e-9)).isTrue();
        assertThat(close(rowsSwapped.pValue(), f.pValue(), 1e-9)).isTrue();
        ChiSquareTest.Result yates = ChiSquareTest.withDefaults().test(t);
        ChiSquareTest.Result plain = ChiSquareTest.withDefaults().withCorrection(ContinuityCorrection.NONE).test(t);
        assertThat(yates.statistic()).isLessThanOrEqualTo(plain.statistic() + 1e-12);
        assertThat(yates.pValue()).isBetween(0.0, 1.0);
      }
      RiskComparison.Result r = orDegenerate(() -> RiskComparison.withDefaults().compare(t));
      if (r != null) {
        r.riskRatio().ifPresent(e -> assertThat(e.interval().orElseThrow().contains(e.value())).isTrue());
        r.oddsRatio().ifPresent(e -> assertThat(e.interval().orElseThrow().contains(e.value())).isTrue());
        assertThat(r.riskDifference().interval().orElseThrow().contains(r.riskDifference().value())).isTrue();
      }
    });
  }

  @Test
  void mcnemarIsSymmetricInTheDiscordantCells() {
    qt().withExamples(EXAMPLES).forAll(cells()).checkAssert(c -> {
      McNemarTest.Result r = orDegenerate(() -> McNemarTest.withDefaults().test(PairedBinaryTable.of(c[0], c[1], c[2], c[3])));
      if (r == null) {
        return;
      }
      McNemarTest.Result s = McNemarTest.withDefaults().test(PairedBinaryTable.of(c[3], c[2], c[1], c[0]));
      assertThat(s.chisqCorrected()).isEqualTo(r.chisqCorrected());
      assertThat(close(s.exactP(), r.exactP(), 1e-12)).isTrue();
      assertThat(r.exactP()).isBetween(0.0, 1.0);
      assertThat(r.pCorrected()).isGreaterThanOrEqualTo(r.p() - 1e-15);
    });
  }

  @Test
  void exchangingTheRateRatioGroupsInvertsTheRatioAndKeepsP() {
    qt().withExamples(EXAMPLES)
        .forAll(integers().between(0, 60), integers().between(0, 60), doubles().between(1, 5000), doubles().between(1, 5000))
        .checkAssert((x1, x2, t1, t2) -> {
          RateRatioTest.Result r = orDegenerate(() -> RateRatioTest.withDefaults().test(new PersonTimeCounts(x1, t1, x2, t2)));
          if (r == null) {
            return;
          }
          RateRatioTest.Result s = RateRatioTest.withDefaults().test(new PersonTimeCounts(x2, t2, x1, t1));
          assertThat(close(s.pValue(), r.pValue(), 1e-9)).isTrue();
          if (x1 > 0 && x2 > 0) {
            assertThat(close(s.rateRatio().value(), 1 / r.rateRatio().value(), 1e-12)).isTrue();
            assertThat(close(s.rateRatio().interval().orElseThrow().upper(),
                1 / r.rateRatio().interval().orElseThrow().lower(), 1e-8)).isTrue();
          }
          assertThat(r.rateRatio().interval().orElseThrow().contains(r.rateRatio().value())).isTrue();
        });
  }

  @Test
  void adjustedPValuesNeverFallBelowRawAndKeepTheirOrder() {
    Gen<double[]> family = lists().of(doubles().between(0, 1)).ofSizeBetween(1, 30)
        .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
    qt().withExamples(EXAMPLES).forAll(family).checkAssert(p -> {
      double[] holm = PValueAdjustment.of(AdjustmentMethod.HOLM).adjust(p);
      double[] bh = PValueAdjustment.of(AdjustmentMethod.BENJAMINI_HOCHBERG).adjust(p);
      double[] bonferroni = PValueAdjustment.of(AdjustmentMethod.BONFERRONI).adjust(p);
      for (int i = 0; i < p.length; i++) {
        assertThat(holm[i]).isBetween(p[i], 1.0);
        assertThat(bh[i]).isBetween(p[i], 1.0);
        assertThat(bh[i]).isLessThanOrEqualTo(holm[i]);
        assertThat(holm[i]).isLessThanOrEqualTo(bonferroni[i]);
        for (int j = 0; j < p.length; j++) {
          if (p[i] < p[j]) {
            assertThat(holm[i]).as("Holm monotone in rank").isLessThanOrEqualTo(holm[j]);
            assertThat(bh[i]).as("BH monotone in rank").isLessThanOrEqualTo(bh[j]);
          }
        }
      }
    });
  }

  @Test
  void ancovaGroupEffectsIgnoreAShiftOfTheFollowUp() {
    Gen<GroupedPrePostSample> samples = QtGenerators.prePost(GroupedSamples.prePost(3, 3, 20, GroupedShape.CONTINUOUS));
    qt().withExamples(100).forAll(samples, integers().between(-50, 50)).checkAssert((s, c) -> {
      Ancova.Result r = orDegenerate(() -> Ancova.withDefaults().fit(s));
      if (r == null) {
        return;
      }
      double[] post = s.postValues();
      for (int i = 0; i < post.length; i++) {
        post[i] += c;
      }
      Ancova.Result m = Ancova.withDefaults().fit(GroupedPrePostSample.of(s.preValues(), post, s.groups()));
      for (int j = 1; j < r.ancova().coefficients().size(); j++) {
        assertThat(close(m.ancova().coefficients().get(j).estimate(), r.ancova().coefficients().get(j).estimate(), 1e-7)).isTrue();
        assertThat(close(m.ancova().coefficients().get(j).standardError(), r.ancova().coefficients().get(j).standardError(), 1e-7)).isTrue();
      }
      assertThat(close(m.ancova().coefficients().get(0).estimate(), r.ancova().coefficients().get(0).estimate() + c, 1e-7)).isTrue();
      assertThat(close(m.ancova().groupTest().pValue(), r.ancova().groupTest().pValue(), 1e-7)).isTrue();
      assertThat(r.ancova().rSquared()).isBetween(0.0, 1.0);
    });
  }
}
