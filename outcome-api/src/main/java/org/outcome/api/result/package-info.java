/**
 * The contract every analysis result meets, so that reports, forest plots and multiplicity
 * adjustment can treat results alike: the method actually used, the number of observations used,
 * the primary {@link org.outcome.api.result.Estimate} with its
 * {@link org.outcome.api.result.ConfidenceInterval}, the
 * {@link org.outcome.api.result.HypothesisTest} (statistic, degrees of freedom, p), and every
 * {@link org.outcome.api.result.Warning}.
 *
 * <p>Concrete results (in {@code outcome-stats} and in plugins) are immutable records that keep
 * all their raw components; printing them is a separate concern: {@link
 * org.outcome.api.result.ResultText} writes the common parts as text with R's significant-digit
 * rules.
 */
package org.outcome.api.result;
