package org.outcome.tenure;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Consecutive episodes of one person joined into one hospital stay: overlapping episodes, and an
 * episode admitted at most {@link TenureOptions#gapDays()} days after the stay's discharge so far.
 *
 * @param admission the first episode's admission date
 * @param discharge the latest discharge of the stay's episodes; empty when one of them is open
 * @param episodes how many episodes were joined (1 for a stay of one episode)
 */
public record Stay(LocalDate admission, Optional<LocalDate> discharge, int episodes) {
  public Stay {
    Objects.requireNonNull(admission, "admission");
    Objects.requireNonNull(discharge, "discharge");
    if (episodes < 1) {
      throw new IllegalArgumentException("a stay has at least one episode");
    }
    if (discharge.isPresent() && discharge.get().isBefore(admission)) {
      throw new IllegalArgumentException("a stay's discharge is not before its admission");
    }
  }
}
