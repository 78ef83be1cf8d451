/**
 * Adjustment of p-values over a family of results: Holm, Benjamini–Hochberg and Bonferroni,
 * exactly as R's {@code p.adjust}
 * ({@link org.outcome.stats.multiplicity.PValueAdjustment}).
 */
package org.outcome.stats.multiplicity;
