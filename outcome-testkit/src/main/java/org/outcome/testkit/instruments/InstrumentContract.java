package org.outcome.testkit.instruments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.ResponseScale;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.ScoreRange;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.api.instrument.Transform;
import org.outcome.testkit.Generator;
import org.outcome.testkit.internal.PropertyRunner;

/**
 * The scoring contract every {@link Instrument} must meet, checked against the instrument's own
 * {@link InstrumentDefinition}. Run it from a plain JUnit test in one line:
 *
 * <pre>{@code
 * InstrumentContract.of(instrument).verify();
 * }</pre>
 *
 * <p>{@link #verify()} runs every check below and throws one {@link AssertionError} that names
 * each failing check with its smallest counterexample (QuickTheories shrinks generated response
 * sets toward few missing items and low answers). Each check can also be run alone.
 *
 * <ul>
 *   <li>{@link #verifyStructure()}: one score per subscale in definition order, the instrument's
 *       id, version and primary score, each subscale's missing items exactly its unanswered items,
 *       no proration without missing items, and a reason whenever there is no value.
 *   <li>{@link #verifyRange()}: every value lies in the range the definition implies.
 *   <li>{@link #verifyMonotonicity()}: raising a positively keyed answer never moves a subscale
 *       against its transforms' direction, raising a reverse-keyed answer never moves it with.
 *   <li>{@link #verifyKeyingDirection()}: the same, strictly, for subscales whose transforms are
 *       strictly monotone, so that a dropped reverse key shows as a wrong-way move.
 *   <li>{@link #verifyProration()}: a prorated score equals the complete score when each missing
 *       answer (after keying) equals the mean of the answered ones.
 *   <li>{@link #verifyMissingRule()}: exactly the rule's minimum answered is scored, one fewer is
 *       not; more missing items than the instrument-wide maximum leaves nothing scored.
 *   <li>{@link #verifyLookupTables()}: every reachable raw score of a lookup subscale gives the
 *       table's value.
 *   <li>{@link #verifyDeterminism()}: the same answers, in any entry order, give the same score.
 *   <li>{@link #verifyExpectations()}: with {@link #expecting(Expectations)}, the definition
 *       and its scores agree with what the instrument's source says, written independently.
 *   <li>{@link #verifyInvalidInputs()}: every invalid input (answer outside the scale, unknown
 *       item, duplicate item, non-integer, wrong instrument, wrong version) raises
 *       {@link InvalidInputException} naming the item, never another exception, never a number.
 * </ul>
 */
public final class InstrumentContract {
  private static final double TOLERANCE = 1e-9;

  private final Instrument instrument;
  private final InstrumentDefinition definition;
  private final int examples;
  private final OptionalLong seed;
  private final Optional<Expectations> expected;

  private InstrumentContract(Instrument instrument, int examples, OptionalLong seed, Optional<Expectations> expected) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.definition = instrument.definition();
    this.examples = examples;
    this.seed = seed;
    this.expected = expected;
  }

  /** The contract for an instrument, with 200 examples per generated check. */
  public static InstrumentContract of(Instrument instrument) {
    return new InstrumentContract(instrument, 200, OptionalLong.empty(), Optional.empty());
  }

  /** The same contract with another number of examples per generated check. */
  public InstrumentContract withExamples(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("examples must be positive, got " + count);
    }
    return new InstrumentContract(instrument, count, seed, expected);
  }

  /** The same contract with a fixed QuickTheories seed, to replay a failure. */
  public InstrumentContract withSeed(long value) {
    return new InstrumentContract(instrument, examples, OptionalLong.of(value), expected);
  }

  /**
   * The same contract, also checking the definition and the scores against what the instrument's
   * source says ({@link #verifyExpectations()}): the checks above take the definition as the
   * specification, so a wrong but self-consistent definition passes them; these do not.
   */
  public InstrumentContract expecting(Expectations expectations) {
    return new InstrumentContract(instrument, examples, seed, Optional.of(Objects.requireNonNull(expectations, "expectations")));
  }

  /**
   * Runs every check.
   *
   * @throws AssertionError naming every failing check and its counterexample
   */
  public void verify() {
    new PropertyRunner(examples, seed)
        .check("structure", this::verifyStructure)
        .check("range", this::verifyRange)
        .check("monotonicity", this::verifyMonotonicity)
        .check("keying direction", this::verifyKeyingDirection)
        .check("proration", this::verifyProration)
        .check("missing-item rule", this::verifyMissingRule)
        .check("lookup tables", this::verifyLookupTables)
        .check("determinism", this::verifyDeterminism)
        .check("invalid inputs", this::verifyInvalidInputs)
        .check("expectations", this::verifyExpectations)
        .verifyAll("instrument " + definition.id());
  }

  // ---------------------------------------------------------------- checks

  /** One entry per subscale, in order, with consistent missing items, flags and reasons. */
  public void verifyStructure() {
    forAll(ResponseSets.anyMissing(definition), responses -> {
      Score score = scoreValid(responses);
      expect(score.instrument().equals(definition.id()), responses, "score names instrument " + score.instrument());
      expect(score.version().equals(definition.version()), responses, "score names version " + score.version());
      expect(score.primary().equals(definition.primary()), responses, "score names primary " + score.primary());
      expect(score.subscales().size() == definition.subscales().size(), responses,
          "score has " + score.subscales().size() + " subscales, definition " + definition.subscales().size());
      Set<Integer> answered = answered(responses);
      for (int s = 0; s < definition.subscales().size(); s++) {
        Subscale sub = definition.subscales().get(s);
        SubscaleScore got = score.subscales().get(s);
        expect(got.subscale().equals(sub.id()), responses,
            "entry " + s + " is " + got.subscale() + ", expected " + sub.id());
        List<Integer> missing = sub.items().stream().filter(i -> !answered.contains(i)).sorted().toList();
        expect(got.missingItems().equals(missing), responses,
            "subscale " + sub.id() + " lists missing items " + got.missingItems() + ", expected " + missing);
        expect(!got.prorated() || !missing.isEmpty(), responses,
            "subscale " + sub.id() + " is flagged prorated with no missing item");
        expect(got.isScored() || got.notScoredReason().filter(r -> !r.isBlank()).isPresent(), responses,
            "subscale " + sub.id() + " has neither a value nor a reason");
      }
    });
  }

  /** Every value within the range the definition implies. */
  public void verifyRange() {
    forAll(ResponseSets.anyMissing(definition), responses -> {
      Score score = scoreValid(responses);
      for (SubscaleScore s : score.subscales()) {
        if (s.isScored()) {
          ScoreRange range = definition.range(s.subscale());
          double v = s.value().getAsDouble();
          expect(v >= range.min() - TOLERANCE && v <= range.max() + TOLERANCE, responses,
              "subscale " + s.subscale() + " scored " + v + ", outside [" + range.min() + ", " + range.max() + "]");
        }
      }
    });
  }

  /** Raising an answer never moves a subscale against the item's keyed direction. */
  public void verifyMonotonicity() {
    checkRaisingAnAnswer(false);
  }

  /** Raising an answer moves a strictly monotone subscale strictly in the item's keyed direction. */
  public void verifyKeyingDirection() {
    checkRaisingAnAnswer(true);
  }

  private void checkRaisingAnAnswer(boolean strict) {
    List<Item> raisable = definition.items().stream().filter(i -> containingSubscales(i).size() > 0).toList();
    if (raisable.isEmpty()) {
      return;
    }
    Generator<ResponseSet> complete = ResponseSets.complete(definition);
    Generator<Change> changes = random -> {
      ResponseSet base = complete.next(random);
      Item item = raisable.get(random.nextInt(0, raisable.size()));
      int from = random.nextInt(item.scale().min(), item.scale().max());
      return new Change(withAnswer(base, item.number(), from), item, from);
    };
    forAll(changes, change -> {
      ResponseSet raised = withAnswer(change.responses(), change.item().number(), change.from() + 1);
      Score before = scoreValid(change.responses());
      Score after = scoreValid(raised);
      int keyed = change.item().keying() == Keying.REVERSE ? -1 : 1;
      for (Subscale sub : containingSubscales(change.item())) {
        Direction direction = direction(sub);
        if (direction.sign() == 0 || (strict && !direction.strict())) {
          continue;
        }
        double b = value(before, sub, change.responses());
        double a = value(after, sub, raised);
        int expected = keyed * direction.sign();
        boolean ok = strict ? Math.signum(a - b) == expected : (a - b) * expected >= -TOLERANCE;
        expect(ok, change.responses(), "raising item " + change.item().number() + " ("
            + change.item().keying().name().toLowerCase(java.util.Locale.ROOT) + " keyed) from " + change.from()
            + " to " + (change.from() + 1) + " moved subscale " + sub.id() + " from " + b + " to " + a
            + "; it must " + (strict ? (expected > 0 ? "rise" : "fall") : (expected > 0 ? "not fall" : "not rise")));
      }
    });
  }

  /** A prorated score equals the complete score when the missing answers equal the answered mean. */
  public void verifyProration() {
    int maxMissingOverall = definition.maxMissingItems().orElse(Integer.MAX_VALUE);
    for (Subscale sub : definition.subscales()) {
      int droppable = Math.min(sub.items().size() - sub.missingRule().minAnswered(), maxMissingOverall);
      ResponseScale scale = sharedScale(sub);
      if (droppable < 1 || scale == null || hasLookup(sub)) {
        continue;
      }
      forAll(prorationCases(sub, scale, droppable), c -> {
        Score full = scoreValid(c.complete());
        Score partial = scoreValid(c.partial());
        double f = value(full, sub, c.complete());
        double p = value(partial, sub, c.partial());
        SubscaleScore partialScore = partial.subscale(sub.id()).orElseThrow();
        expect(Math.abs(f - p) <= TOLERANCE * Math.max(1, Math.abs(f)), c.partial(),
            "subscale " + sub.id() + " prorated to " + p + " but the complete answers " + c.complete()
                + " score " + f + " and each missing answer equals the mean of the answered ones");
        expect(partialScore.prorated(), c.partial(), "subscale " + sub.id() + " is not flagged prorated");
        expect(!full.subscale(sub.id()).orElseThrow().prorated(), c.complete(),
            "subscale " + sub.id() + " is flagged prorated with every item answered");
      });
    }
  }

  /** The rule's minimum answered is scored, one fewer is not; the instrument-wide maximum holds. */
  public void verifyMissingRule() {
    int maxMissingOverall = definition.maxMissingItems().orElse(Integer.MAX_VALUE);
    for (Subscale sub : definition.subscales()) {
      int min = sub.missingRule().minAnswered();
      int n = sub.items().size();
      for (MissingBoundary boundary : MissingBoundary.values()) {
        int answered = boundary.answered(min);
        if (answered < 0 || answered > n || (boundary != MissingBoundary.BELOW && n - answered > maxMissingOverall)) {
          continue;
        }
        boolean scored = boundary != MissingBoundary.BELOW;
        forAll(ResponseSets.missingAround(definition, sub.id(), boundary), responses -> {
          SubscaleScore got = scoreValid(responses).subscale(sub.id()).orElseThrow();
          expect(got.isScored() == scored, responses, "subscale " + sub.id() + " with " + answered + " of " + n
              + " items answered (rule: at least " + min + ") was " + (got.isScored() ? "scored" : "not scored"));
          expect(!scored || got.prorated() == (answered < n), responses, "subscale " + sub.id() + " with "
              + answered + " of " + n + " answered has prorated = " + got.prorated());
        });
      }
    }
    if (definition.maxMissingItems().isPresent() && maxMissingOverall + 1 <= definition.items().size()) {
      List<Integer> all = definition.items().stream().map(Item::number).toList();
      Generator<ResponseSet> tooManyMissing = random -> {
        Set<Integer> missing = new HashSet<>(ResponseSets.pick(random, all, maxMissingOverall + 1));
        ResponseSet.Builder b = ResponseSets.start(definition);
        for (Item item : definition.items()) {
          if (missing.contains(item.number())) {
            ResponseSets.markMissing(random, b, item.number());
          } else {
            b.answer(item.number(), ResponseSets.answer(random, item));
          }
        }
        return b.build();
      };
      forAll(tooManyMissing, responses -> {
        for (SubscaleScore s : scoreValid(responses).subscales()) {
          expect(!s.isScored(), responses, "subscale " + s.subscale() + " was scored although "
              + (maxMissingOverall + 1) + " items are missing and the instrument allows at most " + maxMissingOverall);
        }
      });
    }
  }

  /** Every reachable raw score of a lookup subscale gives the table's (transformed) value. */
  public void verifyLookupTables() {
    for (Subscale sub : definition.subscales()) {
      if (!hasLookup(sub)) {
        continue;
      }
      List<Item> items = sub.items().stream().map(n -> definition.item(n).orElseThrow()).toList();
      int lo = items.stream().mapToInt(i -> i.scale().min()).sum();
      int hi = items.stream().mapToInt(i -> i.scale().max()).sum();
      for (int raw = lo; raw <= hi; raw++) {
        ResponseSet responses = reachingRawScore(items, raw);
        double expected = raw;
        for (Transform t : sub.transforms()) {
          expected = t.apply(expected);
        }
        double got = value(scoreValid(responses), sub, responses);
        if (Math.abs(got - expected) > TOLERANCE * Math.max(1, Math.abs(expected))) {
          throw new AssertionError("subscale " + sub.id() + " with raw score " + raw + " scored " + got
              + ", but the lookup table gives " + expected + "\n  responses: " + responses);
        }
      }
    }
  }

  /**
   * The definition and the scores agree with the {@linkplain #expecting expectations} (nothing to
   * check without them): the item count, every item's scale, exactly the reverse-keyed items, the
   * primary score's range (scored from the worst and the best answers), its minimum of answered
   * items (scored with exactly that many, then one fewer) and each worked example.
   *
   * @throws AssertionError listing every disagreement, each in the manual's terms
   */
  public void verifyExpectations() {
    if (expected.isEmpty()) {
      return;
    }
    Expectations e = expected.get();
    List<String> wrong = new ArrayList<>();
    List<Item> items = definition.items();
    e.items().ifPresent(n -> {
      if (items.size() != n) {
        wrong.add("expected " + n + " items, the definition has " + items.size());
      }
    });
    e.scale().ifPresent(scale -> items.stream()
        .filter(i -> i.scale().min() != scale[0] || i.scale().max() != scale[1])
        .forEach(i -> wrong.add("item " + i.number() + " is answered " + i.scale().min() + " to " + i.scale().max()
            + ", expected " + scale[0] + " to " + scale[1])));
    e.reversed().ifPresent(reversed -> items.forEach(i -> {
      boolean isReversed = i.keying() == Keying.REVERSE;
      if (isReversed != reversed.contains(i.number())) {
        wrong.add("item " + i.number() + " is keyed " + i.keying() + ", expected "
            + (reversed.contains(i.number()) ? Keying.REVERSE : Keying.POSITIVE));
      }
    }));
    Subscale primary = definition.primarySubscale();
    e.range().ifPresent(range -> {
      OptionalDouble low = primaryValue(extremeAnswers(false));
      OptionalDouble high = primaryValue(extremeAnswers(true));
      double lowest = Math.min(low.orElse(Double.NaN), high.orElse(Double.NaN));
      double highest = Math.max(low.orElse(Double.NaN), high.orElse(Double.NaN));
      if (low.isEmpty() || high.isEmpty() || Math.abs(lowest - range[0]) > TOLERANCE
          || Math.abs(highest - range[1]) > TOLERANCE) {
        wrong.add("the primary score (" + primary.id() + ") runs from " + text(low) + " to " + text(high)
            + " for the worst and the best answers, expected " + range[0] + " to " + range[1]);
      }
    });
    e.minAnswered().ifPresent(min -> {
      List<Integer> own = primary.items();
      if (min > own.size()) {
        wrong.add("expected " + min + " answered items for " + primary.id() + ", which has " + own.size());
        return;
      }
      OptionalDouble withMin = primaryValue(answeringFirst(own, min));
      OptionalDouble withFewer = primaryValue(answeringFirst(own, min - 1));
      if (withMin.isEmpty()) {
        wrong.add(primary.id() + " has no score with " + min + " of its " + own.size()
            + " items answered, expected one");
      }
      if (withFewer.isPresent()) {
        wrong.add(primary.id() + " is scored with " + (min - 1) + " of its " + own.size()
            + " items answered, expected none below " + min);
      }
    });
    int n = 0;
    for (Expectations.WorkedExample example : e.examples()) {
      n++;
      ResponseSet answers = example.answers().apply(definition.id());
      OptionalDouble got;
      try {
        got = instrument.score(answers).primaryScore().value();
      } catch (InvalidInputException ex) {
        wrong.add("worked example " + n + " (" + answers + ") is refused: " + ex.getMessage());
        continue;
      }
      if (got.isEmpty() || Math.abs(got.getAsDouble() - example.primaryScore()) > TOLERANCE) {
        wrong.add("worked example " + n + " (" + answers + ") scores " + text(got) + ", expected "
            + example.primaryScore());
      }
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError("instrument " + definition.id() + " disagrees with the expectations:\n  "
          + String.join("\n  ", wrong));
    }
  }

  /** Every item answered at the bottom of its scale after keying ({@code best} false) or the top. */
  private ResponseSet extremeAnswers(boolean best) {
    ResponseSet.Builder b = ResponseSet.builder(definition.id());
    for (Item i : definition.items()) {
      boolean high = best == (i.keying() == Keying.POSITIVE);
      b.answer(i.number(), high ? i.scale().max() : i.scale().min());
    }
    return b.build();
  }

  /**
   * The first {@code count} of the primary subscale's items answered and its others missing;
   * items outside it answered (all at the scale's minimum).
   */
  private ResponseSet answeringFirst(List<Integer> own, int count) {
    Set<Integer> missing = new HashSet<>(own.subList(Math.max(0, count), own.size()));
    ResponseSet.Builder b = ResponseSet.builder(definition.id());
    for (Item i : definition.items()) {
      if (!missing.contains(i.number())) {
        b.answer(i.number(), i.scale().min());
      } else {
        b.missing(i.number());
      }
    }
    return b.build();
  }

  private OptionalDouble primaryValue(ResponseSet answers) {
    return instrument.score(answers).primaryScore().value();
  }

  private static String text(OptionalDouble value) {
    return value.isPresent() ? Double.toString(value.getAsDouble()) : "no score";
  }

  /** The same answers, in any entry order, give equal scores. */
  public void verifyDeterminism() {
    Generator<ResponseSet> any = ResponseSets.anyMissing(definition);
    Generator<ResponseSet[]> pairs = random -> {
      ResponseSet r = any.next(random);
      return new ResponseSet[] {r, shuffled(r, random)};
    };
    forAll(pairs, p -> {
      Score first = scoreValid(p[0]);
      Score again = scoreValid(p[0]);
      Score reordered = scoreValid(p[1]);
      expect(first.equals(again), p[0], "scoring twice gave " + first + " then " + again);
      expect(first.equals(reordered), p[0], "entry order changed the score: " + p[1] + " gave " + reordered);
    });
  }

  /** Every invalid input raises InvalidInputException naming the item; never a number. */
  public void verifyInvalidInputs() {
    forAll(ResponseSets.invalid(definition), invalid -> {
      Score score;
      try {
        score = instrument.score(invalid.responses());
      } catch (InvalidInputException e) {
        if (invalid.item() > 0) {
          String item = String.valueOf(invalid.item());
          boolean named = e.violations().stream().map(Violation::toString)
              .anyMatch(v -> v.matches("(?s).*\\b" + item + "\\b.*"));
          if (!named) {
            throw new AssertionError(invalid.kind() + " at item " + item
                + " raised InvalidInputException without naming the item: " + e.getMessage()
                + "\n  responses: " + invalid.responses());
          }
        }
        return;
      } catch (RuntimeException e) {
        throw new AssertionError(invalid.kind() + " raised " + e.getClass().getName()
            + " instead of InvalidInputException: " + e.getMessage() + "\n  responses: " + invalid.responses(), e);
      }
      throw new AssertionError(invalid.kind() + (invalid.item() > 0 ? " at item " + invalid.item() : "")
          + " was accepted and scored " + score + "\n  responses: " + invalid.responses());
    });
  }

  // ---------------------------------------------------------------- machinery

  private record Change(ResponseSet responses, Item item, int from) {
    @Override
    public String toString() {
      return "item " + item.number() + " raised from " + from + " in " + responses;
    }
  }

  private record ProrationCase(ResponseSet complete, ResponseSet partial) {
    @Override
    public String toString() {
      return partial + " (complete: " + complete + ")";
    }
  }

  private record Direction(int sign, boolean strict) {}

  private <T> void forAll(Generator<T> generator, Consumer<T> check) {
    new PropertyRunner(examples, seed).forAll(generator, check);
  }

  private Score scoreValid(ResponseSet responses) {
    try {
      return instrument.score(responses);
    } catch (RuntimeException e) {
      throw new AssertionError("valid responses were rejected with " + e + "\n  responses: " + responses, e);
    }
  }

  private static void expect(boolean condition, ResponseSet responses, String message) {
    if (!condition) {
      throw new AssertionError(message + "\n  responses: " + responses);
    }
  }

  private static double value(Score score, Subscale sub, ResponseSet responses) {
    SubscaleScore s = score.subscale(sub.id())
        .orElseThrow(() -> new AssertionError("score has no subscale " + sub.id() + "\n  responses: " + responses));
    OptionalDouble v = s.value();
    if (v.isEmpty()) {
      throw new AssertionError("subscale " + sub.id() + " was not scored (" + s.notScoredReason().orElse("?")
          + ") although the missing-item rule is met\n  responses: " + responses);
    }
    return v.getAsDouble();
  }

  private List<Subscale> containingSubscales(Item item) {
    return definition.subscales().stream().filter(s -> s.items().contains(item.number())).toList();
  }

  private static boolean hasLookup(Subscale sub) {
    return sub.transforms().stream().anyMatch(Transform.Lookup.class::isInstance);
  }

  /** The direction the final score moves when the aggregate rises, and whether strictly. */
  private static Direction direction(Subscale sub) {
    int sign = 1;
    boolean strict = true;
    for (Transform t : sub.transforms()) {
      if (t instanceof Transform.Linear linear) {
        sign *= linear.factor() > 0 ? 1 : -1;
      } else if (t instanceof Transform.Lookup lookup) {
        List<Double> values = new ArrayList<>(lookup.table().values());
        boolean up = true;
        boolean down = true;
        boolean strictUp = true;
        boolean strictDown = true;
        for (int k = 1; k < values.size(); k++) {
          double d = values.get(k) - values.get(k - 1);
          up &= d >= 0;
          down &= d <= 0;
          strictUp &= d > 0;
          strictDown &= d < 0;
        }
        if (!up && !down) {
          return new Direction(0, false);
        }
        sign *= up ? 1 : -1;
        strict &= up ? strictUp : strictDown;
      }
    }
    return new Direction(sign, strict);
  }

  /** The one scale every item of the subscale uses, or null when they differ. */
  private ResponseScale sharedScale(Subscale sub) {
    Set<ResponseScale> scales = sub.items().stream()
        .map(n -> definition.item(n).orElseThrow().scale()).collect(Collectors.toSet());
    return scales.size() == 1 ? scales.iterator().next() : null;
  }

  /**
   * A complete response set whose dropped items' keyed answers equal the mean of the kept items'
   * keyed answers (kept answers are a constant with cancelling +/- steps), and the same set with
   * those items missing.
   */
  private Generator<ProrationCase> prorationCases(Subscale sub, ResponseScale scale, int droppable) {
    return random -> {
      int k = random.nextInt(1, droppable + 1);
      List<Integer> dropped = ResponseSets.pick(random, sub.items(), k);
      List<Integer> kept = new ArrayList<>(sub.items());
      kept.removeAll(dropped);
      int c = random.nextInt(scale.min(), scale.max() + 1);
      Map<Integer, Integer> keyed = new HashMap<>();
      sub.items().forEach(i -> keyed.put(i, c));
      for (int step = 0; step + 1 < kept.size(); step += 2) {
        int room = Math.min(scale.max() - c, c - scale.min());
        int delta = room == 0 ? 0 : random.nextInt(0, room + 1);
        keyed.put(kept.get(step), c + delta);
        keyed.put(kept.get(step + 1), c - delta);
      }
      ResponseSet.Builder complete = ResponseSets.start(definition);
      ResponseSet.Builder partial = ResponseSets.start(definition);
      for (Item item : definition.items()) {
        int answer = keyed.containsKey(item.number())
            ? unkey(item, keyed.get(item.number())) : ResponseSets.answer(random, item);
        complete.answer(item.number(), answer);
        if (dropped.contains(item.number())) {
          ResponseSets.markMissing(random, partial, item.number());
        } else {
          partial.answer(item.number(), answer);
        }
      }
      return new ProrationCase(complete.build(), partial.build());
    };
  }

  /** The raw answer whose keyed value is {@code keyed}. */
  private static int unkey(Item item, int keyed) {
    return item.keying() == Keying.REVERSE ? item.scale().reverse(keyed) : keyed;
  }

  /** A complete response set whose subscale items' keyed answers sum to {@code raw}. */
  private ResponseSet reachingRawScore(List<Item> items, int raw) {
    Map<Integer, Integer> keyed = new HashMap<>();
    int remaining = raw - items.stream().mapToInt(i -> i.scale().min()).sum();
    for (Item item : items) {
      int add = Math.min(remaining, item.scale().max() - item.scale().min());
      keyed.put(item.number(), item.scale().min() + add);
      remaining -= add;
    }
    ResponseSet.Builder b = ResponseSets.start(definition);
    for (Item item : definition.items()) {
      b.answer(item.number(), keyed.containsKey(item.number())
          ? unkey(item, keyed.get(item.number())) : item.scale().min());
    }
    return b.build();
  }

  private static Set<Integer> answered(ResponseSet responses) {
    Set<Integer> answered = new HashSet<>();
    for (int i = 0; i < responses.size(); i++) {
      if (!responses.isMissing(i)) {
        answered.add(responses.item(i));
      }
    }
    return answered;
  }

  private ResponseSet withAnswer(ResponseSet responses, int item, int answer) {
    ResponseSet.Builder b = ResponseSet.builder(responses.instrument());
    responses.version().ifPresent(b::version);
    for (int i = 0; i < responses.size(); i++) {
      if (responses.item(i) == item) {
        b.answer(item, answer);
      } else if (responses.isMissing(i)) {
        b.missing(responses.item(i));
      } else {
        b.answer(responses.item(i), responses.value(i));
      }
    }
    return b.build();
  }

  private static ResponseSet shuffled(ResponseSet responses, RandomGenerator random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new java.util.Random(random.nextLong()));
    ResponseSet.Builder b = ResponseSet.builder(responses.instrument());
    responses.version().ifPresent(b::version);
    for (int i : order) {
      if (responses.isMissing(i)) {
        b.missing(responses.item(i));
      } else {
        b.answer(responses.item(i), responses.value(i));
      }
    }
    return b.build();
  }

}
