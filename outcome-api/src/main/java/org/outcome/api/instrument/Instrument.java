package org.outcome.api.instrument;

import org.outcome.api.InstrumentId;

/**
 * An instrument that can score answers. Implementations are immutable and thread-safe.
 *
 * <p>Contract of {@link #score}: every problem in the response set is reported together in one
 * {@link org.outcome.api.InvalidInputException} whose violations name the item and value (an
 * unknown item, the same item twice, a value outside the item's scale or not an integer, answers
 * for another instrument or version); otherwise each subscale is scored as described in the
 * package documentation. The same response set always gives the same score.
 */
public interface Instrument {
  /** The definition this instrument scores by. */
  InstrumentDefinition definition();

  /**
   * Scores one administration.
   *
   * @throws org.outcome.api.InvalidInputException naming each item and value at fault
   */
  Score score(ResponseSet responses);

  /** The instrument's id. */
  default InstrumentId id() {
    return definition().id();
  }
}
