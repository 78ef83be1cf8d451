package org.outcome.instruments.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
 * Scores response sets by an {@link InstrumentDefinition}. Everything the definition says is turned
 * into arrays once, at construction: per item number its scale and keying, per subscale the item
 * numbers, the aggregation, the minimum answered and the transforms (a lookup table becomes an
 * array indexed by raw score). Scoring then validates the response set in one pass, collecting
 * every violation, and aggregates each subscale over its index array. Immutable and thread-safe.
 */
public final class ScoringEngine implements Instrument {
  private static final List<Integer> NONE = List.of();
  /** Marks an item with no entry in the response set. */
  private static final double NOT_SEEN = Double.NEGATIVE_INFINITY;
  /** Marks an item that is not answered (no entry, or a missing mark); NaN never equals itself. */
  private static final double MISSING = Double.NaN;

  private final InstrumentDefinition definition;
  private final String version;
  /** Indexed by item number; {@code known[n]} false for numbers the instrument does not have. */
  private final boolean[] known;
  private final int[] min;
  private final int[] max;
  private final boolean[] reverse;
  private final int itemCount;
  private final int maxMissing;
  private final Compiled[] subscales;

  /** One subscale, ready to aggregate. */
  private static final class Compiled {
    final Subscale subscale;
    final int[] items;
    final boolean mean;
    final int minAnswered;
    /** For each step: 0 = linear, 1 = lookup. */
    final int[] kinds;
    final double[] shifts;
    final double[] factors;
    final double[][] tables;
    final int[] tableLow;

    Compiled(Subscale subscale) {
      this.subscale = subscale;
      this.items = subscale.items().stream().mapToInt(Integer::intValue).toArray();
      this.mean = subscale.aggregation() == Aggregation.MEAN;
      this.minAnswered = subscale.missingRule().minAnswered();
      int steps = subscale.transforms().size();
      this.kinds = new int[steps];
      this.shifts = new double[steps];
      this.factors = new double[steps];
      this.tables = new double[steps][];
      this.tableLow = new int[steps];
      for (int t = 0; t < steps; t++) {
        Transform step = subscale.transforms().get(t);
        if (step instanceof Transform.Linear linear) {
          kinds[t] = 0;
          shifts[t] = linear.shift();
          factors[t] = linear.factor();
        } else if (step instanceof Transform.Lookup lookup) {
          kinds[t] = 1;
          int low = lookup.table().firstKey();
          int high = lookup.table().lastKey();
          double[] table = new double[high - low + 1];
          Arrays.fill(table, Double.NaN);
          for (Map.Entry<Integer, Double> e : lookup.table().entrySet()) {
            table[e.getKey() - low] = e.getValue();
          }
          tables[t] = table;
          tableLow[t] = low;
        }
      }
    }

    double transform(double value) {
      double v = value;
      for (int t = 0; t < kinds.length; t++) {
        if (kinds[t] == 0) {
          v = (v + shifts[t]) * factors[t];
        } else {
          // The definition's checks guarantee an integer raw score that the table covers.
          v = tables[t][(int) v - tableLow[t]];
        }
      }
      return v;
    }
  }

  /** An engine for a definition (already checked by its constructor). */
  public ScoringEngine(InstrumentDefinition definition) {
    this.definition = definition;
    this.version = definition.version();
    int highest = definition.items().stream().mapToInt(Item::number).max().orElseThrow();
    this.known = new boolean[highest + 1];
    this.min = new int[highest + 1];
    this.max = new int[highest + 1];
    this.reverse = new boolean[highest + 1];
    for (Item item : definition.items()) {
      known[item.number()] = true;
      min[item.number()] = item.scale().min();
      max[item.number()] = item.scale().max();
      reverse[item.number()] = item.keying() == Keying.REVERSE;
    }
    this.itemCount = definition.items().size();
    this.maxMissing = definition.maxMissingItems().orElse(Integer.MAX_VALUE);
    this.subscales = definition.subscales().stream().map(Compiled::new).toArray(Compiled[]::new);
  }

  @Override
  public InstrumentDefinition definition() {
    return definition;
  }

  @Override
  public Score score(ResponseSet responses) {
    List<Violation> violations = null;
    if (!responses.instrument().equals(definition.id())) {
      violations = add(violations, Violation.at("instrument", "answers are for instrument '"
          + responses.instrument() + "', not '" + definition.id() + "'"));
    }
    Optional<String> stated = responses.version();
    if (stated.isPresent() && !stated.get().equals(version)) {
      violations = add(violations, Violation.at("version", "answers are for version '" + stated.get()
          + "' of " + definition.id() + ", which scores version '" + version + "'"));
    }
    if (responses.claimsEveryItem() && responses.size() != itemCount) {
      violations = add(violations, Violation.at("answers", "ResponseSet.complete gave " + responses.size()
          + " answers, but " + definition.id() + " has " + itemCount + " items: give one answer per item, or"
          + " build the set with ResponseSet.builder and mark unanswered items with missing(item)"));
    }
    // keyed[n]: NOT_SEEN until item n's entry is read, MISSING for a missing mark, else the keyed answer.
    double[] keyed = new double[known.length];
    Arrays.fill(keyed, NOT_SEEN);
    int size = responses.size();
    for (int i = 0; i < size; i++) {
      int item = responses.item(i);
      double value = responses.value(i);
      if (item < 1 || item >= known.length || !known[item]) {
        violations = add(violations, Violation.atItem(item, "the instrument has no item " + item
            + " (items are numbered 1 to " + (known.length - 1) + ")"));
        continue;
      }
      if (keyed[item] != NOT_SEEN) {
        violations = add(violations, Violation.atItem(item, "answered more than once"));
        continue;
      }
      keyed[item] = MISSING;
      if (Double.isNaN(value)) {
        continue;
      }
      if (value != Math.rint(value)) {
        violations = add(violations, Violation.atItem(item, "answer is not a whole number"));
      } else if (value < min[item] || value > max[item]) {
        violations = add(violations, Violation.atItem(item, "answer is outside the scale "
            + min[item] + "-" + max[item]));
      } else {
        keyed[item] = reverse[item] ? min[item] + max[item] - value : value;
      }
    }
    if (violations != null) {
      throw new InvalidInputException("invalid answers for " + definition.id(), violations);
    }
    return aggregate(keyed);
  }

  private Score aggregate(double[] keyed) {
    for (int n = 1; n < keyed.length; n++) {
      if (keyed[n] == NOT_SEEN) {
        keyed[n] = MISSING; // left out is the same as marked missing
      }
    }
    String discarded = null;
    if (maxMissing != Integer.MAX_VALUE) {
      int missing = 0;
      for (int n = 1; n < keyed.length; n++) {
        if (known[n] && Double.isNaN(keyed[n])) {
          missing++;
        }
      }
      if (missing > maxMissing) {
        discarded = missing + " of " + itemCount + " items missing; the instrument discards an administration"
            + " with more than " + maxMissing + " missing";
      }
    }
    SubscaleScore[] scores = new SubscaleScore[subscales.length];
    for (int s = 0; s < subscales.length; s++) {
      scores[s] = subscale(subscales[s], keyed, discarded);
    }
    return new Score(definition.id(), version, definition.primary(), Arrays.asList(scores));
  }

  private static SubscaleScore subscale(Compiled c, double[] keyed, String discarded) {
    double sum = 0;
    int answered = 0;
    int[] items = c.items;
    for (int item : items) {
      double v = keyed[item];
      if (v == v) { // not NaN
        sum += v;
        answered++;
      }
    }
    List<Integer> missing = answered == items.length ? NONE : missingItems(items, keyed);
    if (discarded != null) {
      return new SubscaleScore(c.subscale.id(), OptionalDouble.empty(), missing, false, Optional.of(discarded));
    }
    if (answered < c.minAnswered) {
      return new SubscaleScore(c.subscale.id(), OptionalDouble.empty(), missing, false, Optional.of(
          answered + " of " + items.length + " items answered; at least " + c.minAnswered + " required"));
    }
    boolean prorated = answered < items.length;
    double aggregate;
    if (c.mean) {
      aggregate = sum / answered;
    } else {
      aggregate = prorated ? sum / answered * items.length : sum;
    }
    return new SubscaleScore(c.subscale.id(), OptionalDouble.of(c.transform(aggregate)), missing, prorated,
        Optional.empty());
  }

  private static List<Integer> missingItems(int[] items, double[] keyed) {
    List<Integer> missing = new ArrayList<>();
    for (int item : items) {
      if (Double.isNaN(keyed[item])) {
        missing.add(item);
      }
    }
    missing.sort(null);
    return missing;
  }

  private static List<Violation> add(List<Violation> violations, Violation v) {
    List<Violation> list = violations == null ? new ArrayList<>() : violations;
    list.add(v);
    return list;
  }

  @Override
  public String toString() {
    return "Instrument[" + definition.id() + " v" + version + "]";
  }
}
