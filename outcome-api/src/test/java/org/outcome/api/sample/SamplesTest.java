package org.outcome.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

class SamplesTest {
  @Test
  void factorLevelsSortLikeR() {
    assertThat(Factor.of("2", "10", "1").levels()).containsExactly("1", "2", "10");
    assertThat(Factor.of("diet2", "diet1", "diet10").levels()).containsExactly("diet1", "diet10", "diet2");
    assertThat(Factor.inOrderOfAppearance("peer", "usual", "peer").levels()).containsExactly("peer", "usual");
    Factor f = Factor.withLevels(new String[] {"b", "a", "b"}, List.of("b", "a", "c"));
    assertThat(f.counts()).containsExactly(2, 1, 0);
    assertThat(f.level(1)).isEqualTo("a");
  }

  @Test
  void factorRejectsUnknownLevelsNamingTheRow() {
    assertThatThrownBy(() -> Factor.withLevels(new String[] {"a", "z"}, List.of("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 2: not one of the levels [a, b]");
  }

  @Test
  void pairedSampleRejectsNonFiniteValuesNamingEachRow() {
    assertThatThrownBy(() -> PairedSample.of(new double[] {1, Double.NaN, 3}, new double[] {1, 2, Double.POSITIVE_INFINITY}))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location)
            .containsExactly("row 2, column before", "row 3, column after"));
    assertThatThrownBy(() -> PairedSample.of(new double[] {1}, new double[] {1, 2}))
        .hasMessageContaining("after: has 2 values, expected 1");
  }

  @Test
  void pairedSampleCopiesItsInput() {
    double[] before = {1, 2};
    PairedSample s = PairedSample.of(before, new double[] {3, 5});
    before[0] = 100;

    assertThat(s.before(0)).isEqualTo(1);
    assertThat(s.differences()).containsExactly(2, 3);
    assertThat(s.swapped().differences()).containsExactly(-2, -3);
  }

  @Test
  void groupedSampleSplitsByLevel() {
    GroupedSample s = GroupedSample.of(new double[] {1, 2, 3, 4}, Factor.of("b", "a", "b", "a"));

    assertThat(s.levels()).containsExactly("a", "b");
    assertThat(s.values("a")).containsExactly(2, 4);
    assertThat(s.values(1)).containsExactly(1, 3);
  }

  @Test
  void survivalSampleNeedsTimesOfZeroOrMoreAndMatchingColumns() {
    // R's Surv(c(5, 0, -1, NaN), ...) stops on the negative time and keeps 0 (same-day readmission)
    assertThatThrownBy(() -> SurvivalSample.builder(new double[] {5, 0, -1, -0.0, Double.NaN},
                new boolean[] {true, false, true, true, false})
            .covariate("age", new double[] {1, 2})
            .group(Factor.of("a", "b", "a", "a", "b"))
            .build())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("row 3, column time: not a finite number at least 0",
                "row 5, column time: not a finite number at least 0",
                "age: has 2 values, expected 5"));
    assertThat(SurvivalSample.builder(new double[] {0, 0, 3}, new boolean[] {true, false, true}).build().time(0))
        .isZero();
  }

  @Test
  void survivalSampleKeepsItsColumns() {
    SurvivalSample s = SurvivalSample.builder(new double[] {5, 8}, new boolean[] {true, false})
        .group(Factor.of("peer", "usual"))
        .covariate("age", new double[] {30, 40})
        .build();

    assertThat(s.eventCount()).isEqualTo(1);
    assertThat(s.group().orElseThrow().levels()).containsExactly("peer", "usual");
    assertThat(s.covariates()).extracting(Covariate::name).containsExactly("age");
    assertThat(s.withGroup(java.util.Optional.empty()).group()).isEmpty();
  }

  @Test
  void countTablesRejectNegativeCells() {
    assertThatThrownBy(() -> TwoByTwoTable.of(1, -2, 3, -4))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location).containsExactly("b", "d"));
    assertThatThrownBy(() -> new PersonTimeCounts(3, 0, 4, 10))
        .hasMessageContaining("person-time 0.0 must be positive");
  }
}
