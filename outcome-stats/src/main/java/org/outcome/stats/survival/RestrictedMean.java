package org.outcome.stats.survival;

/**
 * The restricted mean survival time of a curve up to {@code τ} — in tenure terms, the mean days
 * in the community within {@code τ} — with its standard error, as R's
 * {@code print(survfit, rmean = τ)} (function {@code survmean}): the area under the
 * Kaplan–Meier step function from 0 to {@code τ}, and
 * {@code se = sqrt(Σ A_i² d_i / (n_i (n_i - d_i)))} over event times {@code t_i ≤ τ}, where
 * {@code A_i} is the area under the curve from {@code t_i} to {@code τ} (terms with
 * {@code n_i = d_i} count as 0).
 *
 * @param tau the restriction time
 * @param mean the restricted mean
 * @param stdErr its standard error
 */
public record RestrictedMean(double tau, double mean, double stdErr) {}
