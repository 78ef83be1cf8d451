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
 *
 * <p><b>Results.</b> Each analysis returns its nested {@code Result}: a sealed interface (an
 * {@link org.outcome.api.result.AnalysisResult}) whose one implementation is private to the
 * analysis class. Only the analysis makes a result, so a caller cannot build one with arbitrary
 * values; the accessors keep the names of the raw components, lists are unmodifiable and arrays
 * are copied in and out. Values that are not results (for example {@link org.outcome.stats.groups.Coefficient} and
 * {@link org.outcome.stats.groups.LinearModelFit}) are public records, validated in their
 * constructors, that copy any array they hold.
 */
package org.outcome.stats.groups;
