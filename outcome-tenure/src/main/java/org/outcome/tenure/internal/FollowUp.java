package org.outcome.tenure.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.outcome.tenure.CensorReason;
import org.outcome.tenure.Person;
import org.outcome.tenure.TenureOptions;

/**
 * The end of a person's follow-up: the earliest of death, end of observation, index date + window
 * and extraction date; on a tie, the first in that order names the reason.
 *
 * @param end the last day of follow-up
 * @param reason which date ended it
 */
public record FollowUp(LocalDate end, CensorReason reason) {

  /** The end of follow-up, or empty when none of the four dates applies. */
  public static Optional<FollowUp> of(Person person, TenureOptions options) {
    FollowUp best = null;
    best = earlier(best, person.death(), CensorReason.DEATH);
    best = earlier(best, person.endOfObservation(), CensorReason.END_OF_OBSERVATION);
    if (options.windowDays().isPresent()) {
      best = earlier(best, Optional.of(person.indexDate().plusDays(options.windowDays().getAsInt())),
          CensorReason.WINDOW_END);
    }
    best = earlier(best, options.extractionDate(), CensorReason.EXTRACTION);
    return Optional.ofNullable(best);
  }

  private static FollowUp earlier(FollowUp best, Optional<LocalDate> date, CensorReason reason) {
    if (date.isEmpty()) {
      return best;
    }
    // strictly earlier only: on a tie the reason found first (higher priority) stays
    return best == null || date.get().isBefore(best.end()) ? new FollowUp(date.get(), reason) : best;
  }
}
