package org.outcome.stats.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.common.Alternative;

class PairedTTestTest {
  // R's sleep data (Cushny and Peebles via Student 1908): group 1 as before, group 2 as after
  static final double[] BEFORE = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2};
  static final double[] AFTER = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
  static final PairedSample SLEEP = PairedSample.of(BEFORE, AFTER);

  @Test
  void oneSidedWithNonZeroMuAndAnotherLevel() {
    // R 4.2.2: t.test(after, before, paired=TRUE, alternative="greater", mu=0.5, conf.level=0.9)
    PairedTTest.Result r = PairedTTest.withDefaults().withAlternative(Alternative.GREATER).withMu(0.5)
        .withConfLevel(0.9).test(SLEEP);
    close(r.t(), 2.7766442392737973);
    assertThat(r.df()).isEqualTo(9);
    close(r.pValue(), 0.010759243378387252);
    close(r.interval().lower(), 1.0420589068122688);
    assertThat(r.interval().upper()).isInfinite();
  }

  @Test
  void lessAlternativeGivesAnUpperBound() {
    // R 4.2.2: t.test(after, before, paired=TRUE, alternative="less", conf.level=0.99)
    PairedTTest.Result r = PairedTTest.withDefaults().withAlternative(Alternative.LESS).withConfLevel(0.99).test(SLEEP);
    close(r.pValue(), 0.99858355490130779);
    assertThat(r.interval().lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    close(r.interval().upper(), 2.6774228948483598);
  }

  @Test
  void resultKeepsTheContract() {
    PairedTTest.Result r = PairedTTest.withDefaults().test(SLEEP);
    assertThat(r.nUsed()).isEqualTo(10);
    assertThat(r.method()).isEqualTo("Paired t-test");
    assertThat(r.estimate().orElseThrow().value()).isEqualTo(r.meanDifference());
    assertThat(r.test().orElseThrow().df().getAsDouble()).isEqualTo(9);
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void degenerateDataAreNamed() {
    assertThatThrownBy(() -> PairedTTest.withDefaults().test(PairedSample.of(new double[] {1}, new double[] {2})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("at least two pairs");
    assertThatThrownBy(() -> PairedTTest.withDefaults().test(PairedSample.of(new double[] {1, 2, 3}, new double[] {3, 4, 5})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("all 3 differences are equal");
    assertThatThrownBy(() -> PairedTTest.withDefaults().test(PairedSample.of(new double[] {1, 2}, new double[] {1, 2})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("zero variance");
    // R 4.2.2: t.test(c(22.76, 22.77), c(20, 20.01), paired = TRUE): "data are essentially constant"
    assertThatThrownBy(() -> PairedTTest.withDefaults().test(PairedSample.of(new double[] {20, 20.01}, new double[] {22.76, 22.77})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("essentially constant");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> PairedTTest.withDefaults().withConfLevel(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PairedTTest.withDefaults().withMu(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
