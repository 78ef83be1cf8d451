package org.outcome.stats.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.stats.paired.AnalysisSet.DoseRule;
import org.outcome.stats.paired.AnalysisSet.Exclusion;

class AnalysisSetTest {
  static final double NA = Double.NaN;
  // eight people: sessions attended, baseline and follow-up (NaN = missing)
  static final double[] BEFORE = {10, 12, NA, 9, 14, 11, 13, 8};
  static final double[] AFTER = {14, NA, 15, 12, 18, 11, NA, 13};
  static final double[] SESSIONS = {12, 15, 11, 4, 20, NA, 9, 11};

  @Test
  void intentionToTreatKeepsCompleteCasesAndCountsTheRest() {
    AnalysisSet.Selection s = AnalysisSet.intentionToTreat().select(PairedCohort.of(BEFORE, AFTER));
    assertThat(s.enrolled()).isEqualTo(8);
    assertThat(s.included()).isEqualTo(5);
    assertThat(s.includedRows()).containsExactly(1, 4, 5, 6, 8);
    assertThat(s.excludedRows().get(Exclusion.MISSING_BASELINE)).containsExactly(3);
    assertThat(s.excludedRows().get(Exclusion.MISSING_FOLLOW_UP)).containsExactly(2, 7);
    assertThat(s.included() + s.excludedTotal()).isEqualTo(s.enrolled());
    assertThat(s.sample().differences()).containsExactly(4, 3, 4, 0, 5);
    assertThat(s.set().description()).contains("complete cases");
  }

  @Test
  void asTreatedAppliesTheDoseRuleFirst() {
    // "more than 10 sessions" (Resnick and Rosenheck 2008)
    AnalysisSet.Selection s = AnalysisSet.asTreated(DoseRule.moreThan(10))
        .select(PairedCohort.of(BEFORE, AFTER).withDose(SESSIONS));
    assertThat(s.includedRows()).containsExactly(1, 5, 8);
    assertThat(s.excluded(Exclusion.BELOW_DOSE)).isEqualTo(2); // rows 4 and 7
    assertThat(s.excluded(Exclusion.DOSE_UNKNOWN)).isEqualTo(1); // row 6
    assertThat(s.excluded(Exclusion.MISSING_BASELINE)).isEqualTo(1); // row 3
    assertThat(s.excluded(Exclusion.MISSING_FOLLOW_UP)).isEqualTo(1); // row 2
    assertThat(s.included() + s.excludedTotal()).isEqualTo(8);
    assertThat(AnalysisSet.asTreated(DoseRule.atLeast(11)).select(PairedCohort.of(BEFORE, AFTER).withDose(SESSIONS))
        .includedRows()).containsExactly(1, 5, 8);
  }

  @Test
  void asTreatedWithoutDosesIsAnInputError() {
    assertThatThrownBy(() -> AnalysisSet.asTreated(DoseRule.moreThan(10)).select(PairedCohort.of(BEFORE, AFTER)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("dose");
  }

  @Test
  void infiniteScoresAndNegativeDosesNameTheRow() {
    assertThatThrownBy(() -> PairedCohort.of(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 2}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 2, column before");
    assertThatThrownBy(() -> PairedCohort.of(new double[] {1}, new double[] {2}).withDose(new double[] {-1}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("row 1, column dose");
  }

  @Test
  void eachSetHasAKindWithAFixedLabel() {
    assertThat(AnalysisSet.intentionToTreat().kind()).isEqualTo(AnalysisSet.Kind.INTENTION_TO_TREAT);
    assertThat(AnalysisSet.asTreated(DoseRule.moreThan(10)).kind()).isEqualTo(AnalysisSet.Kind.AS_TREATED);
    assertThat(AnalysisSet.Kind.INTENTION_TO_TREAT.label()).isEqualTo("intention-to-treat");
    assertThat(AnalysisSet.Kind.AS_TREATED.label()).isEqualTo("as-treated");
    assertThat(AnalysisSet.intentionToTreat().description()).startsWith(AnalysisSet.Kind.INTENTION_TO_TREAT.label());
    assertThat(AnalysisSet.asTreated(DoseRule.atLeast(3)).description()).startsWith(AnalysisSet.Kind.AS_TREATED.label());
  }

  @Test
  void aDoseRuleDescribesItselfWithItsUnitAndWholeNumbersWithoutDecimals() {
    assertThat(AnalysisSet.asTreated(DoseRule.moreThan(10).withUnit("sessions")).description())
        .isEqualTo("as-treated (more than 10 sessions), complete cases");
    assertThat(DoseRule.atLeast(11).withUnit("sessions").description()).isEqualTo("at least 11 sessions");
    assertThat(DoseRule.moreThan(10).description()).isEqualTo("dose more than 10");
    assertThat(DoseRule.atLeast(2.5).withUnit("hours").toString()).isEqualTo("at least 2.5 hours");
    assertThat(DoseRule.moreThan(1e7).description()).isEqualTo("dose more than 10000000");
  }

  @Test
  void theUnitOnlyChangesTheWords() {
    DoseRule plain = DoseRule.moreThan(10);
    DoseRule sessions = plain.withUnit("sessions");
    assertThat(sessions.accepts(11)).isTrue();
    assertThat(sessions.accepts(10)).isFalse();
    assertThat(AnalysisSet.asTreated(sessions).select(PairedCohort.of(BEFORE, AFTER).withDose(SESSIONS)).includedRows())
        .containsExactly(AnalysisSet.asTreated(plain).select(PairedCohort.of(BEFORE, AFTER).withDose(SESSIONS))
            .includedRows());
    assertThatThrownBy(() -> plain.withUnit(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
