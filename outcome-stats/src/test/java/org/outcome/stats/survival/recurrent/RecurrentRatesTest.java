package org.outcome.stats.survival.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;

/**
 * Rates and the rate ratio against R 4.2.2 with sandwich on cgd's people (events and days at
 * risk summed per person):
 * <pre>
 * p &lt;- aggregate(cbind(events = status, time = tstop - tstart) ~ id + treat, data = cgd, FUN = sum)
 * fit &lt;- glm(events ~ treat + offset(log(time)), family = poisson, data = p)
 * sqrt(diag(sandwich::vcovHC(fit, type = "HC0"))); sqrt(diag(vcov(fit)))
 * </pre>
 */
class RecurrentRatesTest {
  @Test
  void rateRatioAndRobustSeAreRsPoissonWithSandwich() {
    RecurrentRates.Result r = RecurrentRates.fit(MeanCumulativeFunctionTest.cgd(true));
    RecurrentRates.GroupRate placebo = r.groups().get(0);
    assertThat(placebo.events()).isEqualTo(56);
    assertThat(placebo.time()).isEqualTo(18524);
    assertThat(Math.log(placebo.rate())).isCloseTo(-5.80147077686549, within(1e-12));
    assertThat(placebo.seLog()).isCloseTo(0.182952256673472, within(1e-12));
    RecurrentRates.RateRatio ratio = r.ratios().get(0);
    assertThat(ratio.group()).isEqualTo("rIFN-g");
    assertThat(Math.log(ratio.ratio())).isCloseTo(-1.0525144589068, within(1e-12));
    assertThat(ratio.seLog()).isCloseTo(0.317149446884469, within(1e-12));
    // R's value comes from glm's IRLS, stopped at its deviance tolerance (1e-8): the closed form
    // sqrt(1/56 + 1/20) = 0.2604940361… agrees to 7 digits
    assertThat(ratio.poissonSeLog()).isCloseTo(0.260494019765129, within(1e-7));
    assertThat(ratio.poissonSeLog()).isEqualTo(Math.sqrt(1.0 / 56 + 1.0 / 20));
    assertThat(ratio.interval().lower()).isLessThan(ratio.ratio()).isGreaterThan(0);
  }

  @Test
  void aPersonInTwoGroupsIsRefusedByRow() {
    CountingProcessSample s = CountingProcessSample.builder(new double[] {0, 5, 0}, new double[] {5, 9, 4},
        new boolean[] {true, false, true}).id(Factor.of("a", "a", "b")).group(Factor.of("x", "y", "y")).build();
    assertThatThrownBy(() -> RecurrentRates.fit(s)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 2");
  }
}
