package org.outcome.api.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * An instrument as data: what it measures, its items and their scales and keying, the scores it
 * reports and how each is computed, and where every scoring fact comes from.
 *
 * <p>Construction checks every cross-field rule and reports all violations at once in an
 * {@link InvalidInputException}: item numbers unique; every subscale item exists and appears once;
 * each missing-item rule asks for no more items than the subscale has; the primary score exists;
 * a lookup table follows a complete sum, covers every reachable raw score and has no key outside
 * the reachable range;
 * {@code maxMissingItems} is below the item count. A constructed definition is therefore always
 * scorable.
 *
 * @param id the instrument's id
 * @param version the version of the instrument (form) this definition scores, for example {@code "1997"}
 * @param name the instrument's published name
 * @param construct what it measures
 * @param citation the primary reference
 * @param licence the licence terms in one sentence
 * @param items every item, by number
 * @param subscales every score reported
 * @param primary the score an evaluation reports by default
 * @param maxMissingItems where the instrument discards a whole administration with more missing
 *     items than this (for example WHOQOL-BREF's 20% rule), that number
 * @param provenance the source and verification status of each scoring fact
 */
public record InstrumentDefinition(
    InstrumentId id,
    String version,
    String name,
    Construct construct,
    String citation,
    String licence,
    List<Item> items,
    List<Subscale> subscales,
    SubscaleId primary,
    OptionalInt maxMissingItems,
    List<ScoringFact> provenance) {

  public InstrumentDefinition {
    Objects.requireNonNull(id, "id");
    ScoringFact.requireText(version, "version");
    ScoringFact.requireText(name, "name");
    Objects.requireNonNull(construct, "construct");
    ScoringFact.requireText(citation, "citation");
    ScoringFact.requireText(licence, "licence");
    items = List.copyOf(items);
    subscales = List.copyOf(subscales);
    Objects.requireNonNull(primary, "primary");
    Objects.requireNonNull(maxMissingItems, "maxMissingItems");
    provenance = List.copyOf(provenance);
    List<Violation> violations = crossFieldViolations(items, subscales, primary, maxMissingItems);
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid definition of instrument " + id, violations);
    }
  }

  /**
   * This definition with a different missing-item rule for one subscale, everything else
   * unchanged, and checked again (so a rule asking for more items than the subscale has is
   * rejected). This is how a documented alternative rule is applied, for example the WHOQOL-BREF
   * manual's "at most two items missing per domain" instead of its SPSS syntax's rule:
   *
   * <pre>{@code
   * InstrumentDefinition manual = whoqol.definition()
   *     .withMissingRule(SubscaleId.of("physical"), new MissingItemRule(5))
   *     .withMaxMissingItems(OptionalInt.of(5));
   * }</pre>
   *
   * @throws IllegalArgumentException if the instrument has no such subscale
   * @throws InvalidInputException if the rule breaks a cross-field rule
   */
  public InstrumentDefinition withMissingRule(SubscaleId subscaleId, MissingItemRule rule) {
    if (subscale(subscaleId).isEmpty()) {
      throw new IllegalArgumentException("no subscale " + subscaleId + " in " + id);
    }
    List<Subscale> changed = subscales.stream()
        .map(s -> s.id().equals(subscaleId) ? s.withMissingRule(rule) : s)
        .toList();
    return new InstrumentDefinition(id, version, name, construct, citation, licence, items, changed,
        primary, maxMissingItems, provenance);
  }

  /**
   * This definition with a different whole-administration limit on missing items (empty: no
   * limit), everything else unchanged, and checked again.
   *
   * @throws InvalidInputException if the limit is not below the item count
   */
  public InstrumentDefinition withMaxMissingItems(OptionalInt maxMissing) {
    return new InstrumentDefinition(id, version, name, construct, citation, licence, items, subscales,
        primary, maxMissing, provenance);
  }

  /** The item with this number, if the instrument has one. */
  public Optional<Item> item(int number) {
    return items.stream().filter(i -> i.number() == number).findFirst();
  }

  /** The subscale with this id, if the instrument reports one. */
  public Optional<Subscale> subscale(SubscaleId subscaleId) {
    return subscales.stream().filter(s -> s.id().equals(subscaleId)).findFirst();
  }

  /** The primary subscale. */
  public Subscale primarySubscale() {
    return subscale(primary).orElseThrow();
  }

  /**
   * The range of every score the subscale can take, derived from the item scales, the
   * aggregation, the missing-item rule and the transforms (not declared, so it cannot disagree).
   * Exact when the subscale's items share one scale; otherwise the smallest range that holds
   * every prorated mean.
   *
   * @throws IllegalArgumentException if the instrument has no such subscale
   */
  public ScoreRange range(SubscaleId subscaleId) {
    Subscale s = subscale(subscaleId)
        .orElseThrow(() -> new IllegalArgumentException("no subscale " + subscaleId + " in " + id));
    Map<Integer, Item> byNumber = byNumber(items);
    double lo;
    double hi;
    List<ResponseScale> scales = s.items().stream().map(n -> byNumber.get(n).scale()).toList();
    boolean oneScale = scales.stream().distinct().count() == 1;
    int n = scales.size();
    double minOfMins = scales.stream().mapToInt(ResponseScale::min).min().orElseThrow();
    double maxOfMaxes = scales.stream().mapToInt(ResponseScale::max).max().orElseThrow();
    if (s.aggregation() == Aggregation.MEAN) {
      lo = minOfMins;
      hi = maxOfMaxes;
    } else if (oneScale || s.missingRule().minAnswered() >= n) {
      lo = oneScale ? n * minOfMins : scales.stream().mapToInt(ResponseScale::min).sum();
      hi = oneScale ? n * maxOfMaxes : scales.stream().mapToInt(ResponseScale::max).sum();
    } else {
      lo = n * minOfMins;
      hi = n * maxOfMaxes;
    }
    for (Transform t : s.transforms()) {
      if (t instanceof Transform.Linear linear) {
        double a = linear.apply(lo);
        double b = linear.apply(hi);
        lo = Math.min(a, b);
        hi = Math.max(a, b);
      } else if (t instanceof Transform.Lookup lookup) {
        double newLo = Double.POSITIVE_INFINITY;
        double newHi = Double.NEGATIVE_INFINITY;
        for (int raw = (int) lo; raw <= (int) hi; raw++) {
          double v = lookup.table().get(raw);
          newLo = Math.min(newLo, v);
          newHi = Math.max(newHi, v);
        }
        lo = newLo;
        hi = newHi;
      }
    }
    return new ScoreRange(lo, hi);
  }

  private static Map<Integer, Item> byNumber(List<Item> items) {
    Map<Integer, Item> map = new HashMap<>();
    for (Item item : items) {
      map.putIfAbsent(item.number(), item);
    }
    return map;
  }

  private static List<Violation> crossFieldViolations(
      List<Item> items, List<Subscale> subscales, SubscaleId primary, OptionalInt maxMissing) {
    List<Violation> violations = new ArrayList<>();
    if (items.isEmpty()) {
      violations.add(Violation.at("items", "an instrument needs at least one item"));
    }
    Set<Integer> numbers = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (!numbers.add(items.get(i).number())) {
        violations.add(Violation.at("items[" + i + "].number",
            "item number " + items.get(i).number() + " appears more than once"));
      }
    }
    Map<Integer, Item> byNumber = byNumber(items);
    Map<SubscaleId, Integer> seen = new LinkedHashMap<>();
    for (int s = 0; s < subscales.size(); s++) {
      Subscale sub = subscales.get(s);
      String at = "subscales[" + s + "]";
      if (seen.putIfAbsent(sub.id(), s) != null) {
        violations.add(Violation.at(at + ".id", "subscale id '" + sub.id() + "' appears more than once"));
      }
      Set<Integer> inSubscale = new HashSet<>();
      for (int k = 0; k < sub.items().size(); k++) {
        Integer number = sub.items().get(k);
        if (!byNumber.containsKey(number)) {
          violations.add(Violation.at(at + ".items[" + k + "]",
              "subscale '" + sub.id() + "' names item " + number + ", which the instrument does not have"));
        } else if (!inSubscale.add(number)) {
          violations.add(Violation.at(at + ".items[" + k + "]",
              "subscale '" + sub.id() + "' names item " + number + " more than once"));
        }
      }
      if (sub.missingRule().minAnswered() > sub.items().size()) {
        violations.add(Violation.at(at + ".missingRule.minAnswered", "subscale '" + sub.id()
            + "' requires " + sub.missingRule().minAnswered() + " answered items but has only "
            + sub.items().size()));
      }
      checkLookups(sub, at, byNumber, violations);
    }
    if (!seen.containsKey(primary)) {
      violations.add(Violation.at("primary", "primary score '" + primary + "' is not a subscale"));
    }
    if (maxMissing.isPresent() && (maxMissing.getAsInt() < 0 || maxMissing.getAsInt() >= items.size())) {
      violations.add(Violation.at("maxMissingItems", "must be between 0 and " + (items.size() - 1)
          + ", got " + maxMissing.getAsInt()));
    }
    return Collections.unmodifiableList(violations);
  }

  private static void checkLookups(
      Subscale sub, String at, Map<Integer, Item> byNumber, List<Violation> violations) {
    for (int t = 0; t < sub.transforms().size(); t++) {
      if (!(sub.transforms().get(t) instanceof Transform.Lookup lookup)) {
        continue;
      }
      String where = at + ".transforms[" + t + "]";
      boolean completeSum = t == 0
          && sub.aggregation() == Aggregation.SUM
          && sub.missingRule().minAnswered() >= sub.items().size();
      if (!completeSum) {
        violations.add(Violation.at(where, "subscale '" + sub.id()
            + "': a lookup table must be the first step after a sum that requires every item"));
        continue;
      }
      if (!sub.items().stream().allMatch(byNumber::containsKey)) {
        continue; // already reported
      }
      int lo = sub.items().stream().mapToInt(n -> byNumber.get(n).scale().min()).sum();
      int hi = sub.items().stream().mapToInt(n -> byNumber.get(n).scale().max()).sum();
      List<Integer> uncovered = new ArrayList<>();
      for (int raw = lo; raw <= hi; raw++) {
        if (!lookup.covers(raw)) {
          uncovered.add(raw);
        }
      }
      if (!uncovered.isEmpty()) {
        violations.add(Violation.at(where, "subscale '" + sub.id() + "': lookup table has no entry"
            + " for reachable raw score(s) " + uncovered + " (reachable: " + lo + " to " + hi + ")"));
      }
      final int low = lo;
      final int high = hi;
      List<Integer> unreachable = lookup.table().keySet().stream().filter(k -> k < low || k > high).toList();
      if (!unreachable.isEmpty()) {
        violations.add(Violation.at(where, "subscale '" + sub.id() + "': lookup table has entries for"
            + " raw score(s) " + unreachable + " outside the reachable " + lo + " to " + hi
            + " (keys must lie inside the scale)"));
      }
    }
  }
}
