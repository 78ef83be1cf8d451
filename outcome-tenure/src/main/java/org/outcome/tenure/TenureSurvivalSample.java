package org.outcome.tenure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.outcome.api.SubjectId;
import org.outcome.api.sample.SurvivalSample;

/**
 * Time to first readmission as a {@link SurvivalSample} for Kaplan-Meier, log-rank and Cox
 * analyses, with the people left out and why.
 *
 * @param sample one row per included person, in the results' order: time in days, event =
 *     readmitted, and the group as a {@link org.outcome.api.sample.Factor} when every included
 *     person has one
 * @param subjects the subject of each row of {@code sample}, to join other data on
 * @param excluded how many people were left out (each person once)
 * @param excludedByFlag for each excluding flag, how many people carry it (a person with two
 *     excluding flags counts under both, so these may add up to more than {@code excluded})
 */
public record TenureSurvivalSample(SurvivalSample sample, List<SubjectId> subjects, int excluded,
    Map<TenureFlag, Integer> excludedByFlag) {
  public TenureSurvivalSample {
    Objects.requireNonNull(sample, "sample");
    subjects = List.copyOf(subjects);
    excludedByFlag = Map.copyOf(excludedByFlag);
    if (subjects.size() != sample.size()) {
      throw new IllegalArgumentException("one subject per row of the sample");
    }
  }
}
