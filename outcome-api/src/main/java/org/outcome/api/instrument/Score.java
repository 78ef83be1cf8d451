package org.outcome.api.instrument;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.outcome.api.InstrumentId;

/**
 * The scores of one administration, one per subscale in the definition's order.
 *
 * @param instrument the instrument scored
 * @param version the instrument version scored
 * @param primary the id of the instrument's primary score
 * @param subscales one entry per subscale, in the definition's order
 */
public record Score(InstrumentId instrument, String version, SubscaleId primary, List<SubscaleScore> subscales) {
  public Score {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(primary, "primary");
    subscales = List.copyOf(subscales);
    if (subscales.stream().noneMatch(s -> s.subscale().equals(primary))) {
      throw new IllegalArgumentException("score has no entry for its primary subscale " + primary);
    }
  }

  /** The entry for a subscale, if the instrument has it. */
  public Optional<SubscaleScore> subscale(SubscaleId id) {
    for (SubscaleScore s : subscales) {
      if (s.subscale().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The entry for the primary subscale. */
  public SubscaleScore primaryScore() {
    return subscale(primary).orElseThrow();
  }

  /** Every item missing from any subscale, ascending. */
  public List<Integer> missingItems() {
    TreeSet<Integer> all = new TreeSet<>();
    subscales.forEach(s -> all.addAll(s.missingItems()));
    return List.copyOf(all);
  }

  /** Whether any subscale was prorated. */
  public boolean prorated() {
    return subscales.stream().anyMatch(SubscaleScore::prorated);
  }
}
