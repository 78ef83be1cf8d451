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
            "Pairs independent of one another; differences (after - before) roughly normal, or enough pairs for "
                + "their mean to be. Nothing is assumed about the before and after scores themselves.",
            (s, o) -> PairedTTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("wilcoxon-signed-rank", "Wilcoxon signed-rank test", PAIRED, PairedSample.class,
            "Pairs independent of one another; differences symmetric about their median, which is what is tested "
                + "(zero differences are dropped). No normality is assumed.",
            (s, o) -> WilcoxonSignedRankTest.withDefaults().test(s)),
        SimpleAnalysis.of("paired-effect-size", "Standardized mean change (d_z, d_av, Hedges' g)", PAIRED,
            PairedSample.class,
            "Pairs independent of one another; the intervals, from the noncentral t, assume roughly normal "
                + "differences (exact for d_z, approximate for d_av).",
            (s, o) -> PairedEffectSize.withDefaults().withConfLevel(o.confLevel()).compute(s)),
        SimpleAnalysis.of("mcnemar", "McNemar's test", PAIRED, PairedBinaryTable.class,
            "A binary outcome measured twice on independent people; only the discordant pairs inform the test, and "
                + "its chi-square form needs a fair number of them (else read the exact binomial p).",
            (s, o) -> McNemarTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("welch-t", "Welch two-sample t-test", GROUPS, GroupedSample.class,
            "Independent observations; group means roughly normal (values roughly normal, or large groups); "
                + "does not assume equal variances.",
            (s, o) -> TwoSampleTTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("student-t", "Student two-sample t-test", GROUPS, GroupedSample.class,
            "Independent observations; group means roughly normal (values roughly normal, or large groups); "
                + "equal variances in the two groups (Welch's test does without).",
            (s, o) -> TwoSampleTTest.student().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("mann-whitney", "Mann-Whitney (Wilcoxon rank-sum) test", GROUPS, GroupedSample.class,
            "Independent observations; tests whether values in one group tend to be larger than in the other, "
                + "which is a difference in medians only if the two distributions have the same shape.",
            (s, o) -> MannWhitneyTest.withDefaults().test(s)),
        SimpleAnalysis.of("standardized-mean-difference", "Cohen's d and Hedges' g", GROUPS, GroupedSample.class,
            "Independent groups with roughly normal values and a common standard deviation (the pooled SD "
                + "standardises, and the noncentral-t intervals are exact only then).",
            (s, o) -> StandardizedMeanDifference.withDefaults().withConfLevel(o.confLevel()).compute(s)),
        SimpleAnalysis.of("ancova", "ANCOVA on baseline with change-score comparison", GROUPS,
            GroupedPrePostSample.class,
            "Outcome linear in baseline with the same slope in every group; residuals independent, roughly normal, "
                + "of equal variance. The group effect is unbiased for randomised groups; for pre-existing groups "
                + "it may differ from the change-score comparison reported beside it.",
            (s, o) -> Ancova.withDefaults().withConfLevel(o.confLevel()).fit(s)),
        SimpleAnalysis.of("fisher-exact", "Fisher's exact test", GROUPS, TwoByTwoTable.class,
            "Independent people, each counted once; conditions on both margins of the table, so it is valid "
                + "however small the counts.",
            (s, o) -> FisherExactTest.withDefaults().withConfLevel(o.confLevel()).test(s)),
        SimpleAnalysis.of("chi-square", "Pearson's chi-squared test (Yates)", GROUPS, TwoByTwoTable.class,
            "Independent people, each counted once; expected counts large enough (about 5 or more in every cell) "
                + "for the chi-square approximation, with Yates's continuity correction.",
            (s, o) -> ChiSquareTest.withDefaults().test(s)),
        SimpleAnalysis.of("risk-ratio", "Risk ratio", GROUPS, TwoByTwoTable.class,
            "Independent people, each with a binary outcome; a crude comparison, not adjusted for other "
                + "differences between the groups; the log-scale Wald interval needs events in both groups.",
            (s, o) -> RiskComparison.withDefaults().withConfLevel(o.confLevel()).compare(s)),
        SimpleAnalysis.of("risk-difference", "Risk difference", GROUPS, TwoByTwoTable.class,
            "Independent people, each with a binary outcome; a crude comparison, not adjusted for other "
                + "differences between the groups; the Wald interval needs enough events and non-events in each.",
            (s, o) -> RiskComparison.withDefaults().withMeasure(RiskComparison.Measure.RISK_DIFFERENCE)
                .withConfLevel(o.confLevel()).compare(s)),
        SimpleAnalysis.of("rate-ratio", "Rate ratio on person-time (exact)", GROUPS, PersonTimeCounts.class,
            "Events in each group occur independently at a constant rate over person-time (Poisson; repeated "
                + "events of the same people add overdispersion, which it ignores); the exact test conditions on "
                + "the total number of events.",
            (s, o) -> RateRatioTest.withDefaults().withConfLevel(o.confLevel()).test(s)));
  }
}
