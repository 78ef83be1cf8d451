package org.outcome.tenure;

import java.util.Objects;
import java.util.Optional;

/**
 * A person's time to first psychiatric readmission, as one row of a survival analysis.
 *
 * @param days with an event, the first readmission's admission date − index date; without one,
 *     the end of follow-up − index date. At least 1 (a readmission is after the index date, and a
 *     person with no follow-up gets no time)
 * @param event whether the person was readmitted within follow-up
 * @param censorReason why follow-up ended, when there was no event; empty with an event
 */
public record TimeToReadmission(int days, boolean event, Optional<CensorReason> censorReason) {
  public TimeToReadmission {
    Objects.requireNonNull(censorReason, "censorReason");
    if (days < 1) {
      throw new IllegalArgumentException("time to readmission must be at least 1 day, got " + days);
    }
    if (event == censorReason.isPresent()) {
      throw new IllegalArgumentException("a censoring reason is given exactly when there is no event");
    }
  }

  /** A readmission after {@code days} days. */
  public static TimeToReadmission readmitted(int days) {
    return new TimeToReadmission(days, true, Optional.empty());
  }

  /** No readmission in {@code days} days of follow-up, which ended for {@code reason}. */
  public static TimeToReadmission censored(int days, CensorReason reason) {
    return new TimeToReadmission(days, false, Optional.of(reason));
  }

  /**
   * Whether the person was readmitted within {@code horizonDays}: true when readmitted on or
   * before that day; false when known to have stayed out that long (readmitted later, or censored
   * on or after that day); empty when censored earlier, so the answer is unknown. This is the rule
   * of {@link TenureResult#readmitted30()} and {@link TenureResult#readmitted90()}.
   *
   * @param horizonDays the horizon in days after the index date
   */
  public Optional<Boolean> readmittedWithin(int horizonDays) {
    if (event && days <= horizonDays) {
      return YES;
    }
    return days >= horizonDays ? NO : Optional.empty();
  }

  private static final Optional<Boolean> YES = Optional.of(true);
  private static final Optional<Boolean> NO = Optional.of(false);
}
