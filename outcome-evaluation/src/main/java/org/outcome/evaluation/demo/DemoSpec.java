package org.outcome.evaluation.demo;

import java.time.LocalDate;

/**
 * The generating model of the demonstration evaluation, every effect stated.
 *
 * <p><b>Design</b> (mirroring the seed literature). Two consecutive cohorts discharged from
 * psychiatric hospital: usual care (index discharges in 2022) and peer support (2023), as in
 * Resnick and Rosenheck 2008. Peer-support participants attend a number of sessions drawn from a
 * gamma-Poisson mixture (mean {@code meanSessions}); the as-treated set is those with more than 10.
 *
 * <p><b>Questionnaires</b> at baseline and follow-up (a fraction {@code followUpRate} complete
 * follow-up): Empowerment Scale (28 items, 1-4), MHCS (16 items, 1-6) and SWEMWBS (7 items,
 * 1-5). Each person has a latent level z ~ N(0, 1); an instrument's target item mean is
 * {@code centre + spread * z} at baseline, and at follow-up that plus a common drift plus, in the
 * peer-support group, {@code ittEffect} for everyone and {@code extraEffectOver10} more for those
 * with more than 10 sessions, plus person-level noise. Each keyed item answer is the target plus
 * item noise, rounded and clipped to the scale, then un-reversed for reverse-keyed items.
 * The expected differences this implies on each score's own scale are stated in docs/evaluations.md.
 *
 * <p><b>Hospital episodes</b> over three years from the index discharge. Time to each
 * psychiatric admission after a discharge is exponential: a proportion {@code oneYearReadmission}
 * of usual-care patients are readmitted within a year, and peer support multiplies the hazard by
 * {@code hazardRatio} (Min et al. 2007 reported longer community tenure). Lengths of stay are
 * log-normal (median {@code medianStayDays}); a share of stays end in a transfer (the next
 * episode starts the day of discharge or the day after); some people have non-psychiatric stays;
 * a few die or are lost to follow-up. The data are extracted on {@code extractionDate}, so late
 * 2023 discharges are followed for a little under three years.
 *
 * @param seed the random seed; the same seed gives the same files
 * @param perGroup people per group
 * @param followUpRate the share completing the follow-up questionnaires
 * @param meanSessions mean sessions attended in the peer-support group
 * @param esItt Empowerment Scale: effect on the item mean for every peer-support participant
 * @param esExtra Empowerment Scale: further effect for those with more than 10 sessions
 * @param mhcsItt MHCS: effect on the item mean for every peer-support participant
 * @param mhcsExtra MHCS: further effect for those with more than 10 sessions
 * @param swemwbsItt SWEMWBS: effect on the item mean for every peer-support participant
 * @param swemwbsExtra SWEMWBS: further effect for those with more than 10 sessions
 * @param oneYearReadmission the probability of readmission within a year under usual care
 * @param hazardRatio the readmission hazard ratio, peer support against usual care
 * @param medianStayDays the median length of a psychiatric stay, in days
 * @param extractionDate the date the data were extracted
 */
public record DemoSpec(
    long seed,
    int perGroup,
    double followUpRate,
    double meanSessions,
    double esItt,
    double esExtra,
    double mhcsItt,
    double mhcsExtra,
    double swemwbsItt,
    double swemwbsExtra,
    double oneYearReadmission,
    double hazardRatio,
    double medianStayDays,
    LocalDate extractionDate) {

  public DemoSpec {
    if (perGroup < 10) {
      throw new IllegalArgumentException("the demo needs at least 10 people per group, got " + perGroup);
    }
    if (!(followUpRate > 0 && followUpRate <= 1) || !(oneYearReadmission > 0 && oneYearReadmission < 1)
        || !(hazardRatio > 0) || !(medianStayDays > 0) || !(meanSessions > 0)) {
      throw new IllegalArgumentException("demo rates must be positive and proportions in (0, 1]");
    }
  }

  /** The demo as docs/evaluations.md describes it: 250 people per group, seed 2026. */
  public static DemoSpec standard() {
    return new DemoSpec(2026, 250, 0.85, 11, 0.10, 0.15, 0.15, 0.25, 0.15, 0.15, 0.40, 0.65, 18,
        LocalDate.of(2026, 9, 30));
  }

  /** The same model with another seed. */
  public DemoSpec withSeed(long newSeed) {
    return new DemoSpec(newSeed, perGroup, followUpRate, meanSessions, esItt, esExtra, mhcsItt, mhcsExtra,
        swemwbsItt, swemwbsExtra, oneYearReadmission, hazardRatio, medianStayDays, extractionDate);
  }

  /** The same model with another group size. */
  public DemoSpec withPerGroup(int people) {
    return new DemoSpec(seed, people, followUpRate, meanSessions, esItt, esExtra, mhcsItt, mhcsExtra,
        swemwbsItt, swemwbsExtra, oneYearReadmission, hazardRatio, medianStayDays, extractionDate);
  }

  /** The daily readmission hazard under usual care. */
  public double usualCareHazardPerDay() {
    return -Math.log(1 - oneYearReadmission) / 365;
  }
}
