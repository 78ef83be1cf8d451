/**
 * The Cox proportional hazards model, equal to R survival 3.5-3's {@code coxph}, {@code summary(coxph)}
 * and {@code cox.zph}: Efron and Breslow ties, strata, robust (sandwich) variance with clusters,
 * likelihood-ratio, Wald and score tests, concordance and the test of proportional hazards.
 *
 * <p>Start with {@link org.outcome.stats.survival.cox.CoxPh#withDefaults()}, adjust with its
 * {@code with...} methods and call {@link org.outcome.stats.survival.cox.CoxPh#fit fit} on a
 * {@link org.outcome.api.sample.SurvivalSample}; the
 * {@link org.outcome.stats.survival.cox.CoxPh.Result} keeps every raw component. The engine sorts the
 * rows once and makes each Newton–Raphson iteration one linear pass of cumulative risk-set sums
 * (O(n p^2)); concordance is O(n log n).
 *
 * <p><b>Results.</b> Each analysis returns its nested {@code Result}: a sealed interface (an
 * {@link org.outcome.api.result.AnalysisResult}) whose one implementation is private to the
 * analysis class. Only the analysis makes a result, so a caller cannot build one with arbitrary
 * values; the accessors keep the names of the raw components, lists are unmodifiable and arrays
 * are copied in and out. Values that are not results (for example {@link org.outcome.stats.survival.cox.CoxTerm} and
 * {@link org.outcome.stats.survival.cox.Concordance}) are public records, validated in their
 * constructors, that copy any array they hold.
 */
package org.outcome.stats.survival.cox;
