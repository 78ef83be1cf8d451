package org.outcome.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleScore;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The scoring invariants of issue 3, checked over every shipped instrument with generated answers.
 * Generators are built from named parts; the edge cases (nothing missing, everything missing, the
 * extremes of the scale) are forced into the data by frequency, not left to luck.
 */
class ScoringPropertiesTest {
  private static final int EXAMPLES = 300;

  /** An instrument and one administration: raw answers by item position, NaN where missing. */
  record Case(Instrument instrument, double[] answers) {
    ResponseSet responses() {
      ResponseSet.Builder b = ResponseSet.builder(instrument.id());
      List<Item> items = instrument.definition().items();
      for (int i = 0; i < items.size(); i++) {
        if (Double.isNaN(answers[i])) {
          b.missing(items.get(i).number());
        } else {
          b.answer(items.get(i).number(), answers[i]);
        }
      }
      return b.build();
    }

    int position(int itemNumber) {
      List<Item> items = instrument.definition().items();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).number() == itemNumber) {
          return i;
        }
      }
      throw new IllegalArgumentException("no item " + itemNumber);
    }

    Case with(int itemNumber, double value) {
      double[] copy = answers.clone();
      copy[position(itemNumber)] = value;
      return new Case(instrument, copy);
    }

    @Override
    public String toString() {
      return instrument.id() + " " + Arrays.toString(answers);
    }
  }

  // ---- generators, from small named parts

  static Gen<Instrument> instruments() {
    return Generate.pick(Shipped.ALL);
  }

  /** An answer on the item's scale, with the two extremes forced in often. */
  static Gen<Integer> answerOn(Item item) {
    int min = item.scale().min();
    int max = item.scale().max();
    return Generate.frequency(
        org.quicktheories.api.Pair.of(1, Generate.constant(min)),
        org.quicktheories.api.Pair.of(1, Generate.constant(max)),
        org.quicktheories.api.Pair.of(4, Generate.range(min, max)));
  }

  /** The chance, in percent, that an item is missing: none, some, or most. */
  static Gen<Integer> missingness() {
    return Generate.frequency(
        org.quicktheories.api.Pair.of(3, Generate.constant(0)),
        org.quicktheories.api.Pair.of(3, Generate.range(1, 30)),
        org.quicktheories.api.Pair.of(1, Generate.range(31, 100)));
  }

  static Gen<Case> cases(Gen<Instrument> instruments, boolean complete) {
    return instruments.flatMap(instrument -> {
      List<Item> items = instrument.definition().items();
      Gen<double[]> answers = Generate.constant(() -> new double[items.size()]);
      for (int i = 0; i < items.size(); i++) {
        int position = i;
        Gen<Integer> answer = answerOn(items.get(i));
        answers = answers.zip(answer, (a, v) -> {
          double[] copy = a.clone();
          copy[position] = v;
          return copy;
        });
      }
      Gen<Integer> missing = complete ? Generate.constant(0) : missingness();
      Gen<double[]> withMissing = answers.zip(missing, Generate.intArrays(Generate.constant(items.size()),
          Generate.range(0, 99)), (a, percent, rolls) -> {
            double[] copy = a.clone();
            for (int i = 0; i < copy.length; i++) {
              if (rolls[i] < percent) {
                copy[i] = Double.NaN;
              }
            }
            return copy;
          });
      return withMissing.map(a -> new Case(instrument, a));
    });
  }

  private static boolean inRange(InstrumentDefinition d, SubscaleScore s) {
    return d.range(s.subscale()).contains(s.value().getAsDouble());
  }

  // ---- properties

  @Test
  void everyScoreLiesInsideItsRange() {
    qt().withExamples(EXAMPLES).forAll(cases(instruments(), false)).checkAssert(c -> {
      Score score = c.instrument().score(c.responses());
      for (SubscaleScore s : score.subscales()) {
        if (s.isScored()) {
          assertThat(inRange(c.instrument().definition(), s)).as("%s: %s", c, s).isTrue();
        } else {
          assertThat(s.notScoredReason()).as("%s", c).isPresent();
          assertThat(s.prorated()).isFalse();
        }
      }
    });
  }

  @Test
  void raisingAReverseKeyedAnswerLowersEveryScoreThatUsesIt() {
    Gen<Instrument> withReverse = Generate.pick(Shipped.ALL.stream()
        .filter(i -> i.definition().items().stream().anyMatch(it -> it.keying() == Keying.REVERSE))
        .toList());
    qt().withExamples(EXAMPLES).forAll(cases(withReverse, true), Generate.range(0, 1000)).checkAssert((c, pick) -> {
      List<Item> reversed = c.instrument().definition().items().stream()
          .filter(it -> it.keying() == Keying.REVERSE).toList();
      Item item = reversed.get(pick % reversed.size());
      double x = c.answers()[c.position(item.number())];
      if (x == item.scale().max()) {
        x = x - 1; // room to raise
      }
      Score low = c.instrument().score(c.with(item.number(), x).responses());
      Score high = c.instrument().score(c.with(item.number(), x + 1).responses());
      for (Subscale s : c.instrument().definition().subscales()) {
        if (s.items().contains(item.number())) {
          assertThat(high.subscale(s.id()).orElseThrow().value().getAsDouble())
              .as("%s item %d %s", c, item.number(), s.id())
              .isLessThan(low.subscale(s.id()).orElseThrow().value().getAsDouble());
        }
      }
    });
  }

  @Test
  void raisingAPositivelyKeyedAnswerNeverLowersAScore() {
    qt().withExamples(EXAMPLES).forAll(cases(instruments(), false), Generate.range(0, 1000)).checkAssert((c, pick) -> {
      List<Item> positive = c.instrument().definition().items().stream()
          .filter(it -> it.keying() == Keying.POSITIVE).toList();
      Item item = positive.get(pick % positive.size());
      double x = c.answers()[c.position(item.number())];
      if (Double.isNaN(x)) {
        return; // raising needs an answer
      }
      if (x == item.scale().max()) {
        x = x - 1;
      }
      Score low = c.instrument().score(c.with(item.number(), x).responses());
      Score high = c.instrument().score(c.with(item.number(), x + 1).responses());
      for (SubscaleScore l : low.subscales()) {
        SubscaleScore h = high.subscale(l.subscale()).orElseThrow();
        assertThat(h.isScored()).isEqualTo(l.isScored());
        if (l.isScored()) {
          assertThat(h.value().getAsDouble()).as("%s item %d", c, item.number())
              .isGreaterThanOrEqualTo(l.value().getAsDouble());
        }
      }
    });
  }

  /** A subscale that allows missing items, with an instrument. */
  record Prorating(Instrument instrument, Subscale subscale) {
    @Override
    public String toString() {
      return instrument.id() + "/" + subscale.id();
    }
  }

  static List<Prorating> proratingSubscales() {
    List<Prorating> out = new ArrayList<>();
    for (Instrument i : Shipped.ALL) {
      for (Subscale s : i.definition().subscales()) {
        if (s.missingRule().minAnswered() < s.items().size()) {
          out.add(new Prorating(i, s));
        }
      }
    }
    return out;
  }

  @Test
  void prorationEqualsTheCompleteScoreWhenTheMissingAnswersEqualTheMean() {
    List<Prorating> targets = proratingSubscales();
    assertThat(targets).isNotEmpty();
    qt().withExamples(EXAMPLES)
        .forAll(Generate.pick(targets), Generate.range(0, 1000), Generate.range(0, 1000), Generate.range(0, 1000))
        .checkAssert((p, meanPick, missingPick, spreadPick) -> {
          InstrumentDefinition d = p.instrument().definition();
          Subscale s = p.subscale();
          Item first = d.item(s.items().get(0)).orElseThrow();
          int min = first.scale().min();
          int max = first.scale().max();
          int mean = min + meanPick % (max - min + 1); // the keyed mean, a whole number
          int n = s.items().size();
          int missingCount = 1 + missingPick % (n - s.missingRule().minAnswered());
          // Answered items: keyed value = mean, except a pair moved +d and -d (the mean stays).
          double[] keyed = new double[n];
          Arrays.fill(keyed, mean);
          int room = Math.min(max - mean, mean - min);
          if (room > 0 && n - missingCount >= 2) {
            int spread = 1 + spreadPick % room;
            keyed[0] += spread;
            keyed[1] -= spread;
          }
          Case complete = completeOutside(p.instrument(), s, keyed, min);
          Case prorated = complete;
          for (int k = n - missingCount; k < n; k++) {
            prorated = prorated.with(s.items().get(k), Double.NaN);
          }
          SubscaleScore full = p.instrument().score(complete.responses()).subscale(s.id()).orElseThrow();
          SubscaleScore part = p.instrument().score(prorated.responses()).subscale(s.id()).orElseThrow();
          assertThat(part.prorated()).isTrue();
          assertThat(full.prorated()).isFalse();
          assertThat(part.value().getAsDouble()).as("%s mean %d, %d missing", p, mean, missingCount)
              .isEqualTo(full.value().getAsDouble());
        });
  }

  /** Every item of the instrument answered; the subscale's items get the given keyed values. */
  private static Case completeOutside(Instrument instrument, Subscale s, double[] keyed, int fill) {
    List<Item> items = instrument.definition().items();
    double[] answers = new double[items.size()];
    for (int i = 0; i < items.size(); i++) {
      answers[i] = items.get(i).scale().min();
    }
    Case c = new Case(instrument, answers);
    for (int k = 0; k < keyed.length; k++) {
      Item item = instrument.definition().item(s.items().get(k)).orElseThrow();
      int raw = item.keyed((int) keyed[k]); // keying is its own inverse
      c = c.with(item.number(), raw);
    }
    return c;
  }

  @Test
  void theMissingRuleScoresAtItsMinimumAndNotOneBelow() {
    List<Prorating> all = new ArrayList<>();
    for (Instrument i : Shipped.ALL) {
      for (Subscale s : i.definition().subscales()) {
        all.add(new Prorating(i, s));
      }
    }
    qt().withExamples(EXAMPLES).forAll(Generate.pick(all), cases(instruments(), true).map(Case::answers),
            Generate.range(0, 1000))
        .checkAssert((p, ignored, shuffle) -> {
          Subscale s = p.subscale();
          int minimum = s.missingRule().minAnswered();
          // Every item answered 'min', then leave exactly 'minimum' of the subscale's items answered,
          // rotating which ones by 'shuffle'.
          List<Item> items = p.instrument().definition().items();
          double[] answers = new double[items.size()];
          for (int i = 0; i < items.size(); i++) {
            answers[i] = items.get(i).scale().min();
          }
          Case atMinimum = new Case(p.instrument(), answers);
          int n = s.items().size();
          for (int k = 0; k < n - minimum; k++) {
            atMinimum = atMinimum.with(s.items().get((shuffle + k) % n), Double.NaN);
          }
          SubscaleScore at = p.instrument().score(atMinimum.responses()).subscale(s.id()).orElseThrow();
          assertThat(at.isScored()).as("%s with %d answered", p, minimum).isTrue();
          assertThat(at.prorated()).isEqualTo(minimum < n);
          Case below = atMinimum.with(s.items().get((shuffle + n - minimum) % n), Double.NaN);
          SubscaleScore under = p.instrument().score(below.responses()).subscale(s.id()).orElseThrow();
          assertThat(under.isScored()).as("%s with %d answered", p, minimum - 1).isFalse();
          assertThat(under.notScoredReason()).hasValue(
              (minimum - 1) + " of " + n + " items answered; at least " + minimum + " required");
        });
  }

  @Test
  void theSameAnswersAlwaysGiveTheSameScore() {
    qt().withExamples(100).forAll(cases(instruments(), false)).checkAssert(c ->
        assertThat(c.instrument().score(c.responses())).isEqualTo(c.instrument().score(c.responses())));
  }
}
