/**
 * Fair comparisons of non-random groups: propensity scores and the balance they achieve.
 *
 * <ul>
 *   <li>{@link org.outcome.stats.balance.LogisticRegression} — the propensity model, fitted as R's
 *       {@code glm(..., family = binomial)}, with separation refused by name;
 *   <li>{@link org.outcome.stats.balance.Weighting} — inverse probability of treatment weights
 *       (ATE, ATT, stabilised; overlap weights), the weighted difference in means, Kish's effective
 *       sample size, and standardised mean differences before and after weighting.
 * </ul>
 *
 * <p>Not yet here (issue 16): matching, trimming, robust standard errors of the weighted effects,
 * the weighted Kaplan–Meier and Cox models, and the evaluation's adjustment section.
 */
package org.outcome.stats.balance;
