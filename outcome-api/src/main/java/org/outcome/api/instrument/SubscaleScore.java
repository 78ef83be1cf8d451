package org.outcome.api.instrument;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One subscale's result for one administration: a value, or the reason there is none.
 *
 * @param subscale which score this is
 * @param value the score, absent when the missing-item rule was not met
 * @param missingItems the subscale's items that were not answered, ascending
 * @param prorated whether the value was computed from fewer items than the subscale has
 * @param notScoredReason why there is no value; present exactly when {@code value} is absent
 */
public record SubscaleScore(
    SubscaleId subscale,
    OptionalDouble value,
    List<Integer> missingItems,
    boolean prorated,
    Optional<String> notScoredReason) {
  public SubscaleScore {
    Objects.requireNonNull(subscale, "subscale");
    Objects.requireNonNull(value, "value");
    missingItems = List.copyOf(missingItems);
    Objects.requireNonNull(notScoredReason, "notScoredReason");
    if (value.isPresent() == notScoredReason.isPresent()) {
      throw new IllegalArgumentException(
          "a subscale score has either a value or a reason it was not scored, not both or neither");
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException("score of " + subscale + " is not finite: " + value);
    }
    if (value.isEmpty() && prorated) {
      throw new IllegalArgumentException("an absent score cannot be prorated");
    }
  }

  /** A value computed from the answers. */
  public static SubscaleScore scored(
      SubscaleId subscale, double value, List<Integer> missingItems, boolean prorated) {
    return new SubscaleScore(subscale, OptionalDouble.of(value), missingItems, prorated, Optional.empty());
  }

  /** No value, with the reason. */
  public static SubscaleScore notScored(SubscaleId subscale, List<Integer> missingItems, String reason) {
    return new SubscaleScore(subscale, OptionalDouble.empty(), missingItems, false, Optional.of(reason));
  }

  /** Whether there is a value. */
  public boolean isScored() {
    return value.isPresent();
  }
}
