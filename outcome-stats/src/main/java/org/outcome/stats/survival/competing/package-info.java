/**
 * Competing risks, equal to cmprsk 2.2-11: the cumulative incidence of each cause per group with
 * its variance and Gray's test ({@link org.outcome.stats.survival.competing.CumulativeIncidence},
 * as {@code cuminc} and {@code timepoints}), and the Fine–Gray subdistribution hazards model
 * ({@link org.outcome.stats.survival.competing.FineGray}, as {@code crr}). When death competes
 * with readmission, these give the probability of readmission by a time, which one minus a
 * Kaplan–Meier curve that censors deaths overstates. The cause-specific Cox model beside them is
 * {@link org.outcome.stats.survival.cox.CoxPh} with the other causes censored.
 *
 * <p>Data come as an {@link org.outcome.api.sample.CompetingRisksSample}: status 0 censored, 1, 2,
 * … the cause. Everything runs on the rows sorted once: O(n log n), where cmprsk's {@code crr} is
 * quadratic in the number of subjects per iteration.
 */
package org.outcome.stats.survival.competing;
