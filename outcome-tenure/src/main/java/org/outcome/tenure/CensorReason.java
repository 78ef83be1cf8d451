package org.outcome.tenure;

import java.util.Locale;

/**
 * Why a person's follow-up ended. Follow-up ends on the earliest of these dates that applies;
 * when two fall on the same day the reason reported is the first in declaration order (death,
 * end of observation, window end, extraction).
 */
public enum CensorReason {
  /** The person died (the people file's {@code death_date}). */
  DEATH,
  /** The person's own end of observation (the people file's {@code end_date}): left the area, lost to follow-up, study end. */
  END_OF_OBSERVATION,
  /** The study window ended: index date + {@link TenureOptions#windowDays()}. */
  WINDOW_END,
  /** The data were extracted ({@link TenureOptions#extractionDate()}). */
  EXTRACTION;

  /** The spelling used in output: {@code death}, {@code end_of_observation}, {@code window_end}, {@code extraction}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
