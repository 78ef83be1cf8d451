package org.outcome.api.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

class InstrumentDefinitionTest {
  private static List<Item> items(int n, int min, int max) {
    List<Item> items = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      items.add(new Item(i, "item " + i, i % 2 == 0 ? Keying.REVERSE : Keying.POSITIVE, ResponseScale.of(min, max)));
    }
    return items;
  }

  private static Subscale subscale(String id, List<Integer> items, Aggregation aggregation, int minAnswered,
      Transform... transforms) {
    return new Subscale(SubscaleId.of(id), id, items, aggregation, List.of(transforms),
        new MissingItemRule(minAnswered), Polarity.HIGHER_IS_BETTER, Optional.empty());
  }

  private static InstrumentDefinition definition(List<Item> items, List<Subscale> subscales, String primary) {
    return new InstrumentDefinition(InstrumentId.of("test"), "1", "Test", Construct.OTHER, "cite", "licence",
        items, subscales, SubscaleId.of(primary), OptionalInt.empty(), List.of());
  }

  @Test
  void everyCrossFieldProblemIsReportedTogether() {
    List<Item> items = new ArrayList<>(items(3, 1, 4));
    items.add(new Item(2, "again", Keying.POSITIVE, ResponseScale.of(1, 4)));
    List<Subscale> subscales = List.of(
        subscale("a", List.of(1, 9, 1), Aggregation.SUM, 4),
        subscale("a", List.of(1), Aggregation.MEAN, 1));

    assertThatThrownBy(() -> definition(items, subscales, "missing"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location)
            .containsExactly("items[3].number", "subscales[0].items[1]", "subscales[0].items[2]",
                "subscales[0].missingRule.minAnswered", "subscales[1].id", "primary"));
  }

  @Test
  void rangeOfAMeanIsTheItemScale() {
    InstrumentDefinition d = definition(items(28, 1, 4),
        List.of(subscale("total", List.of(1, 2, 3, 4), Aggregation.MEAN, 2)), "total");

    assertThat(d.range(SubscaleId.of("total"))).isEqualTo(new ScoreRange(1, 4));
  }

  @Test
  void rangeOfATransformedMeanFollowsTheTransformsInOrder() {
    // WHOQOL-BREF style: 4 x mean (4-20), then (d - 4) * 100 / 16 (0-100)
    InstrumentDefinition d = definition(items(3, 1, 5), List.of(subscale("domain", List.of(1, 2, 3),
        Aggregation.MEAN, 2, Transform.Linear.scale(4), new Transform.Linear(-4, 100.0 / 16))), "domain");

    assertThat(d.range(SubscaleId.of("domain"))).isEqualTo(new ScoreRange(0, 100));
  }

  @Test
  void negativeFactorFlipsTheRange() {
    InstrumentDefinition d = definition(items(2, 0, 4),
        List.of(subscale("s", List.of(1, 2), Aggregation.SUM, 2, new Transform.Linear(0, -1))), "s");

    assertThat(d.range(SubscaleId.of("s"))).isEqualTo(new ScoreRange(-8, 0));
  }

  @Test
  void lookupMustCoverEveryReachableRawScore() {
    Map<Integer, Double> table = new TreeMap<>();
    for (int raw = 3; raw <= 11; raw++) { // reachable is 3..12
      table.put(raw, raw * 1.5);
    }
    assertThatThrownBy(() -> definition(items(3, 1, 4),
            List.of(subscale("s", List.of(1, 2, 3), Aggregation.SUM, 3, Transform.Lookup.of(table))), "s"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no entry for reachable raw score(s) [12] (reachable: 3 to 12)");

    table.put(12, 20.0);
    InstrumentDefinition d = definition(items(3, 1, 4),
        List.of(subscale("s", List.of(1, 2, 3), Aggregation.SUM, 3, Transform.Lookup.of(table))), "s");
    assertThat(d.range(SubscaleId.of("s"))).isEqualTo(new ScoreRange(4.5, 20));
  }

  @Test
  void lookupNeedsACompleteSum() {
    Map<Integer, Double> table = new TreeMap<>();
    for (int raw = 3; raw <= 12; raw++) {
      table.put(raw, (double) raw);
    }
    assertThatThrownBy(() -> definition(items(3, 1, 4),
            List.of(subscale("s", List.of(1, 2, 3), Aggregation.SUM, 2, Transform.Lookup.of(table))), "s"))
        .hasMessageContaining("lookup table must be the first step after a sum that requires every item");
  }

  @Test
  void linearTransformAppliesShiftThenFactor() {
    assertThat(new Transform.Linear(-4, 6.25).apply(13)).isEqualTo(56.25);
    assertThatThrownBy(() -> new Transform.Linear(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itemKeyingRecodesWithinTheScale() {
    Item reverse = new Item(4, "reverse", Keying.REVERSE, ResponseScale.of(1, 5));
    Item positive = new Item(5, "positive", Keying.POSITIVE, ResponseScale.of(0, 4));

    assertThat(reverse.keyed(1)).isEqualTo(5);
    assertThat(reverse.keyed(2)).isEqualTo(4);
    assertThat(positive.keyed(3)).isEqualTo(3);
  }

  @Test
  void responseScaleLabelsMatchTheAnswers() {
    assertThat(new ResponseScale(1, 4, List.of("a", "b", "c", "d")).size()).isEqualTo(4);
    assertThatThrownBy(() -> new ResponseScale(1, 4, List.of("a", "b")))
        .hasMessageContaining("needs 4 labels, got 2");
    assertThatThrownBy(() -> ResponseScale.of(3, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void psychometricsGiveTheStandardErrorOfTheDifference() {
    Psychometrics p = new Psychometrics(0.84, 10, java.util.OptionalDouble.empty(), "src", Verification.NOT_VERIFIED);

    assertThat(p.standardErrorOfDifference()).isCloseTo(Math.sqrt(2) * 10 * 0.4, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void subscaleScoreHasAValueOrAReason() {
    SubscaleId id = SubscaleId.of("total");
    assertThat(SubscaleScore.scored(id, 2.5, List.of(3), true).isScored()).isTrue();
    assertThat(SubscaleScore.notScored(id, List.of(1, 2), "2 of 4 items answered; 3 required").value()).isEmpty();
    assertThatThrownBy(() -> SubscaleScore.scored(id, Double.NaN, List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void responseSetKeepsEntriesAsGivenIncludingDuplicatesAndMissing() {
    ResponseSet r = ResponseSet.builder(InstrumentId.of("test")).version("2")
        .answer(1, 3).missing(2).answer(1, 2.5).build();

    assertThat(r.size()).isEqualTo(3);
    assertThat(r.isMissing(1)).isTrue();
    assertThat(r.value(2)).isEqualTo(2.5);
    assertThat(r.version()).contains("2");
    assertThat(r).hasToString("ResponseSet[test v2: 1=3, 2=missing, 1=2.5]");
    // complete() claims every item, which a builder's set does not: same entries, not equal
    ResponseSet complete = ResponseSet.complete(InstrumentId.of("test"), 1, 2);
    ResponseSet built = ResponseSet.builder(InstrumentId.of("test")).answer(1, 1).answer(2, 2).build();
    assertThat(complete.claimsEveryItem()).isTrue();
    assertThat(built.claimsEveryItem()).isFalse();
    assertThat(complete).isNotEqualTo(built).hasToString(built.toString());
    assertThat(complete).isEqualTo(ResponseSet.complete(InstrumentId.of("test"), 1, 2))
        .hasSameHashCodeAs(ResponseSet.complete(InstrumentId.of("test"), 1, 2));
  }

  @Test
  void answersAreLookedUpByItemNumberAndEntriesByIndexWithAClearRange() {
    ResponseSet r = ResponseSet.builder(InstrumentId.of("test")).answer(3, 4).missing(1).answer(2, 5).build();

    assertThat(r.answerTo(3)).hasValue(4.0);
    assertThat(r.answerTo(2)).hasValue(5.0);
    assertThat(r.answerTo(1)).isEmpty();
    assertThat(r.answerTo(9)).isEmpty();
    assertThat(r.item(0)).isEqualTo(3);
    assertThatThrownBy(() -> r.value(3)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("entry 3 of a response set with 3 entries (0 to 2)")
        .hasMessageContaining("answerTo(item)");
    assertThatThrownBy(() -> r.isMissing(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> r.item(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void withMissingRuleReplacesOneRuleAndChecksAgain() {
    InstrumentDefinition d = definition(items(4, 1, 4), List.of(
        subscale("a", List.of(1, 2), Aggregation.MEAN, 2), subscale("b", List.of(3, 4), Aggregation.SUM, 2)), "a");

    InstrumentDefinition relaxed = d.withMissingRule(SubscaleId.of("a"), new MissingItemRule(1));
    assertThat(relaxed.subscale(SubscaleId.of("a")).orElseThrow().missingRule().minAnswered()).isEqualTo(1);
    assertThat(relaxed.subscale(SubscaleId.of("b")).orElseThrow()).isEqualTo(d.subscale(SubscaleId.of("b")).orElseThrow());
    assertThat(d.subscale(SubscaleId.of("a")).orElseThrow().missingRule().minAnswered()).isEqualTo(2);
    assertThatThrownBy(() -> d.withMissingRule(SubscaleId.of("a"), new MissingItemRule(3)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("requires 3 answered items but has only 2");
    assertThatThrownBy(() -> d.withMissingRule(SubscaleId.of("zz"), new MissingItemRule(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withMaxMissingItemsReplacesTheLimitAndChecksAgain() {
    InstrumentDefinition d = definition(items(4, 1, 4), List.of(subscale("a", List.of(1, 2), Aggregation.MEAN, 1)), "a");

    assertThat(d.withMaxMissingItems(OptionalInt.of(2)).maxMissingItems()).hasValue(2);
    assertThat(d.withMaxMissingItems(OptionalInt.of(2)).withMaxMissingItems(OptionalInt.empty()).maxMissingItems()).isEmpty();
    assertThatThrownBy(() -> d.withMaxMissingItems(OptionalInt.of(4))).isInstanceOf(InvalidInputException.class);
  }
}
