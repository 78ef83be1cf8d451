package org.outcome.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.outcome.instruments.Shipped.answers;
import static org.outcome.instruments.Shipped.same;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.MissingItemRule;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.SubscaleScore;

/**
 * Hand-worked examples for every shipped instrument: a complete administration, a prorated one
 * (or, where every item is required, one that is not scored), and a rejected one. Each expected
 * value is worked out in the comment above it from the definition's published rule.
 */
class WorkedExamplesTest {
  private static final double EXACT = 1e-12;

  private static double value(Score score, String subscale) {
    return sub(score, subscale).value().orElseThrow();
  }

  private static SubscaleScore sub(Score score, String subscale) {
    return score.subscale(SubscaleId.of(subscale)).orElseThrow();
  }

  private static Score score(String id, Integer... values) {
    return Shipped.get(id).score(answers(id, values));
  }

  // ---------------------------------------------------------------- Empowerment Scale

  @Test
  void empowermentScaleReversesTheNineNegativeItemsAndTakesTheMean() {
    // All 28 answered 3 (agree). The 19 positive items score 3; the 9 negative items (4, 7, 8, 10,
    // 16, 17, 21, 22, 23) score 5 - 3 = 2. Sum 19*3 + 9*2 = 75; mean 75 / 28 = 2.678571...
    Score s = score("empowerment-scale", same(28, 3));
    assertThat(value(s, "total")).isCloseTo(75.0 / 28, within(EXACT));
    assertThat(s.prorated()).isFalse();

    // Strongly agreeing with everything: positives 4, negatives 1. (19*4 + 9) / 28 = 85/28.
    assertThat(value(score("empowerment-scale", same(28, 4)), "total")).isCloseTo(85.0 / 28, within(EXACT));
  }

  @Test
  void empowermentScaleRequiresEveryItemByDefaultAndProratesUnderAConfiguredRule() {
    Integer[] a = same(28, 3);
    a[4] = null; // item 5 (positive) missing
    SubscaleScore total = sub(score("empowerment-scale", a), "total");
    assertThat(total.isScored()).isFalse();
    assertThat(total.missingItems()).containsExactly(5);
    assertThat(total.notScoredReason()).contains("27 of 28 items answered; at least 28 required");

    // With a rule allowing 3 missing: mean of the 27 answered = (18*3 + 9*2) / 27 = 72/27.
    InstrumentDefinition relaxed = Shipped.get("empowerment-scale").definition()
        .withMissingRule(SubscaleId.of("total"), MissingItemRule.maxMissing(28, 3));
    SubscaleScore prorated = sub(Instruments.of(relaxed).score(answers("empowerment-scale", a)), "total");
    assertThat(prorated.value().orElseThrow()).isCloseTo(72.0 / 27, within(EXACT));
    assertThat(prorated.prorated()).isTrue();
    assertThat(prorated.missingItems()).containsExactly(5);
  }

  @Test
  void empowermentScaleRejectsAnAnswerOutsideOneToFour() {
    Integer[] a = same(28, 2);
    a[9] = 5;
    assertThatThrownBy(() -> score("empowerment-scale", a))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .containsExactly(Violation.atItem(10, "answer is outside the scale 1-4")));
  }

  // ---------------------------------------------------------------- MHCS

  @Test
  void mentalHealthConfidenceScaleIsTheMeanOfSixteenItems() {
    // 1,2,3,4,5,6,1,2,3,4,5,6,1,2,3,4: sum 21 + 21 + 10 = 52; mean 52/16 = 3.25.
    Score s = score("mhcs", 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4);
    assertThat(value(s, "total")).isEqualTo(3.25);
  }

  @Test
  void mentalHealthConfidenceScaleWithAMissingItemIsNotScoredUnlessARuleAllowsIt() {
    Integer[] a = {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3, null};
    assertThat(sub(score("mhcs", a), "total").isScored()).isFalse();
    // Allowing one missing: mean of the 15 answered = 48/15 = 3.2.
    Instrument relaxed = Instruments.of(Shipped.get("mhcs").definition()
        .withMissingRule(SubscaleId.of("total"), new MissingItemRule(15)));
    SubscaleScore total = sub(relaxed.score(answers("mhcs", a)), "total");
    assertThat(total.value().orElseThrow()).isCloseTo(3.2, within(EXACT));
    assertThat(total.prorated()).isTrue();
  }

  @Test
  void mentalHealthConfidenceScaleRejectsZero() {
    Integer[] a = same(16, 3);
    a[0] = 0;
    assertThatThrownBy(() -> score("mhcs", a)).hasMessageContaining("item 1: answer is outside the scale 1-6");
  }

  // ---------------------------------------------------------------- GSE

  @Test
  void generalSelfEfficacyIsTheSumOfTenItems() {
    // 1+2+3+4+1+2+3+4+1+2 = 23.
    assertThat(value(score("gse", 1, 2, 3, 4, 1, 2, 3, 4, 1, 2), "total")).isEqualTo(23);
  }

  @Test
  void generalSelfEfficacyProratesUpToThreeMissingAsMeanTimesTen() {
    // Items 9 and 10 missing: the 8 answered sum to 20, mean 2.5, times 10 = 25.
    SubscaleScore two = sub(score("gse", 1, 2, 3, 4, 1, 2, 3, 4, null, null), "total");
    assertThat(two.value().orElseThrow()).isEqualTo(25);
    assertThat(two.prorated()).isTrue();
    assertThat(two.missingItems()).containsExactly(9, 10);

    // Three missing (boundary): 7 answered 1,2,3,4,1,2,3 = 16, mean 16/7, times 10.
    assertThat(sub(score("gse", 1, 2, 3, 4, 1, 2, 3, null, null, null), "total").value().orElseThrow())
        .isCloseTo(160.0 / 7, within(EXACT));
    // Four missing: not scored.
    assertThat(sub(score("gse", 1, 2, 3, 4, 1, 2, null, null, null, null), "total").notScoredReason())
        .contains("6 of 10 items answered; at least 7 required");
  }

  @Test
  void generalSelfEfficacyRejectsAHalfPoint() {
    var r = org.outcome.api.instrument.ResponseSet.builder(org.outcome.api.InstrumentId.of("gse"));
    for (int i = 1; i <= 10; i++) {
      r.answer(i, i == 3 ? 2.5 : 2);
    }
    assertThatThrownBy(() -> Shipped.get("gse").score(r.build()))
        .hasMessageContaining("item 3: answer is not a whole number");
  }

  // ---------------------------------------------------------------- MANSA

  @Test
  void mansaIsTheMeanOfTwelveSatisfactionRatings() {
    // 4,5,6,7 three times: sum 66, mean 5.5.
    assertThat(value(score("mansa", 4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, 7), "satisfaction")).isEqualTo(5.5);
  }

  @Test
  void mansaProratesUnderAConfiguredRule() {
    Integer[] a = {4, 5, 6, 7, 4, 5, 6, 7, 4, 5, 6, null};
    assertThat(sub(score("mansa", a), "satisfaction").isScored()).isFalse();
    // Allowing two missing: (66 - 7) / 11 = 59/11.
    Instrument relaxed = Instruments.of(Shipped.get("mansa").definition()
        .withMissingRule(SubscaleId.of("satisfaction"), MissingItemRule.maxMissing(12, 2)));
    assertThat(sub(relaxed.score(answers("mansa", a)), "satisfaction").value().orElseThrow())
        .isCloseTo(59.0 / 11, within(EXACT));
  }

  @Test
  void mansaRejectsEight() {
    Integer[] a = same(12, 4);
    a[11] = 8;
    assertThatThrownBy(() -> score("mansa", a)).hasMessageContaining("item 12: answer is outside the scale 1-7");
  }

  // ---------------------------------------------------------------- WHOQOL-BREF

  private static Integer[] whoqolAllFour() {
    Integer[] a = same(26, 4);
    a[2] = 2; // Q3 -> 6 - 2 = 4
    a[3] = 1; // Q4 -> 6 - 1 = 5
    a[25] = 2; // Q26 -> 4
    return a;
  }

  @Test
  void whoqolBrefDomainsFollowWhoSyntax() {
    // Physical: Q3 4, Q4 5, Q10 Q15 Q16 Q17 Q18 4 each: sum 29, mean 29/7, x4 = 116/7 (4-20),
    // then (116/7 - 4) x 100/16 = 88/7 x 6.25 = 550/7 = 78.571428...
    // Psychological, social, environment: every recoded item 4, mean 4, x4 = 16, (16-4) x 6.25 = 75.
    Score s = score("whoqol-bref", whoqolAllFour());
    assertThat(value(s, "physical.4-20")).isCloseTo(116.0 / 7, within(EXACT));
    assertThat(value(s, "physical")).isCloseTo(550.0 / 7, within(EXACT));
    assertThat(value(s, "psychological")).isEqualTo(75);
    assertThat(value(s, "social")).isEqualTo(75);
    assertThat(value(s, "environment")).isEqualTo(75);
    assertThat(value(s, "psychological.4-20")).isEqualTo(16);
    assertThat(value(s, "overall")).isEqualTo(4);
    assertThat(value(s, "health")).isEqualTo(4);
    assertThat(s.primaryScore().subscale()).isEqualTo(SubscaleId.of("psychological"));
  }

  @Test
  void whoqolBrefProratesDomainsUnderTheSyntaxRule() {
    Integer[] a = whoqolAllFour();
    a[9] = null; // Q10 (physical): 6 of 7 answered, MEAN.6 -> scored
    a[20] = null; // Q21 (social): 2 of 3 answered, MEAN.2 -> scored
    Score s = score("whoqol-bref", a);
    // Physical: Q3 4, Q4 5, Q15-18 4 each: sum 25, mean 25/6, x4 = 50/3, (50/3 - 4) x 6.25 = 475/6.
    assertThat(value(s, "physical")).isCloseTo(475.0 / 6, within(EXACT));
    assertThat(sub(s, "physical").prorated()).isTrue();
    assertThat(sub(s, "physical").missingItems()).containsExactly(10);
    assertThat(value(s, "social")).isEqualTo(75);
    assertThat(sub(s, "social").prorated()).isTrue();
    assertThat(sub(s, "psychological").prorated()).isFalse();
    assertThat(s.missingItems()).containsExactly(10, 21);

    // One more social item missing: 1 of 3 answered, below MEAN.2.
    a[19] = null;
    assertThat(sub(score("whoqol-bref", a), "social").notScoredReason())
        .contains("1 of 3 items answered; at least 2 required");
  }

  @Test
  void whoqolBrefDiscardsAnAdministrationWithMoreThanFourMissing() {
    Integer[] a = whoqolAllFour();
    a[0] = a[4] = a[7] = a[9] = null; // 4 missing: kept
    assertThat(sub(score("whoqol-bref", a), "environment").isScored()).isTrue();
    a[11] = null; // 5 missing: SELECT IF (TOTAL > 21) drops it
    Score s = score("whoqol-bref", a);
    assertThat(s.subscales()).noneMatch(SubscaleScore::isScored);
    assertThat(sub(s, "health").notScoredReason()).contains("5 of 26 items missing; the instrument discards an administration with more than 4 missing");
  }

  @Test
  void whoqolBrefManualRuleIsConfigurable() {
    InstrumentDefinition manual = Shipped.get("whoqol-bref").definition()
        .withMissingRule(SubscaleId.of("physical"), new MissingItemRule(5))
        .withMissingRule(SubscaleId.of("psychological"), new MissingItemRule(4))
        .withMissingRule(SubscaleId.of("social"), new MissingItemRule(3))
        .withMissingRule(SubscaleId.of("environment"), new MissingItemRule(6))
        .withMaxMissingItems(OptionalInt.of(5));
    Integer[] a = whoqolAllFour();
    a[20] = null; // Q21: social scored under the syntax rule, not under the manual's
    a[9] = a[14] = null; // Q10, Q15: physical 5 of 7, scored under the manual's rule only
    Score syntax = score("whoqol-bref", a);
    Score text = Instruments.of(manual).score(answers("whoqol-bref", a));
    assertThat(sub(syntax, "social").isScored()).isTrue();
    assertThat(sub(text, "social").isScored()).isFalse();
    assertThat(sub(syntax, "physical").isScored()).isFalse();
    // Physical under the manual: Q3 4, Q4 5, Q16-18 4: sum 21, mean 21/5, x4 = 84/5, (84/5 - 4) x 6.25 = 80.
    assertThat(value(text, "physical")).isCloseTo(80, within(EXACT));
  }

  @Test
  void whoqolBrefRejectsSixAndNames() {
    Integer[] a = whoqolAllFour();
    a[25] = 6;
    assertThatThrownBy(() -> score("whoqol-bref", a)).hasMessageContaining("item 26: answer is outside the scale 1-5");
  }

  // ---------------------------------------------------------------- ReQoL

  @Test
  void reqol10TotalIsTheSumOfTenItemScoresAndThePhysicalItemStandsAlone() {
    // 0,1,2,3,4 twice = 20; item 11 (physical) = 3, not in the total.
    Score s = score("reqol-10", 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 3);
    assertThat(value(s, "total")).isEqualTo(20);
    assertThat(value(s, "physical")).isEqualTo(3);
  }

  @Test
  void reqol10WithAMissingItemIsNotScoredButThePhysicalItemIs() {
    Score s = score("reqol-10", 0, 1, 2, 3, 4, 0, 1, 2, 3, null, 2);
    assertThat(sub(s, "total").notScoredReason()).contains("9 of 10 items answered; at least 10 required");
    assertThat(value(s, "physical")).isEqualTo(2);
  }

  @Test
  void reqol20TotalRangesToEighty() {
    Integer[] a = same(21, 4);
    assertThat(value(score("reqol-20", a), "total")).isEqualTo(80);
    a[20] = 5;
    assertThatThrownBy(() -> score("reqol-20", a)).hasMessageContaining("item 21: answer is outside the scale 0-4");
  }

  // ---------------------------------------------------------------- WEMWBS and SWEMWBS

  @Test
  void wemwbsTotalIsTheSumAndItsShortFormIsConvertedByTheRaschTable() {
    // All 4: total 56; SWEMWBS items 1,2,3,6,7,9,11 sum to 28 -> 25.03.
    Score s = score("wemwbs", same(14, 4));
    assertThat(value(s, "total")).isEqualTo(56);
    assertThat(value(s, "swemwbs")).isEqualTo(25.03);

    // Items outside the short form do not move it: item 4 from 4 to 1 lowers only the total.
    Integer[] a = same(14, 4);
    a[3] = 1;
    Score t = score("wemwbs", a);
    assertThat(value(t, "total")).isEqualTo(53);
    assertThat(value(t, "swemwbs")).isEqualTo(25.03);
  }

  @Test
  void swemwbsConvertsTheRawSum() {
    // 3 x 7 = 21 -> 19.25; 1 x 7 = 7 -> 7.00; 5 x 7 = 35 -> 35.00; 2,3,3,3,3,3,3 = 20 -> 18.59.
    assertThat(value(score("swemwbs", same(7, 3)), "metric")).isEqualTo(19.25);
    assertThat(value(score("swemwbs", same(7, 3)), "raw")).isEqualTo(21);
    assertThat(value(score("swemwbs", same(7, 1)), "metric")).isEqualTo(7.00);
    assertThat(value(score("swemwbs", same(7, 5)), "metric")).isEqualTo(35.00);
    assertThat(value(score("swemwbs", 2, 3, 3, 3, 3, 3, 3), "metric")).isEqualTo(18.59);
  }

  @Test
  void swemwbsNeedsAllSevenItems() {
    SubscaleScore metric = sub(score("swemwbs", 3, 3, 3, null, 3, 3, 3), "metric");
    assertThat(metric.isScored()).isFalse();
    assertThat(metric.missingItems()).containsExactly(4);
    assertThatThrownBy(() -> score("swemwbs", 3, 3, 3, 3, 3, 3, 3, 3))
        .hasMessageContaining("item 8: the instrument has no item 8");
  }

  @Test
  void everyShippedInstrumentHasAWorkedExampleHere() {
    assertThat(Shipped.BY_ID.keySet()).containsExactlyInAnyOrder("empowerment-scale", "mhcs", "gse", "mansa",
        "whoqol-bref", "reqol-10", "reqol-20", "wemwbs", "swemwbs");
    assertThat(List.copyOf(Shipped.BY_ID.keySet())).hasSize(9);
  }
}
