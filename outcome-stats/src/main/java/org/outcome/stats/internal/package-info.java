/**
 * Shared numerics of the analyses, not exported: R's root finder ({@link
 * org.outcome.stats.internal.Zeroin}), the noncentral t ({@link org.outcome.stats.internal.NoncentralT}),
 * the exact signed-rank and rank-sum distributions, pooled ranking with ties, the noncentral
 * hypergeometric distribution of Fisher's test, exact binomial inference, least squares, and the
 * adapters that register the analyses with the {@link org.outcome.api.plugin.AnalysisRegistry}.
 * Everything Hipparchus provides (distributions, special functions, QR) is used from Hipparchus.
 */
package org.outcome.stats.internal;
