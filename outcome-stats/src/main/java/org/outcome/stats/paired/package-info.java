/**
 * Before-and-after (paired) analyses, each an immutable configuration object with
 * {@code withDefaults()} and {@code with...} methods, returning an immutable result that keeps
 * every raw component and implements {@link org.outcome.api.result.AnalysisResult}:
 *
 * <ul>
 *   <li>{@link org.outcome.stats.paired.PairedTTest} — R's {@code t.test(after, before, paired = TRUE)};
 *   <li>{@link org.outcome.stats.paired.WilcoxonSignedRankTest} — R's
 *       {@code wilcox.test(after, before, paired = TRUE)}, with R's exact/approximate rule and the
 *       method actually used reported;
 *   <li>{@link org.outcome.stats.paired.McNemarTest} — a binary outcome before and after
 *       (corrected, uncorrected and exact);
 *   <li>{@link org.outcome.stats.paired.PairedEffectSize} — Cohen's d_z and d_av, Hedges' g,
 *       with noncentral-t intervals;
 *   <li>{@link org.outcome.stats.paired.ReliableChange} — Jacobson–Truax reliable and clinically
 *       significant change per person;
 *   <li>{@link org.outcome.stats.paired.AnalysisSet} and
 *       {@link org.outcome.stats.paired.PairedCohort} — intention-to-treat and as-treated sets,
 *       with every exclusion counted.
 * </ul>
 *
 * <p>Differences are always {@code after - before}.
 */
package org.outcome.stats.paired;
