package org.outcome.api.instrument;

import java.util.Objects;

/**
 * One question of an instrument.
 *
 * @param number the item's number on the instrument's own form, from 1
 * @param label the project's own short neutral label (never the licensed wording)
 * @param keying whether the answer is reverse-scored
 * @param scale the answers allowed
 */
public record Item(int number, String label, Keying keying, ResponseScale scale) {
  public Item {
    if (number < 1) {
      throw new IllegalArgumentException("item numbers start at 1, got " + number);
    }
    ScoringFact.requireText(label, "item " + number + " label");
    Objects.requireNonNull(keying, "keying");
    Objects.requireNonNull(scale, "scale");
  }

  /** The value this item contributes for an allowed answer, after reverse keying. */
  public int keyed(int answer) {
    return keying == Keying.REVERSE ? scale.reverse(answer) : answer;
  }
}
