package org.outcome.stats.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.common.Exactness;
import org.outcome.stats.common.PValueMethod;

class MannWhitneyTestTest {
  // R's ?wilcox.test example (Hollander and Wolfe 1973, p. 69): permeability constants
  static final double[] X = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
  static final double[] Y = {1.15, 0.88, 0.90, 0.74, 1.21};

  @Test
  void exactSmallSamples() {
    // R 4.2.2: wilcox.test(x, y, alternative = ...): W = 35, "Wilcoxon rank sum exact test"
    MannWhitneyTest.Result r = MannWhitneyTest.withDefaults().test("x", X, "y", Y);
    assertThat(r.w()).isEqualTo(35);
    assertThat(r.pValueMethod()).isEqualTo(PValueMethod.EXACT);
    close(r.pValue(), 0.2544122544122544);
    close(MannWhitneyTest.withDefaults().withAlternative(Alternative.LESS).test("x", X, "y", Y).pValue(), 0.89676989676989671);
    close(MannWhitneyTest.withDefaults().withAlternative(Alternative.GREATER).test("x", X, "y", Y).pValue(), 0.1272061272061272);
    // wilcox.test(x, y, mu = 0.1): W = 33, p = 0.37096237096237095
    MannWhitneyTest.Result shifted = MannWhitneyTest.withDefaults().withMu(0.1).test("x", X, "y", Y);
    assertThat(shifted.w()).isEqualTo(33);
    close(shifted.pValue(), 0.37096237096237095);
    close(r.probabilityOfSuperiority(), 35.0 / 50);
  }

  static double[] seq(int n, int multiplier, int modulus, double offset) {
    double[] v = new double[n];
    for (int i = 1; i <= n; i++) {
      v[i - 1] = (i * multiplier) % modulus + offset;
    }
    return v;
  }

  @Test
  void theExactRuleNeedsBothGroupsBelowFifty() {
    // R 4.2.2: xx <- ((1:49)*37) %% 101 + 0.25; yy <- ((1:49)*53) %% 103 + 0.5; wilcox.test(xx, yy)
    // W = 1286, p = 0.54751439594303275 (exact); alternative = "less": 0.72859633356838938
    double[] xx = seq(49, 37, 101, 0.25);
    double[] yy = seq(49, 53, 103, 0.5);
    MannWhitneyTest.Result exact = MannWhitneyTest.withDefaults().test("x", xx, "y", yy);
    assertThat(exact.pValueMethod()).isEqualTo(PValueMethod.EXACT);
    assertThat(exact.w()).isEqualTo(1286);
    close(exact.pValue(), 0.54751439594303275);
    close(MannWhitneyTest.withDefaults().withAlternative(Alternative.LESS).test("x", xx, "y", yy).pValue(),
        0.72859633356838938);
    // x5 <- ((1:50)*37) %% 101 + 0.25; y2 <- ((1:20)*53) %% 103 + 0.5; wilcox.test(x5, y2)
    // W = 587, p = 0.26078110401752524 with continuity correction; exact = TRUE: 0.26314117357436889
    double[] x5 = seq(50, 37, 101, 0.25);
    double[] y2 = seq(20, 53, 103, 0.5);
    MannWhitneyTest.Result normal = MannWhitneyTest.withDefaults().test("x", x5, "y", y2);
    assertThat(normal.pValueMethod()).isEqualTo(PValueMethod.NORMAL_CONTINUITY);
    assertThat(normal.w()).isEqualTo(587);
    close(normal.pValue(), 0.26078110401752524);
    close(MannWhitneyTest.withDefaults().withExactness(Exactness.EXACT).test("x", x5, "y", y2).pValue(),
        0.26314117357436889);
  }

  @Test
  void tiesUseTheCorrectedNormalApproximation() {
    // R 4.2.2: g1 <- c(3, 5, 5, 6, 7, 7, 7, 9, 10); g2 <- c(1, 2, 3, 3, 5, 6, 6, 8); wilcox.test(g1, g2, ...)
    double[] g1 = {3, 5, 5, 6, 7, 7, 7, 9, 10};
    double[] g2 = {1, 2, 3, 3, 5, 6, 6, 8};
    MannWhitneyTest test = MannWhitneyTest.withDefaults();
    MannWhitneyTest.Result r = test.test("g1", g1, "g2", g2);
    assertThat(r.w()).isEqualTo(55);
    close(r.pValue(), 0.072196527944590139);
    close(test.withAlternative(Alternative.LESS).test("g1", g1, "g2", g2).pValue(), 0.97095773141334007);
    close(test.withAlternative(Alternative.GREATER).test("g1", g1, "g2", g2).pValue(), 0.036098263972295069);
    close(test.withContinuityCorrection(ContinuityCorrection.NONE).test("g1", g1, "g2", g2).pValue(), 0.064824267086392579);
    assertThat(g1[0]).as("inputs are not modified").isEqualTo(3);
  }

  @Test
  void allValuesTiedIsDegenerate() {
    assertThatThrownBy(() -> MannWhitneyTest.withDefaults().withExactness(Exactness.APPROXIMATE)
        .test("a", new double[] {2, 2}, "b", new double[] {2, 2, 2}))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("tied");
  }

  @Test
  void digitsRankAsR() {
    // R 4.2.2: x <- c(0.1 + 0.2, 1.5, 2.25, 0.7); y <- c(0.3, 1.1, 2.7)
    // wilcox.test(x, y): W = 6, p = 1; wilcox.test(x, y, digits.rank = 7): W = 5.5 (0.1 + 0.2 ties 0.3), p = 1
    double[] x = {0.1 + 0.2, 1.5, 2.25, 0.7};
    double[] y = {0.3, 1.1, 2.7};
    assertThat(MannWhitneyTest.withDefaults().test("x", x, "y", y).w()).isEqualTo(6);
    MannWhitneyTest.Result rounded = MannWhitneyTest.withDefaults().withDigitsRank(7).test("x", x, "y", y);
    assertThat(rounded.w()).isEqualTo(5.5);
    close(rounded.pValue(), 1);
  }
}
