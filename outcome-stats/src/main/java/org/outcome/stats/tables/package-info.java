/**
 * Count data: 2×2 tables of independent groups and event rates on person-time.
 *
 * <ul>
 *   <li>{@link org.outcome.stats.tables.RiskComparison} — risk ratio, risk difference, odds ratio
 *       and number needed to treat with Wald intervals, and a stated zero-cell convention;
 *   <li>{@link org.outcome.stats.tables.FisherExactTest} — R's {@code fisher.test}: exact p, the
 *       conditional MLE odds ratio and its exact interval;
 *   <li>{@link org.outcome.stats.tables.ChiSquareTest} — R's {@code chisq.test} with and without
 *       Yates' correction;
 *   <li>{@link org.outcome.stats.tables.RateRatioTest} — R's two-sample {@code poisson.test}.
 * </ul>
 *
 * <p>Tables are read with rows exposed / unexposed and columns event / no event
 * ({@link org.outcome.api.sample.TwoByTwoTable}). McNemar's test for paired binary data is in
 * {@code org.outcome.stats.paired}.
 *
 * <p><b>Results.</b> Each analysis returns its nested {@code Result}: a sealed interface (an
 * {@link org.outcome.api.result.AnalysisResult}) whose one implementation is private to the
 * analysis class. Only the analysis makes a result, so a caller cannot build one with arbitrary
 * values; the accessors keep the names of the raw components, lists are unmodifiable and arrays
 * are copied in and out. Values that are not results (for example {@link org.outcome.stats.tables.NumberNeededToTreat}) are public records, validated in their
 * constructors, that copy any array they hold.
 */
package org.outcome.stats.tables;
