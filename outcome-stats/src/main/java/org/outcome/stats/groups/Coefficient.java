package org.outcome.stats.groups;

import org.outcome.api.result.ConfidenceInterval;

/**
 * One row of a linear model's coefficient table, as R's {@code summary(lm)} and
 * {@code confint(lm)} give it.
 *
 * @param term the term, named as R names it: {@code (Intercept)}, the covariate's name, or the
 *     factor's name followed by the level ({@code groupdiet2})
 * @param estimate the coefficient
 * @param standardError its standard error
 * @param t {@code estimate / standardError}
 * @param pValue the two-sided p-value on the residual degrees of freedom
 * @param interval the confidence interval {@code estimate ± qt((1 + level)/2, df) * se}
 */
public record Coefficient(String term, double estimate, double standardError, double t, double pValue,
    ConfidenceInterval interval) {}
