package org.outcome.stats.internal;

import java.util.List;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.Design;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedBinaryTable;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.paired.McNemarTest;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.stats.tables.ChiSquareTest;
import org.outcome.stats.tables.FisherExactTest;
import org.outcome.stats.tables.RateRatioTest;
import org.outcome.stats.tables.RiskComparison;

/**
 * Registers the before-and-after and comparison-group analyses with the
 * {@link org.outcome.api.plugin.AnalysisRegistry} (module {@code provides} and
 * {@code META-INF/services}). Each analysis runs the configuration object's defaults with the
 * settings' confidence level; options beyond the settings are for the Java API.
 */
public final class ComparisonAnalyses implements AnalysisProvider {
  private static final Design PAIRED = Design.BEFORE_AND_AFTER;
  private static final Design GROUPS = Design.COMPARISON_GROUP;

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public ComparisonAnalyses() {
    // nothing to set up
  }

  @Override
  public List<Analysis<?>> analyses() {
    return List.of(
        SimpleAnalysis.of("paired-t", "Paired t-test", PAIRED, PairedSample.class,
            (s, o) -> PairedTTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("wilcoxon-signed-rank", "Wilcoxon signed-rank test", PAIRED, PairedSample.class,
            (s, o) -> WilcoxonSignedRankTest.withDefaults().test(s)),
        SimpleAnalysis.of("paired-effect-size", "Standardized mean change (d_z, d_av, Hedges' g)", PAIRED,
            PairedSample.class, (s, o) -> PairedEffectSize.withDefaults().withConfLevel(o.confLevel()).compute(s)),
        SimpleAnalysis.of("mcnemar", "McNemar's test", PAIRED, PairedBinaryTable.class,
            (s, o) -> McNemarTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("welch-t", "Welch two-sample t-test", GROUPS, GroupedSample.class,
            (s, o) -> TwoSampleTTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("student-t", "Student two-sample t-test", GROUPS, GroupedSample.class,
            (s, o) -> TwoSampleTTest.student().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("mann-whitney", "Mann-Whitney (Wilcoxon rank-sum) test", GROUPS, GroupedSample.class,
            (s, o) -> MannWhitneyTest.withDefaults().test(s)),
        SimpleAnalysis.of("standardized-mean-difference", "Cohen's d and Hedges' g", GROUPS, GroupedSample.class,
            (s, o) -> StandardizedMeanDifference.withDefaults().withConfLevel(o.confLevel()).compute(s)),
        SimpleAnalysis.of("ancova", "ANCOVA on baseline with change-score comparison", GROUPS,
            GroupedPrePostSample.class, (s, o) -> Ancova.withDefaults().withConfLevel(o.confLevel()).fit(s)),
        SimpleAnalysis.of("fisher-exact", "Fisher's exact test", GROUPS, TwoByTwoTable.class,
            (s, o) -> FisherExactTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("chi-square", "Pearson's chi-squared test (Yates)", GROUPS, TwoByTwoTable.class,
            (s, o) -> ChiSquareTest.withDefaults().test(s)),
        SimpleAnalysis.of("risk-ratio", "Risk ratio", GROUPS, TwoByTwoTable.class,
            (s, o) -> RiskComparison.withDefaults().withConfLevel(o.confLevel()).compare(s)),
        SimpleAnalysis.of("risk-difference", "Risk difference", GROUPS, TwoByTwoTable.class,
            (s, o) -> RiskComparison.withDefaults().withMeasure(RiskComparison.Measure.RISK_DIFFERENCE)
                .withConfLevel(o.confLevel()).compare(s)),
        SimpleAnalysis.of("rate-ratio", "Rate ratio on person-time (exact)", GROUPS, PersonTimeCounts.class,
            (s, o) -> RateRatioTest.withDefaults().withConfLevel(o.confLevel()).test(s)));
  }
}
