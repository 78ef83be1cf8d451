package org.outcome.stats.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.PairedSample;

class PairedEffectSizeTest {
  @Test
  void sleepEffectSizesMatchNoncentralTLimitsFromR() {
    // R 4.2.2, d <- after - before (sleep), n <- 10, t <- mean(d)/sd(d)*sqrt(n):
    //   lo <- uniroot(function(ncp) pt(t, 9, ncp=ncp) - 0.975, c(-10, 20), tol=1e-13)$root
    //   hi <- uniroot(function(ncp) pt(t, 9, ncp=ncp) - 0.025, c(-10, 20), tol=1e-13)$root
    // d_z = mean(d)/sd(d) = 1.2845575625910546, CI lo/sqrt(n) = 0.41462775638014387, hi/sqrt(n) = 2.1180165139770675
    // d_av = mean(d)/((sd(after)+sd(before))/2) = 0.83349634131270445,
    //   CI lo*sd(d)/(sqrt(n)*sav) = 0.26903482414011981, hi*... = 1.374293427286283
    // J(9) = 0.91387489179255232, g_z = 1.1739249035142048
    PairedEffectSize.Result r = PairedEffectSize.withDefaults().compute(PairedTTestTest.SLEEP);
    close(r.dz().value(), 1.2845575625910546);
    close(r.dz().interval().orElseThrow().lower(), 0.41462775638014387, 1e-8);
    close(r.dz().interval().orElseThrow().upper(), 2.1180165139770675, 1e-8);
    close(r.dav().value(), 0.83349634131270445);
    close(r.dav().interval().orElseThrow().lower(), 0.26903482414011981, 1e-8);
    close(r.dav().interval().orElseThrow().upper(), 1.374293427286283, 1e-8);
    close(r.hedgesCorrection(), 0.91387489179255232);
    close(r.gz().orElseThrow().value(), 1.1739249035142048);
    close(r.gz().orElseThrow().interval().orElseThrow().lower(), 0.91387489179255232 * 0.41462775638014387, 1e-8);
    assertThat(r.estimate().orElseThrow()).isEqualTo(r.dz());
  }

  @Test
  void aConstantScoreHasNoCorrelationEvenWhenRoundingSaysOtherwise() {
    // before constant, after not: R 4.2.2 cor(c(20, 20), c(20, 21.01)) is NA ("the standard
    // deviation is zero"); from variances the covariance is a rounding residue (the property test
    // found r = Infinity here once)
    PairedEffectSize.Result r = PairedEffectSize.withDefaults().compute(
        PairedSample.of(new double[] {20, 20, 20}, new double[] {20, 21, 20.06}));
    assertThat(r.sdBefore()).isZero();
    assertThat(r.correlation()).isNaN();
    // sleep: cor(sleep$extra[1:10], sleep$extra[11:20]) = 0.7951702 in R 4.2.2
    double[] before = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    double[] after = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
    assertThat(PairedEffectSize.withDefaults().compute(PairedSample.of(before, after)).correlation())
        .isCloseTo(0.7951702, within(5e-8));
  }

  @Test
  void twoPairsHaveNoHedgesG() {
    PairedEffectSize.Result r = PairedEffectSize.withDefaults().compute(PairedSample.of(new double[] {1, 2}, new double[] {2, 4}));
    assertThat(r.gz()).isEmpty();
    assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("hedges-g-undefined");
  }

  @Test
  void constantChangeIsDegenerate() {
    assertThatThrownBy(() -> PairedEffectSize.withDefaults().compute(PairedSample.of(new double[] {1, 2, 5}, new double[] {3, 4, 7})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("differences are equal");
  }

  @Test
  void essentiallyConstantDifferencesAreDegenerateAsInTheTTest() {
    // 22.76 - 20 and 22.77 - 20.01 differ only in their last binary digits (the testkit found this);
    // R 4.2.2: t.test(c(22.76, 22.77), c(20, 20.01), paired = TRUE) stops: "data are essentially constant"
    assertThatThrownBy(() -> PairedEffectSize.withDefaults()
        .compute(PairedSample.of(new double[] {20, 20.01}, new double[] {22.76, 22.77})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("essentially constant");
  }

  @Test
  void hugeEffectsWithFewPairsGetNoIntervalRatherThanAWrongOne() {
    // 19.78 - 20 and 19.79 - 20.01 differ by 3.6e-15: not "essentially constant" by R's rule, so
    // d_z = -8.8e13 on 1 df, whose noncentral-t interval R's pnt cannot give (the testkit found this)
    PairedEffectSize.Result tiny = PairedEffectSize.withDefaults()
        .compute(PairedSample.of(new double[] {20, 20.01}, new double[] {19.78, 19.79}));
    assertThat(tiny.dz().interval()).isEmpty();
    // two pairs, t = 2001 on 1 df: beyond where R's pnt (AS 243 with its normal approximation) is accurate
    PairedEffectSize.Result r = PairedEffectSize.withDefaults()
        .compute(PairedSample.of(new double[] {0, 0}, new double[] {10, 10.01}));
    assertThat(r.dz().interval()).isEmpty();
    assertThat(r.warnings()).extracting(w -> w.code()).contains("interval-unavailable");
    // with more pairs the same size of effect is computed: n = 30, t about 5.5
    double[] before = new double[30];
    double[] after = new double[30];
    for (int i = 0; i < 30; i++) {
      after[i] = 1 + (i % 5) * 0.3;
    }
    PairedEffectSize.Result ok = PairedEffectSize.withDefaults().compute(PairedSample.of(before, after));
    assertThat(ok.dz().interval()).isPresent();
    assertThat(ok.dz().interval().orElseThrow().contains(ok.dz().value())).isTrue();
  }
}
