/**
 * Meta-analysis: pooling the effects of several sites (trusts, services or published studies).
 *
 * <ul>
 *   <li>{@link org.outcome.stats.meta.SiteEffects} — each site's effect and sampling variance,
 *       given or computed from summary data as metafor's {@code escalc} computes them (mean
 *       difference, standardised mean difference with Hedges' correction, log risk, odds and rate
 *       ratios);
 *   <li>{@link org.outcome.stats.meta.MetaAnalysis} — fixed-effect and random-effects models
 *       (DerSimonian–Laird, REML, Paule–Mandel) as metafor's {@code rma}, with the Knapp–Hartung
 *       adjustment, heterogeneity (Q, I², H², τ²), the prediction interval and leave-one-out.
 * </ul>
 */
package org.outcome.stats.meta;
