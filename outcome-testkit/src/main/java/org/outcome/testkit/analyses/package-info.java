/**
 * Contracts for analyses, as invariants any correct implementation meets, checked on generated
 * samples with the edge cases forced in ({@link org.outcome.testkit.samples}). The testkit does
 * not depend on any analysis implementation: a contract takes the analysis as a function, so a
 * test adapts its own result type in one lambda.
 *
 * <pre>{@code
 * SurvivalContracts.kaplanMeier(sample -> {
 *   var fit = KaplanMeier.withDefaults().fit(sample);
 *   return new SurvivalCurve(fit.time(), fit.survival());
 * }).verify();
 * PairedContracts.of(sample -> PairedTTest.withDefaults().test(sample)).verify();
 * }</pre>
 *
 * <p>Every contract accepts {@link org.outcome.api.DegenerateDataException} as the answer to a
 * degenerate sample, but never another exception, and requires a result on the plain
 * (continuous, untied) shapes.
 */
package org.outcome.testkit.analyses;
