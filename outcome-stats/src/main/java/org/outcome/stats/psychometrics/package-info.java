/**
 * Psychometrics on local data: how consistently a set of items measures one thing.
 *
 * <ul>
 *   <li>{@link org.outcome.stats.psychometrics.ItemResponses} — people's answers to the items, one
 *       column per item, complete cases kept and the rows left out counted;
 *   <li>{@link org.outcome.stats.psychometrics.InternalConsistency} — Cronbach's alpha, raw and
 *       standardised, item–total and item–rest correlations, alpha if an item is dropped, Feldt's
 *       and a bootstrap interval, as R's {@code psych::alpha}; and McDonald's omega total from a
 *       one-factor maximum-likelihood model ({@link org.outcome.stats.psychometrics.OneFactorModel}),
 *       as {@code psych::fa(x, 1, fm = "ml")}.
 * </ul>
 *
 * <p>Reverse-keyed items must be reversed before ({@code min + max − answer}); the command-line
 * tool does it from an instrument's definition.
 */
package org.outcome.stats.psychometrics;
