package org.outcome.evaluation.report;

/**
 * A standardised effect size for the forest plot.
 *
 * @param outcome the outcome
 * @param comparison what is compared, for example {@code "change, peer support vs usual care, ITT"}
 * @param measure the measure, for example {@code "Hedges' g"}
 * @param value the estimate
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 */
public record EffectSize(String outcome, String comparison, String measure, double value, double lower, double upper) {}
