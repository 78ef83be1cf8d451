package org.outcome.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.Psychometrics;
import org.outcome.api.instrument.Verification;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.multiplicity.AdjustmentMethod;
import org.outcome.stats.multiplicity.PValueAdjustment;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.AnalysisSet.DoseRule;
import org.outcome.stats.paired.AnalysisSet.Exclusion;
import org.outcome.stats.paired.PairedCohort;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.stats.tables.FisherExactTest;

/**
 * The Java example of docs/before-and-after-and-comparison.md with its numbers checked: the docs test
 * (outcome-cli's DocsSnippetsTest) shows that the snippet compiles and runs, this one that it says
 * what the page says it does.
 */
class DocsExampleValuesTest {
  @Test
  void theBeforeAndAfterExampleGivesItsStatedNumbers() {
    double na = Double.NaN;
    double[] baseline = {60, 55, 62, 58, 50, 64, 52, 57};
    double[] followUp = {72, 70, na, 59, 66, 68, 61, 63};
    double[] sessions = {12, 15, 11, 4, 20, 14, 18, 13};
    Psychometrics psychometrics = new Psychometrics(0.86, 8, OptionalDouble.of(65), "example", Verification.NOT_VERIFIED);

    // --- as in README.md ---
    AnalysisSet.Selection set = AnalysisSet.asTreated(DoseRule.moreThan(10))
        .select(PairedCohort.of(baseline, followUp).withDose(sessions));
    PairedSample pairs = set.sample();
    set.excluded(Exclusion.MISSING_FOLLOW_UP);

    PairedTTest.Result t = PairedTTest.withDefaults().withConfLevel(0.95).test(pairs);
    WilcoxonSignedRankTest.Result w = WilcoxonSignedRankTest.withDefaults().test(pairs);
    PairedEffectSize.withDefaults().compute(pairs).dz();
    ReliableChange.of(psychometrics, Polarity.HIGHER_IS_BETTER).classify(pairs).recovered();

    double[] values = {3, 5, 4, 6, 8, 7, 9, 5};
    String[] arms = {"peer", "peer", "peer", "peer", "usual", "usual", "usual", "usual"};
    double[] pre = {2, 4, 4, 5, 6, 7, 8, 5};
    GroupedSample scores = GroupedSample.of(values, Factor.of(arms));
    TwoSampleTTest.withDefaults().withGroups(GroupChoice.first("peer")).test(scores);
    Ancova.withDefaults().withReference("usual").fit(GroupedPrePostSample.of(pre, values, Factor.of(arms)));
    FisherExactTest.withDefaults().test(TwoByTwoTable.of(12, 48, 24, 36)).oddsRatio();
    PValueAdjustment.Family family = PValueAdjustment.of(AdjustmentMethod.HOLM).adjust(List.of(t, w));
    // --- end ---

    assertThat(set.included()).isEqualTo(6);
    assertThat(set.excluded(Exclusion.MISSING_FOLLOW_UP)).isEqualTo(1);
    assertThat(set.excluded(Exclusion.BELOW_DOSE)).isEqualTo(1);
    assertThat(family.members()).hasSize(2);
  }
}
