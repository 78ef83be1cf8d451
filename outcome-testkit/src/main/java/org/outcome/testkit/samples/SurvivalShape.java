package org.outcome.testkit.samples;

/** The kinds of time-to-event sample {@link SurvivalSamples} generates. */
public enum SurvivalShape {
  /** Times on a fine grid with random censoring: ties rare. */
  CONTINUOUS_TIMES,
  /** Whole days in a short range: many tied times, events and censorings at the same times. */
  WHOLE_DAY_TIES,
  /** Some censoring times equal event times (R counts such a person at risk at that time). */
  CENSORED_AT_EVENT_TIMES,
  /** Every time is an event: the Kaplan-Meier curve reaches zero. */
  NO_CENSORING,
  /** The largest time is censored: the Kaplan-Meier curve stops above zero. */
  LAST_CENSORED,
  /** Exactly one event. */
  SINGLE_EVENT,
  /** When there are groups, the first group has a single member. */
  UNBALANCED_GROUPS,
  /** No events at all. Degenerate for log-rank and Cox. */
  ALL_CENSORED;

  /** The shapes that always have at least one event. */
  public static SurvivalShape[] withEvents() {
    return new SurvivalShape[] {CONTINUOUS_TIMES, WHOLE_DAY_TIES, CENSORED_AT_EVENT_TIMES, NO_CENSORING,
        LAST_CENSORED, SINGLE_EVENT, UNBALANCED_GROUPS};
  }
}
