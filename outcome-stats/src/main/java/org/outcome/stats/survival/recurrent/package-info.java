/**
 * Recurrent events: every readmission counts, not only the first. The mean cumulative number of
 * events per person with a robust variance
 * ({@link org.outcome.stats.survival.recurrent.MeanCumulativeFunction}, as R survival's
 * {@code survfit(Surv(start, stop, event) ~ group, id = id)}), event rates with sandwich intervals
 * for over-dispersion ({@link org.outcome.stats.survival.recurrent.RecurrentRates}, as a Poisson
 * {@code glm} with {@code sandwich::vcovHC}), and the Prentice–Williams–Peterson forms of the rows
 * ({@link org.outcome.stats.survival.recurrent.RecurrentEvents}). The Andersen–Gill model itself
 * is {@link org.outcome.stats.survival.cox.CoxPh#fit(org.outcome.api.sample.CountingProcessSample)}.
 * Rows come as an {@link org.outcome.api.sample.CountingProcessSample}, one {@code (start, stop]}
 * interval in the community per row, with the person's id.
 */
package org.outcome.stats.survival.recurrent;
