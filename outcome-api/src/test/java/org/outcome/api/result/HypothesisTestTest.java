package org.outcome.api.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class HypothesisTestTest {
  @Test
  void anFTestCarriesBothDegreesOfFreedom() {
    HypothesisTest f = HypothesisTest.of("F", 7.27, 1, 48, 0.0096);

    assertThat(f.df()).hasValue(1);
    assertThat(f.denominatorDf()).hasValue(48);
  }

  @Test
  void otherTestsHaveNoDenominatorDf() {
    assertThat(HypothesisTest.of("t", 4.06, 9, 0.0028).denominatorDf()).isEmpty();
    assertThat(HypothesisTest.of("W", 12, 0.5).df()).isEmpty();
    assertThat(HypothesisTest.of("W", 12, 0.5).denominatorDf()).isEmpty();
    assertThat(new HypothesisTest("t", 4.06, OptionalDouble.of(9), 0.0028))
        .isEqualTo(HypothesisTest.of("t", 4.06, 9, 0.0028));
  }

  @Test
  void aDenominatorDfNeedsANumeratorDf() {
    assertThatThrownBy(() -> new HypothesisTest("F", 1, OptionalDouble.empty(), OptionalDouble.of(48), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("denominator df needs a numerator df");
  }

  @Test
  void thePValueMustBeAProbability() {
    assertThatThrownBy(() -> HypothesisTest.of("F", 1, 1, 48, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HypothesisTest.of("t", 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
