package org.outcome.testkit.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expectations refuse facts no instrument can have, and are immutable values. */
class ExpectationsTest {
  @Test
  void impossibleFactsAreRefusedWhenWritten() {
    assertThatThrownBy(() -> Expectations.of().items(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expectations.of().scale(4, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expectations.of().range(40, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expectations.of().range(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expectations.of().minAnswered(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachFactMakesANewValueAndLeavesTheOldOneAlone() {
    Expectations none = Expectations.of();
    int[] answers = {3, 3};
    Expectations some = none.items(2).scale(1, 4).reversed(2).range(2, 8).minAnswered(1).workedExample(6, answers);
    answers[0] = 4; // the expectations keep their own copy

    assertThat(none.items()).isEmpty();
    assertThat(none.examples()).isEmpty();
    assertThat(some.items()).hasValue(2);
    assertThat(some.scale()).hasValueSatisfying(s -> assertThat(s).containsExactly(1, 4));
    assertThat(some.reversed()).hasValueSatisfying(r -> assertThat(r).containsExactly(2));
    assertThat(some.minAnswered()).hasValue(1);
    assertThat(some.examples()).singleElement().satisfies(e -> {
      assertThat(e.primaryScore()).isEqualTo(6);
      assertThat(e.answers().apply(org.outcome.api.InstrumentId.of("x")).value(0)).isEqualTo(3);
    });
  }
}
