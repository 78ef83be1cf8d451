package org.outcome.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outcome.stats.balance.Weighting.Estimand;

/** Trimming weights at a quantile. */
class WeightTrimmingTest {
  @Test
  void weightsAboveRsType7QuantileAreSetToIt() {
    // R: quantile(c(1, 5, 2, 9, 3, 7, 4), 0.9) is 7.8
    double[] w = {1, 5, 2, 9, 3, 7, 4};
    double[] t = {1, 0, 1, 0, 1, 0, 1};
    assertThat(Weighting.trim(w, t, Estimand.ATE, 0.9)).usingComparatorWithPrecision(1e-12).containsExactly(1, 5, 2, 7.8, 3, 7, 4);
    // for the ATT only the controls' weights (5, 9, 7) vary: quantile(c(5, 9, 7), 0.5) is 7
    assertThat(Weighting.trim(w, t, Estimand.ATT, 0.5)).containsExactly(1, 5, 2, 7, 3, 7, 4);
    assertThat(Weighting.trim(w, t, Estimand.ATE, 1)).containsExactly(w);
    assertThatThrownBy(() -> Weighting.trim(w, t, Estimand.ATE, 0)).hasMessageContaining("(0, 1]");
  }

  @Test
  void trimmingNeverRaisesAWeightAndKeepsTheirOrder() {
    qt().withExamples(300).forAll(longs().all(), integers().between(1, 200), doubles().between(0.01, 1))
        .checkAssert((seed, n, q) -> {
          Random r = new Random(seed);
          double[] w = new double[n];
          double[] t = new double[n];
          for (int i = 0; i < n; i++) {
            w[i] = Math.exp(2 * r.nextGaussian());
            t[i] = r.nextInt(2);
          }
          for (Estimand e : Estimand.values()) {
            double[] trimmed = Weighting.trim(w, t, e, q);
            for (int i = 0; i < n; i++) {
              assertThat(trimmed[i]).isLessThanOrEqualTo(w[i]);
              for (int j = 0; j < n; j++) {
                if (w[i] <= w[j] && (e != Estimand.ATT || t[i] == t[j])) {
                  assertThat(trimmed[i]).isLessThanOrEqualTo(trimmed[j]);
                }
              }
            }
          }
        });
  }
}
