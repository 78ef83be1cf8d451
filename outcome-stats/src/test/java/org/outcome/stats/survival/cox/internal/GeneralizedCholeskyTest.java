package org.outcome.stats.survival.cox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** R's {@code cholesky2} rule: a pivot below {@code toler * max(diagonal)} makes its column singular. */
class GeneralizedCholeskyTest {
  static final double TOLER = Math.pow(Math.ulp(1.0), 0.75);

  @Test
  void fullRankInverseAndSolve() {
    double[][] m = {{4, 2, 0.5}, {2, 3, 1}, {0.5, 1, 2}};
    GeneralizedCholesky g = GeneralizedCholesky.of(m, TOLER);
    assertThat(g.rank()).isEqualTo(3);
    double[][] inv = g.inverse();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += m[i][k] * inv[k][j];
        }
        assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-14));
      }
    }
    double[] z = g.solve(new double[] {1, 2, 3});
    for (int i = 0; i < 3; i++) {
      assertThat(m[i][0] * z[0] + m[i][1] * z[1] + m[i][2] * z[2]).isCloseTo(i + 1.0, within(1e-14));
    }
  }

  @Test
  void aDependentColumnIsDroppedAndGetsZeros() {
    // column 3 = column 1 - column 2 of a Gram matrix: rank 2, the third is singular
    double[][] m = {{4, 2, 2}, {2, 2, 0}, {2, 0, 2}};
    GeneralizedCholesky g = GeneralizedCholesky.of(m, TOLER);
    assertThat(g.rank()).isEqualTo(2);
    assertThat(g.singular(2)).isTrue();
    assertThat(g.singular(0) || g.singular(1)).isFalse();
    double[][] inv = g.inverse();
    assertThat(inv[2]).containsExactly(0, 0, 0);
    assertThat(inv[0][2]).isZero();
    // the kept 2x2 block is inverted: [[4, 2], [2, 2]]^-1 = [[0.5, -0.5], [-0.5, 1]]
    assertThat(inv[0][0]).isCloseTo(0.5, within(1e-15));
    assertThat(inv[0][1]).isCloseTo(-0.5, within(1e-15));
    assertThat(inv[1][1]).isCloseTo(1, within(1e-15));
    assertThat(g.solve(new double[] {1, 1, 5})[2]).isZero();
  }

  @Test
  void thePivotThresholdIsRelativeToTheLargestDiagonal() {
    assertThat(GeneralizedCholesky.of(new double[][] {{1, 0}, {0, 1e-13}}, TOLER).singular(1)).isTrue();
    assertThat(GeneralizedCholesky.of(new double[][] {{1, 0}, {0, 1e-11}}, TOLER).singular(1)).isFalse();
    assertThat(GeneralizedCholesky.of(new double[][] {{1e-20, 0}, {0, 1e-20}}, TOLER).rank()).isEqualTo(2);
  }

  @Test
  void anAllZeroMatrixHasRankZero() {
    GeneralizedCholesky g = GeneralizedCholesky.of(new double[2][2], TOLER);
    assertThat(g.rank()).isZero();
    assertThat(g.quadraticForm(new double[] {1, 2})).isZero();
  }
}
