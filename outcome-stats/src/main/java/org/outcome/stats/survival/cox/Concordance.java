package org.outcome.stats.survival.cox;

/**
 * Harrell's concordance of the fitted risk scores, as {@code summary(coxph)} reports it (R's
 * {@code concordance}): among comparable pairs (the shorter time is an event; pairs are formed
 * within strata; a censored time equal to an event time counts as longer; two events at the same
 * time are not comparable), the share in which the row with the shorter time has the higher risk
 * score, tied scores counting one half.
 *
 * @param value {@code (concordant + tiedRisk / 2) / (concordant + discordant + tiedRisk)}
 * @param stdErr its infinitesimal-jackknife standard error (R's {@code std}), summed within
 *     clusters when the fit used a robust variance with clusters
 * @param concordant concordant pairs
 * @param discordant discordant pairs
 * @param tiedRisk comparable pairs with equal risk scores (R's {@code tied.x})
 * @param tiedTime pairs of events at the same time with different risk scores ({@code tied.y})
 * @param tiedRiskAndTime pairs of events at the same time with equal risk scores ({@code tied.xy})
 */
public record Concordance(double value, double stdErr, long concordant, long discordant, long tiedRisk,
    long tiedTime, long tiedRiskAndTime) {}
