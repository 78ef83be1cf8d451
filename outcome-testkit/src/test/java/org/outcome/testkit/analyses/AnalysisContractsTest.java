package org.outcome.testkit.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/** Each analysis contract passes a stand-in with the right invariances and catches a planted fault. */
class AnalysisContractsTest {
  private static String failure(Runnable verify) {
    Throwable thrown = catchThrowable(verify::run);
    assertThat(thrown).isInstanceOf(AssertionError.class);
    return thrown.getMessage();
  }

  @Test
  void pairedContract() {
    assertThatCode(() -> PairedContracts.of(s -> StandIns.signTest(s, false)).verify()).doesNotThrowAnyException();
    assertThat(failure(() -> PairedContracts.of(s -> StandIns.signTest(s, true)).withExamples(100).verify()))
        .contains("swapping before and after: p ")
        .contains("when swapped")
        .contains("pairs (before->after)");
  }

  @Test
  void groupContract() {
    assertThatCode(() -> GroupContracts.of(s -> StandIns.meanDifference(s, false)).verify()).doesNotThrowAnyException();
    assertThat(failure(() -> GroupContracts.of(s -> StandIns.meanDifference(s, true)).withExamples(100).verify()))
        .contains("shifting every value: adding 17 to every value changed the result")
        .contains("values: g1=[");
  }

  @Test
  void kaplanMeierContract() {
    assertThatCode(() -> SurvivalContracts.kaplanMeier(s -> StandIns.kaplanMeier(s, false)).verify())
        .doesNotThrowAnyException();
    assertThat(failure(() -> SurvivalContracts.kaplanMeier(s -> StandIns.kaplanMeier(s, true)).verify()))
        .contains("a survival curve: survival changed at time")
        .contains("where only censoring happens");
  }

  @Test
  void logRankContract() {
    assertThatCode(() -> SurvivalContracts.logRank(s -> StandIns.rankSpread(s, false)).verify())
        .doesNotThrowAnyException();
    assertThat(failure(() -> SurvivalContracts.logRank(s -> StandIns.rankSpread(s, true)).verify()))
        .contains("rescaling time: multiplying every time by 8 changed the result");
  }

  @Test
  void coxContract() {
    assertThatCode(() -> SurvivalContracts.coxCoefficients(s -> StandIns.slopes(s, false)).verify())
        .doesNotThrowAnyException();
    assertThat(failure(() -> SurvivalContracts.coxCoefficients(s -> StandIns.slopes(s, true)).verify()))
        .contains("shifting a covariate: adding 5 to covariate 2 gave coefficients");
  }
}
