/**
 * Comparison-group analyses (concurrent, consecutive cohorts or historical controls), each an
 * immutable configuration object returning an immutable result:
 *
 * <ul>
 *   <li>{@link org.outcome.stats.groups.TwoSampleTTest} — Welch (default) and Student t-tests;
 *   <li>{@link org.outcome.stats.groups.MannWhitneyTest} — R's {@code wilcox.test(x, y)} with R's
 *       exact/approximate rule;
 *   <li>{@link org.outcome.stats.groups.StandardizedMeanDifference} — Cohen's d and Hedges' g with
 *       noncentral-t intervals;
 *   <li>{@link org.outcome.stats.groups.Ancova} — {@code post ~ pre + group} beside the
 *       change-score comparison, each labelled with its assumption.
 * </ul>
 *
 * <p>Differences are first group − second group; {@link org.outcome.stats.groups.GroupChoice}
 * says which groups and in which order.
 */
package org.outcome.stats.groups;
