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
        + " and zeros are shown, so that no small number can be recovered from a table.");
  }
}
