package org.outcome.api.instrument;

/**
 * When a subscale with missing answers is still scored.
 *
 * <p>The subscale is scored when at least {@code minAnswered} of its items are answered; below
 * that it is not scored and the score says why. A score computed from fewer items than the
 * subscale has is <em>prorated</em> and flagged: a mean is the mean of the answered items, a sum
 * is that mean times the item count. {@code minAnswered} equal to the item count means every
 * item is required.
 *
 * @param minAnswered the fewest answered items that still give a score; at least 1
 */
public record MissingItemRule(int minAnswered) {
  public MissingItemRule {
    if (minAnswered < 1) {
      throw new IllegalArgumentException("minAnswered must be at least 1, got " + minAnswered);
    }
  }

  /** A rule that requires every one of {@code itemCount} items. */
  public static MissingItemRule allRequired(int itemCount) {
    return new MissingItemRule(itemCount);
  }

  /** A rule that allows at most {@code maxMissing} of {@code itemCount} items to be missing. */
  public static MissingItemRule maxMissing(int itemCount, int maxMissing) {
    return new MissingItemRule(itemCount - maxMissing);
  }
}
