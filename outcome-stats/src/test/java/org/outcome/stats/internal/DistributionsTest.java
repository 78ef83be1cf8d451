package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.stats.common.Alternative;

class DistributionsTest {
  @Test
  void normalQuantileMatchesRsQnormIntoTheTails() {
    // R 4.2.2: qnorm(c(0.975, 0.995, 1e-10))
    close(Distributions.normalQuantile(0.975), 1.9599639845400536, 1e-15);
    close(Distributions.normalQuantile(0.995), 2.5758293035488999, 1e-15);
    close(Distributions.normalQuantile(1e-10), -6.3613409024040557, 1e-14);
    assertThat(Distributions.normalQuantile(0.5)).isZero();
  }

  @Test
  void tQuantileMatchesRsQt() {
    // R 4.2.2: qt(0.975, c(9, 17.7764735161785, 40, 3.5))
    close(Distributions.tQuantile(0.975, 9), 2.2621571627982049, 1e-13);
    close(Distributions.tQuantile(0.975, 17.7764735161785), 2.1028172415698014, 1e-13);
    close(Distributions.tQuantile(0.975, 40), 2.0210753903062733, 1e-13);
    close(Distributions.tQuantile(0.025, 3.5), -2.9400886379827291, 1e-13);
  }

  @Test
  void exactBinomialMatchesRsBinomTest() {
    // R 4.2.2: binom.test(3, 12): p = 0.14599609375000008, conf.int 0.054860644527992761 0.57185846187818912
    ExactBinomial b = ExactBinomial.test(3, 12, 0.5, Alternative.TWO_SIDED, 0.95);
    close(b.pValue(), 0.14599609375000008);
    close(b.interval().lower(), 0.054860644527992761);
    close(b.interval().upper(), 0.57185846187818912);
  }

  @Test
  void upperTailsKeepTheirDigits() {
    // 1 - cdf would give 0 here; R: pchisq(200, 1, lower.tail = FALSE) = 2.0884875837625449e-45
    close(Distributions.chiSquareUpper(200, 1), 2.0884875837625449e-45, 1e-12);
  }

  @Test
  void twoSidedNormalPKeepsItsDigitsInTheTails() {
    // 2 * pnorm(-abs(z)) as erfc(|z| / sqrt 2), reference values from mpmath's erfc at 40 digits
    close(Distributions.normalTwoSided(1.96), 0.04999579029644087, 1e-14);
    close(Distributions.normalTwoSided(-1.96), 0.04999579029644087, 1e-14);
    assertThat(Distributions.normalTwoSided(10) / 1.5239706048321052e-23).isCloseTo(1.0, within(1e-12));
    assertThat(Distributions.normalTwoSided(0)).isEqualTo(1.0);
  }
}
