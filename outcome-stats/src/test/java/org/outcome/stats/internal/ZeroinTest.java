package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZeroinTest {
  @Test
  void stopsWhereRsUnirootStops() {
    // R 4.2.2 ?uniroot example: uniroot(function(x) x*(x^2-1) + .5, lower = -2, upper = 2, tol = 0.0001)$root
    // printed with digits = 17: -1.191487962191309. The true root is -1.1914878839531187 (tol = 1e-15): R stops
    // early, and so must we, at the same iterate.
    double root = Zeroin.uniroot(x -> x * (x * x - 1) + .5, -2, 2, 0.0001);
    assertThat(root).isCloseTo(-1.191487962191309, org.assertj.core.api.Assertions.within(1e-15));
  }

  @Test
  void refusesABracketWithoutSignChange() {
    assertThatThrownBy(() -> Zeroin.uniroot(x -> x * x + 1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
