/**
 * Framework-neutral generators of analysis samples, with the edge cases forced in rather than left
 * to luck. Each generator picks one of the requested <em>shapes</em> (for example
 * {@link org.outcome.testkit.samples.PairedShape#SOME_ZERO_DIFFERENCES} or
 * {@link org.outcome.testkit.samples.SurvivalShape#ALL_CENSORED}) and then draws a sample of that
 * shape, so that every shape appears in a run of a few dozen examples.
 *
 * <p>Every generator draws only from the {@link java.util.random.RandomGenerator} it is given,
 * through {@code nextInt(origin, bound)}, {@code nextDouble()} and {@code nextBoolean()}, and maps
 * smaller draws to smaller, simpler samples (fewer rows, lower values, the first shape listed).
 * That is what lets the QuickTheories layer ({@link org.outcome.testkit.quicktheories.QtGenerators})
 * shrink a failing sample toward a small, readable counterexample.
 */
package org.outcome.testkit.samples;
