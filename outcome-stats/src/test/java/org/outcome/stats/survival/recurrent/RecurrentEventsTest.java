package org.outcome.stats.survival.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.stats.RFixtures;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.testkit.fixtures.Fixture;

/**
 * The Prentice–Williams–Peterson models against R 4.2.2 / survival 3.5-3 on cgd (whose
 * {@code enum} is each interval's event number):
 * <pre>
 * coxph(Surv(tstart, tstop, status) ~ treat + age + strata(enum) + cluster(id), data = cgd)
 * coxph(Surv(tstop - tstart, status) ~ treat + age + strata(enum) + cluster(id), data = cgd)
 * </pre>
 */
class RecurrentEventsTest {
  private static CountingProcessSample cgd() {
    Fixture f = RFixtures.ofKind("andersen-gill").get(0);
    return CountingProcessSample.builder(f.numbers("start"), f.numbers("stop"), f.flags("event"))
        .id(Factor.of(f.texts("id"))).covariate("treat", f.numbers("treat")).covariate("age", f.numbers("age")).build();
  }

  private static void matches(CoxPh.Result fit, double[] r) {
    for (int j = 0; j < 2; j++) {
      CoxTerm t = fit.terms().get(j);
      assertThat(t.coef()).isCloseTo(r[j], within(1e-7 * Math.abs(r[j])));
      assertThat(t.se()).isCloseTo(r[2 + j], within(1e-7 * r[2 + j]));
      assertThat(t.naiveSe().orElseThrow()).isCloseTo(r[4 + j], within(1e-7 * r[4 + j]));
    }
    assertThat(fit.loglik()).isCloseTo(r[6], within(1e-9 * Math.abs(r[6])));
  }

  @Test
  void totalTimeModelIsRsStrataByEventNumber() {
    matches(CoxPh.withDefaults().fit(RecurrentEvents.pwpTotalTime(cgd())), new double[] {-0.903762885001034,
        -0.0259899065358349, 0.297169424282192, 0.0110631634111403, 0.282192924435969, 0.0135515035897889,
        -245.187582204604});
  }

  @Test
  void gapTimeModelRestartsEachIntervalAtZero() {
    CountingProcessSample gap = RecurrentEvents.pwpGapTime(cgd());
    assertThat(gap.starts()).containsOnly(0.0);
    matches(CoxPh.withDefaults().fit(gap), new double[] {-0.903732251379428, -0.0238280513107072,
        0.289822715472741, 0.0119429511126638, 0.279948053603573, 0.0136513748748465, -259.860216607861});
  }

  @Test
  void eventNumbersCountThePersonsEarlierEvents() {
    CountingProcessSample s = CountingProcessSample.builder(new double[] {10, 0, 4, 0, 7},
        new double[] {20, 4, 10, 7, 9}, new boolean[] {false, true, false, true, true})
        .id(Factor.of("a", "a", "a", "b", "b")).build();
    assertThat(RecurrentEvents.eventNumbers(s)).containsExactly(2, 1, 2, 1, 2);
  }
}
