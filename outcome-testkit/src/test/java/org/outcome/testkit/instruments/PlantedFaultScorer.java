package org.outcome.testkit.instruments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Aggregation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.api.instrument.Transform;

/**
 * A deliberately plain scorer, written only to plant faults into: with {@link Fault#NONE} it
 * scores as the definition says; each other fault breaks one rule, the way a real implementation
 * might. The testkit's own tests show that the contract catches each fault.
 */
final class PlantedFaultScorer implements Instrument {
  enum Fault {
    NONE,
    /** The last reverse-keyed item is used as answered. */
    REVERSE_KEY_DROPPED,
    /** A lookup table is read one raw score too high (where the table has that entry). */
    LOOKUP_OFF_BY_ONE,
    /** A mean divides by the subscale's item count instead of the answered count. */
    PRORATION_WRONG_COUNT,
    /** A mean subscale is scored with one fewer answered item than its rule requires. */
    THRESHOLD_OFF_BY_ONE,
    /** Answers outside the item's scale are accepted. */
    OUT_OF_RANGE_ACCEPTED
  }

  private final InstrumentDefinition definition;
  private final Fault fault;
  private final int droppedReverseItem;

  PlantedFaultScorer(InstrumentDefinition definition, Fault fault) {
    this.definition = definition;
    this.fault = fault;
    this.droppedReverseItem = definition.items().stream().filter(i -> i.keying() == Keying.REVERSE)
        .mapToInt(Item::number).max().orElse(-1);
  }

  @Override
  public InstrumentDefinition definition() {
    return definition;
  }

  @Override
  public Score score(ResponseSet responses) {
    List<Violation> violations = new ArrayList<>();
    if (!responses.instrument().equals(definition.id())) {
      violations.add(Violation.at("instrument", "answers are for " + responses.instrument()));
    }
    if (responses.version().isPresent() && !responses.version().get().equals(definition.version())) {
      violations.add(Violation.at("version", "answers are for version " + responses.version().get()));
    }
    Map<Integer, Integer> keyed = new HashMap<>();
    Map<Integer, Boolean> seen = new HashMap<>();
    for (int i = 0; i < responses.size(); i++) {
      int number = responses.item(i);
      Item item = definition.item(number).orElse(null);
      if (item == null) {
        violations.add(Violation.atItem(number, "is not an item of " + definition.id()));
        continue;
      }
      if (seen.put(number, true) != null) {
        violations.add(Violation.atItem(number, "answered twice"));
        continue;
      }
      if (responses.isMissing(i)) {
        continue;
      }
      double v = responses.value(i);
      if (v != Math.rint(v)) {
        violations.add(Violation.atItem(number, "value " + v + " is not an integer"));
        continue;
      }
      if (!item.scale().contains((int) v) && fault != Fault.OUT_OF_RANGE_ACCEPTED) {
        violations.add(Violation.atItem(number, "value " + (int) v + " is outside " + item.scale()));
        continue;
      }
      boolean reverse = item.keying() == Keying.REVERSE && !(fault == Fault.REVERSE_KEY_DROPPED && number == droppedReverseItem);
      keyed.put(number, reverse ? item.scale().reverse((int) v) : (int) v);
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid responses", violations);
    }
    int missingOverall = definition.items().size() - keyed.size();
    List<SubscaleScore> scores = new ArrayList<>();
    for (Subscale sub : definition.subscales()) {
      List<Integer> missing = sub.items().stream().filter(n -> !keyed.containsKey(n)).sorted().toList();
      int answered = sub.items().size() - missing.size();
      boolean offByOne = fault == Fault.THRESHOLD_OFF_BY_ONE && sub.aggregation() == Aggregation.MEAN;
      int needed = sub.missingRule().minAnswered() - (offByOne ? 1 : 0);
      if (definition.maxMissingItems().isPresent() && missingOverall > definition.maxMissingItems().getAsInt()) {
        scores.add(SubscaleScore.notScored(sub.id(), missing, "too many items missing overall"));
        continue;
      }
      if (answered < Math.max(needed, 1)) {
        scores.add(SubscaleScore.notScored(sub.id(), missing, answered + " answered, " + needed + " needed"));
        continue;
      }
      double sum = sub.items().stream().filter(keyed::containsKey).mapToInt(keyed::get).sum();
      int divisor = fault == Fault.PRORATION_WRONG_COUNT ? sub.items().size() : answered;
      double mean = sum / divisor;
      double value = sub.aggregation() == Aggregation.MEAN ? mean
          : missing.isEmpty() ? sum : mean * sub.items().size();
      for (Transform t : sub.transforms()) {
        if (t instanceof Transform.Lookup lookup && fault == Fault.LOOKUP_OFF_BY_ONE && lookup.covers((int) value + 1)) {
          value = lookup.table().get((int) value + 1);
        } else {
          value = t.apply(value);
        }
      }
      scores.add(SubscaleScore.scored(sub.id(), value, missing, !missing.isEmpty()));
    }
    return new Score(definition.id(), definition.version(), definition.primary(), scores);
  }
}
