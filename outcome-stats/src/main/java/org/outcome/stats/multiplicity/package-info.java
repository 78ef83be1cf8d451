/**
 * Adjustment of p-values over a family of results: Holm, Benjamini–Hochberg and Bonferroni,
 * exactly as R's {@code p.adjust}
 * ({@link org.outcome.stats.multiplicity.PValueAdjustment}).
 *
 * <p><b>Results.</b> As everywhere in {@code org.outcome.stats}, what an analysis returns is a
 * sealed interface whose one implementation is private, so only
 * {@link org.outcome.stats.multiplicity.PValueAdjustment#adjust(java.util.List)} makes a
 * {@link org.outcome.stats.multiplicity.PValueAdjustment.Family}.
 */
package org.outcome.stats.multiplicity;
