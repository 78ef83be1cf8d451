package org.outcome.testkit.instruments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.testkit.Generator;

/**
 * Framework-neutral generators of response sets for any instrument definition. Answers are drawn
 * with bounded draws (smaller draw, lower answer), so the QuickTheories layer shrinks them toward
 * the bottom of each scale; a missing item is sometimes marked missing and sometimes left out,
 * since both must mean the same to an instrument.
 */
public final class ResponseSets {
  private ResponseSets() {}

  /** Every item answered with an allowed value; labelled with the definition's id and version. */
  public static Generator<ResponseSet> complete(InstrumentDefinition definition) {
    return random -> {
      ResponseSet.Builder b = start(definition);
      for (Item item : definition.items()) {
        b.answer(item.number(), answer(random, item));
      }
      return b.build();
    };
  }

  /** Any pattern of missing items (including none and all), other answers allowed values. */
  public static Generator<ResponseSet> anyMissing(InstrumentDefinition definition) {
    return random -> {
      int missingPercent = random.nextInt(0, 101);
      ResponseSet.Builder b = start(definition);
      for (Item item : definition.items()) {
        if (random.nextInt(0, 100) < missingPercent) {
          markMissing(random, b, item.number());
        } else {
          b.answer(item.number(), answer(random, item));
        }
      }
      return b.build();
    };
  }

  /**
   * Every item answered except some of one subscale's, so that exactly
   * {@code boundary.answered(minAnswered)} of its items are answered.
   *
   * @throws IllegalArgumentException if the subscale cannot have that many answered items
   */
  public static Generator<ResponseSet> missingAround(
      InstrumentDefinition definition, SubscaleId subscaleId, MissingBoundary boundary) {
    Subscale subscale = definition.subscale(subscaleId)
        .orElseThrow(() -> new IllegalArgumentException("no subscale " + subscaleId));
    int answered = boundary.answered(subscale.missingRule().minAnswered());
    if (answered < 0 || answered > subscale.items().size()) {
      throw new IllegalArgumentException("subscale " + subscaleId + " cannot have " + answered + " answered items");
    }
    return random -> {
      Set<Integer> missing = new HashSet<>(pick(random, subscale.items(), subscale.items().size() - answered));
      ResponseSet.Builder b = start(definition);
      for (Item item : definition.items()) {
        if (missing.contains(item.number())) {
          markMissing(random, b, item.number());
        } else {
          b.answer(item.number(), answer(random, item));
        }
      }
      return b.build();
    };
  }

  /** A complete response set broken in one way, drawn from {@code kinds} (all kinds when empty). */
  public static Generator<InvalidResponses> invalid(InstrumentDefinition definition, Invalidity... kinds) {
    List<Invalidity> options = List.of(kinds.length == 0 ? Invalidity.values() : kinds);
    Generator<ResponseSet> complete = complete(definition);
    int unknownItem = definition.items().stream().mapToInt(Item::number).max().orElse(0) + 1;
    return random -> {
      Invalidity kind = options.get(random.nextInt(0, options.size()));
      ResponseSet valid = complete.next(random);
      Item target = definition.items().get(random.nextInt(0, definition.items().size()));
      InstrumentId id = definition.id();
      String version = definition.version();
      int item = target.number();
      if (kind == Invalidity.WRONG_INSTRUMENT) {
        id = InstrumentId.of(id.value().equals("other-instrument") ? "another-instrument" : "other-instrument");
        item = 0;
      } else if (kind == Invalidity.WRONG_VERSION) {
        version = version + "-other";
        item = 0;
      } else if (kind == Invalidity.UNKNOWN_ITEM) {
        item = unknownItem + random.nextInt(0, 3);
      }
      ResponseSet.Builder b = ResponseSet.builder(id).version(version);
      for (int i = 0; i < valid.size(); i++) {
        int number = valid.item(i);
        double value = valid.value(i);
        if (number == target.number()) {
          if (kind == Invalidity.OUT_OF_SCALE) {
            value = random.nextBoolean() ? target.scale().max() + 1 : target.scale().min() - 1;
          } else if (kind == Invalidity.NON_INTEGER) {
            value = Math.min(value, target.scale().max() - 1) + 0.5;
          }
        }
        b.answer(number, value);
        if (kind == Invalidity.DUPLICATE_ITEM && number == target.number()) {
          b.answer(number, answer(random, target));
        }
      }
      if (kind == Invalidity.UNKNOWN_ITEM) {
        b.answer(item, target.scale().min());
      }
      return new InvalidResponses(kind, b.build(), item);
    };
  }

  static ResponseSet.Builder start(InstrumentDefinition definition) {
    return ResponseSet.builder(definition.id()).version(definition.version());
  }

  static int answer(RandomGenerator random, Item item) {
    return random.nextInt(item.scale().min(), item.scale().max() + 1);
  }

  static void markMissing(RandomGenerator random, ResponseSet.Builder b, int item) {
    if (random.nextBoolean()) {
      b.missing(item);
    }
  }

  /** {@code count} distinct elements of {@code from}, chosen at random. */
  static List<Integer> pick(RandomGenerator random, List<Integer> from, int count) {
    List<Integer> pool = new ArrayList<>(from);
    List<Integer> picked = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      picked.add(pool.remove(random.nextInt(0, pool.size())));
    }
    return picked;
  }
}
