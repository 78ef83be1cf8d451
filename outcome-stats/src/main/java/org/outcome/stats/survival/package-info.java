/**
 * Survival analysis equal to R's {@code survival} package (3.5): Kaplan–Meier curves
 * ({@link org.outcome.stats.survival.KaplanMeier}), the log-rank and G-rho tests
 * ({@link org.outcome.stats.survival.LogRank}) and restricted mean survival time
 * ({@link org.outcome.stats.survival.Rmst}).
 *
 * <p>Every analysis runs in two steps. First the rows of a
 * {@link org.outcome.api.sample.SurvivalSample} are reduced, in one pass after finding the
 * distinct times, to a {@link org.outcome.stats.survival.SurvivalCounts}: events and censorings
 * per stratum, group and distinct time. Then the analysis is computed from those counts alone.
 * The counts are public and mergeable, so the same engines run over counts aggregated elsewhere
 * (a database, a Spark job) without the rows.
 *
 * <p>Configurations are immutable ({@code withDefaults()}, {@code with...}); results keep every
 * component R's objects hold; printing is left to the caller. Where R gives {@code NA}, scalar
 * results are absent ({@code OptionalDouble.empty()}) and per-time arrays hold {@code NaN}, as
 * each class documents.
 *
 * <p><b>Results.</b> Each analysis returns its nested {@code Result}: a sealed interface (an
 * {@link org.outcome.api.result.AnalysisResult}) whose one implementation is private to the
 * analysis class. Only the analysis makes a result, so a caller cannot build one with arbitrary
 * values; the accessors keep the names of the raw components, lists are unmodifiable and arrays
 * are copied in and out. Values that are not results (for example {@link org.outcome.stats.survival.SurvivalAt} and
 * {@link org.outcome.stats.survival.MedianSurvival}) are public records, validated in their
 * constructors, that copy any array they hold.
 */
package org.outcome.stats.survival;
