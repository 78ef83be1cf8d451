package org.outcome.api.instrument;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A score an instrument reports: a total, a domain or factor, or a single item reported on its own.
 *
 * @param id the score's id within the instrument
 * @param label a short neutral label, for example {@code "Physical health"}
 * @param items the numbers of the items it combines, each once
 * @param aggregation how the recoded items are combined
 * @param transforms applied in order after aggregation (may be empty)
 * @param missingRule when the subscale is scored despite missing answers
 * @param polarity which direction is better
 * @param psychometrics constants for reliable change, where published
 */
public record Subscale(
    SubscaleId id,
    String label,
    List<Integer> items,
    Aggregation aggregation,
    List<Transform> transforms,
    MissingItemRule missingRule,
    Polarity polarity,
    Optional<Psychometrics> psychometrics) {
  public Subscale {
    Objects.requireNonNull(id, "id");
    ScoringFact.requireText(label, "subscale " + id + " label");
    items = List.copyOf(items);
    Objects.requireNonNull(aggregation, "aggregation");
    transforms = List.copyOf(transforms);
    Objects.requireNonNull(missingRule, "missingRule");
    Objects.requireNonNull(polarity, "polarity");
    Objects.requireNonNull(psychometrics, "psychometrics");
    if (items.isEmpty()) {
      throw new IllegalArgumentException("subscale " + id + " has no items");
    }
  }

  /**
   * This subscale with another missing-item rule, everything else unchanged. Used to apply an
   * alternative published rule (for example the WHOQOL-BREF manual's rule instead of its syntax's).
   */
  public Subscale withMissingRule(MissingItemRule rule) {
    return new Subscale(id, label, items, aggregation, transforms, rule, polarity, psychometrics);
  }
}
