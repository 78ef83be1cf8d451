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
 *
 * <p><b>Results.</b> Each analysis returns its nested {@code Result}: a sealed interface (an
 * {@link org.outcome.api.result.AnalysisResult}) whose one implementation is private to the
 * analysis class. Only the analysis makes a result, so a caller cannot build one with arbitrary
 * values; the accessors keep the names of the raw components, lists are unmodifiable and arrays
 * are copied in and out. Values that are not results (for example
 * {@link org.outcome.stats.paired.AnalysisSet.DoseRule}) are public records, validated in their
 * constructors, that copy any array they hold.
 */
package org.outcome.stats.paired;
