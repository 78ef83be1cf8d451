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
 */
package org.outcome.stats.tables;
