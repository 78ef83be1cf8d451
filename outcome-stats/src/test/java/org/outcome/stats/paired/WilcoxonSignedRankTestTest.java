package org.outcome.stats.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.common.Exactness;
import org.outcome.stats.common.PValueMethod;

class WilcoxonSignedRankTestTest {
  // Hollander and Wolfe (1973, p. 29), the depression data of R's ?wilcox.test: x first visit, y second
  static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
  static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
  // after - before = x - y as in wilcox.test(x, y, paired = TRUE)
  static final PairedSample DEPRESSION = PairedSample.of(Y, X);

  @Test
  void exactForSmallSamplesWithoutTies() {
    // R 4.2.2: wilcox.test(x, y, paired = TRUE, alternative = ...): V = 40, exact test
    WilcoxonSignedRankTest test = WilcoxonSignedRankTest.withDefaults();
    WilcoxonSignedRankTest.Result two = test.test(DEPRESSION);
    assertThat(two.v()).isEqualTo(40);
    assertThat(two.pValueMethod()).isEqualTo(PValueMethod.EXACT);
    assertThat(two.z()).isEmpty();
    close(two.pValue(), 0.0390625);
    close(test.withAlternative(Alternative.LESS).test(DEPRESSION).pValue(), 0.986328125);
    close(test.withAlternative(Alternative.GREATER).test(DEPRESSION).pValue(), 0.01953125);
  }

  static PairedSample alternating(int n) {
    // after_i = (-1)^i ((37 i) mod 101) + 0.25, before_i = 0: no ties, no zeros
    double[] after = new double[n];
    for (int i = 1; i <= n; i++) {
      after[i - 1] = (i % 2 == 0 ? 1 : -1) * ((i * 37) % 101) + 0.25;
    }
    return PairedSample.of(new double[n], after);
  }

  @Test
  void theExactRuleStopsAtFiftyDifferences() {
    // R 4.2.2: i <- 1:49; a <- (-1)^i * ((i*37) %% 101) + 0.25; wilcox.test(a, rep(0, 49), paired=TRUE)
    // V = 633, p = 0.84370790532493356, exact
    WilcoxonSignedRankTest.Result r49 = WilcoxonSignedRankTest.withDefaults().test(alternating(49));
    assertThat(r49.pValueMethod()).isEqualTo(PValueMethod.EXACT);
    assertThat(r49.v()).isEqualTo(633);
    close(r49.pValue(), 0.84370790532493356);
    // the same with 60: V = 945, p = 0.82807797629724078 "with continuity correction"
    WilcoxonSignedRankTest.Result r60 = WilcoxonSignedRankTest.withDefaults().test(alternating(60));
    assertThat(r60.pValueMethod()).isEqualTo(PValueMethod.NORMAL_CONTINUITY);
    assertThat(r60.v()).isEqualTo(945);
    close(r60.pValue(), 0.82807797629724078);
    // exact = TRUE: p = 0.82932206629551652
    close(WilcoxonSignedRankTest.withDefaults().withExactness(Exactness.EXACT).test(alternating(60)).pValue(),
        0.82932206629551652);
    // alternative = "greater", correct = FALSE: p = 0.41260535874556264
    WilcoxonSignedRankTest.Result plain = WilcoxonSignedRankTest.withDefaults().withAlternative(Alternative.GREATER)
        .withContinuityCorrection(ContinuityCorrection.NONE).test(alternating(60));
    assertThat(plain.pValueMethod()).isEqualTo(PValueMethod.NORMAL);
    close(plain.pValue(), 0.41260535874556264);
  }

  static final double[] BEFORE_TIES = {10, 12, 15, 9, 11, 14, 13, 10, 12, 16, 8, 11};
  static final double[] AFTER_TIES = {12, 12, 18, 10, 14, 13, 16, 12, 12, 20, 9, 14};

  @Test
  void tiesAndZerosUseTheCorrectedNormalApproximation() {
    // R 4.2.2: wilcox.test(at, bt, paired = TRUE, alternative = ...): V = 53
    PairedSample s = PairedSample.of(BEFORE_TIES, AFTER_TIES);
    WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(s);
    assertThat(r.v()).isEqualTo(53);
    assertThat(r.zeros()).isEqualTo(2);
    assertThat(r.n()).isEqualTo(10);
    assertThat(r.pValueMethod()).isEqualTo(PValueMethod.NORMAL_CONTINUITY);
    assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("zero-differences-dropped");
    close(r.pValue(), 0.010069745065626336);
    close(WilcoxonSignedRankTest.withDefaults().withAlternative(Alternative.LESS).test(s).pValue(), 0.99627869028940641);
    close(WilcoxonSignedRankTest.withDefaults().withAlternative(Alternative.GREATER).test(s).pValue(), 0.0050348725328131679);
  }

  @Test
  void forcedExactWithTiesFallsBackWithAWarning() {
    WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().withExactness(Exactness.EXACT)
        .test(PairedSample.of(BEFORE_TIES, AFTER_TIES));
    assertThat(r.pValueMethod()).isEqualTo(PValueMethod.NORMAL_CONTINUITY);
    assertThat(r.warnings()).extracting(w -> w.code()).contains("exact-unavailable");
  }

  @Test
  void allZeroDifferencesAreDegenerate() {
    assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().test(PairedSample.of(new double[] {1, 2}, new double[] {1, 2})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("all 2 differences are zero");
  }

  @Test
  void forcedExactBeyondTheLimitIsRefused() {
    double[] after = new double[1001];
    for (int i = 0; i < after.length; i++) {
      after[i] = (i % 2 == 0 ? 1 : -1) * (i + 1) + 0.25; // distinct absolute values
    }
    PairedSample large = PairedSample.of(new double[after.length], after);
    assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().withExactness(Exactness.EXACT).test(large))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 1000");
  }

  @Test
  void digitsRankMakesDecimalTiesTies() {
    // R 4.2.2 on the testkit's counterexample: wilcox.test(a, b, paired = TRUE) gives V = 64, p = 0.0065845572144940896;
    // wilcox.test(a + 17, b + 17, paired = TRUE) gives V = 63.5, p = 0.0076158085293690867 (the binary differences
    // tie differently); with digits.rank = 7 both give V = 64, p = 0.0065845572144940896.
    double[] b = {20.35, 20.59, 21.400000000000002, 20.35, 20.03, 20.11, 20.04, 20.38, 20.03, 20.1, 20.29};
    double[] a = {22.01, 20.66, 21.5, 20.38, 20.55, 22.47, 20.05, 20.39, 20.02, 21.85, 21.05};
    double[] b17 = b.clone();
    double[] a17 = a.clone();
    for (int i = 0; i < a.length; i++) {
      b17[i] += 17;
      a17[i] += 17;
    }
    WilcoxonSignedRankTest r = WilcoxonSignedRankTest.withDefaults();
    assertThat(r.test(PairedSample.of(b, a)).v()).isEqualTo(64);
    close(r.test(PairedSample.of(b, a)).pValue(), 0.0065845572144940896);
    assertThat(r.test(PairedSample.of(b17, a17)).v()).isEqualTo(63.5);
    close(r.test(PairedSample.of(b17, a17)).pValue(), 0.0076158085293690867);
    WilcoxonSignedRankTest.Result rounded = r.withDigitsRank(7).test(PairedSample.of(b17, a17));
    assertThat(rounded.v()).isEqualTo(64);
    close(rounded.pValue(), 0.0065845572144940896);
  }
}
