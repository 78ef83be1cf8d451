package org.outcome.stats.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/** R 4.2.2's values, {@code options(digits = 17)}. */
class StandardNormalTest {
  @Test
  void quantilesAndTailAreasAreRs() {
    assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.9599639845400536, within(1e-15)); // qnorm(0.975)
    assertThat(StandardNormal.quantile(1e-10)).isCloseTo(-6.3613409024040557, within(1e-14)); // qnorm(1e-10)
    assertThat(StandardNormal.twoSidedP(1.96)).isCloseTo(0.049995790296440856, within(1e-16)); // 2 * pnorm(-1.96)
    assertThat(StandardNormal.twoSidedP(-8)).isCloseTo(1.244192114854357e-15, within(1e-29)); // 2 * pnorm(-8)
    assertThat(StandardNormal.twoSidedP(0)).isEqualTo(1);
    assertThatThrownBy(() -> StandardNormal.quantile(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTailAreaBeyondAQuantileIsItsProbability() {
    qt().forAll(doubles().between(1e-12, 0.5)).check(p ->
        Math.abs(StandardNormal.twoSidedP(StandardNormal.quantile(p)) - 2 * p) <= 1e-13 * p);
  }
}
