package org.outcome.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.result.AnalysisResult;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.multiplicity.PValueAdjustment;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.McNemarTest;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.tables.ChiSquareTest;
import org.outcome.stats.tables.FisherExactTest;
import org.outcome.stats.tables.RateRatioTest;
import org.outcome.stats.tables.RiskComparison;

/**
 * The one result rule of {@code org.outcome.stats}: what an analysis returns is a public sealed
 * interface whose implementations are not public, so only the analysis can make one.
 */
class ResultShapeTest {
  private static final List<Class<?>> ANALYSIS_RESULTS = List.of(PairedTTest.Result.class,
      WilcoxonSignedRankTest.Result.class, McNemarTest.Result.class, PairedEffectSize.Result.class,
      ReliableChange.Result.class, TwoSampleTTest.Result.class, MannWhitneyTest.Result.class,
      StandardizedMeanDifference.Result.class, Ancova.Result.class, RiskComparison.Result.class,
      FisherExactTest.Result.class, ChiSquareTest.Result.class, RateRatioTest.Result.class,
      KaplanMeier.Result.class, LogRank.Result.class, Rmst.Result.class, CoxPh.Result.class);

  private static final List<Class<?>> OTHER_RESULTS = List.of(PValueAdjustment.Family.class,
      PValueAdjustment.Adjusted.class, AnalysisSet.Selection.class);

  @Test
  void everyAnalysisResultIsASealedInterfaceNestedInItsAnalysis() {
    for (Class<?> result : ANALYSIS_RESULTS) {
      assertThat(result.getSimpleName()).as(result.getName()).isEqualTo("Result");
      assertThat(result.getEnclosingClass()).as(result.getName()).isNotNull();
      assertThat(AnalysisResult.class.isAssignableFrom(result)).as(result.getName()).isTrue();
      assertCannotBeForged(result);
    }
    OTHER_RESULTS.forEach(ResultShapeTest::assertCannotBeForged);
  }

  private static void assertCannotBeForged(Class<?> result) {
    assertThat(result.isInterface()).as(result.getName() + " is an interface").isTrue();
    assertThat(result.isSealed()).as(result.getName() + " is sealed").isTrue();
    for (Class<?> implementation : result.getPermittedSubclasses()) {
      assertThat(Modifier.isPublic(implementation.getModifiers()))
          .as(implementation.getName() + " is not public").isFalse();
    }
  }
}
