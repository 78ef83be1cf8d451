package org.outcome.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {
  private final Suppression nhs = Suppression.nhsDefault();

  @Test
  void nhsRuleHidesOneToSevenRoundsTheRestAndKeepsZero() {
    assertThat(List.of(0L, 1L, 7L, 8L, 12L, 13L, 100L, 1003L).stream().map(c -> nhs.apply(c).text()))
        .containsExactly("0", "*", "*", "10", "10", "15", "100", "1005");
  }

  @Test
  void publishedCountsAreNeverSmallAndAlwaysMultiplesOfFive() {
    qt().forAll(longs().between(0, 1_000_000)).check(count -> {
      SuppressedCount s = nhs.apply(count);
      if (count == 0) {
        return s.text().equals("0");
      }
      if (count <= 7) {
        return s.hidden();
      }
      long v = s.value().getAsLong();
      return v % 5 == 0 && v >= 10 && Math.abs(v - count) <= 2;
    });
  }

  @Test
  void disabledSuppressionShowsExactCounts() {
    assertThat(Suppression.none().apply(3).text()).isEqualTo("3");
    assertThat(Suppression.none().describe()).contains("without small-number suppression");
  }

  @Test
  void jsonCarriesTheSuppressedValueOnly() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    record Row(SuppressedCount n, SuppressedCount events) {}

    assertThat(mapper.writeValueAsString(new Row(nhs.apply(43), nhs.apply(4))))
        .isEqualTo("{\"n\":45,\"events\":\"*\"}");
  }

  @Test
  void ruleIsDescribedForTheMethodsSection() {
    assertThat(nhs.describe()).isEqualTo("Counts of 1 to 7 are shown as *, other counts are rounded to the nearest 5,"
        + " and zeros are shown, so that no small number can be recovered from a table; where a row's counts add up"
        + " to its total and a hidden or rounded count could still be worked out from the others, more of them are"
        + " shown as * (so a * may also stand for a larger count).");
  }

  @Test
  void aPublishedCountIsReadAsEveryCountThatWouldBePublishedSo() {
    qt().forAll(longs().between(0, 10_000)).check(count -> {
      long[] range = nhs.readAs(nhs.apply(count), 7);
      boolean covers = range[0] <= count && count <= range[1];
      // and every count of the range is published the same way
      boolean tight = nhs.apply(range[0]).equals(nhs.apply(count)) && nhs.apply(range[1]).equals(nhs.apply(count))
          && (range[0] == 0 || !nhs.apply(range[0] - 1).equals(nhs.apply(count)))
          && !nhs.apply(range[1] + 1).equals(nhs.apply(count));
      return covers && tight;
    });
    Suppression tens = new Suppression(true, 9, 10);
    assertThat(tens.readAs(tens.apply(25), 9)).containsExactly(25, 34); // 25 to 34 round to 30
    assertThat(tens.readAs(tens.apply(12), 9)).containsExactly(10, 14); // never a hidden count
  }
}
