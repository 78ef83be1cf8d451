package org.outcome.api.sample;

import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * Event counts on person-time in two groups (readmissions per person-year), for a rate ratio.
 *
 * @param events1 events in the first group
 * @param personTime1 person-time at risk in the first group; positive
 * @param events2 events in the second group
 * @param personTime2 person-time at risk in the second group; positive
 */
public record PersonTimeCounts(long events1, double personTime1, long events2, double personTime2)
    implements Sample {
  public PersonTimeCounts {
    CountChecks.nonNegative("event counts", events1, events2);
    if (!(personTime1 > 0) || !Double.isFinite(personTime1)) {
      throw InvalidInputException.of("invalid person-time",
          Violation.at("personTime[1]", "person-time " + personTime1 + " must be positive and finite"));
    }
    if (!(personTime2 > 0) || !Double.isFinite(personTime2)) {
      throw InvalidInputException.of("invalid person-time",
          Violation.at("personTime[2]", "person-time " + personTime2 + " must be positive and finite"));
    }
  }

  /** The total number of events, as an int where it fits. */
  @Override
  public int size() {
    return Math.toIntExact(events1 + events2);
  }
}
