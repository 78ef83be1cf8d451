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
 */
package org.outcome.stats.survival;
