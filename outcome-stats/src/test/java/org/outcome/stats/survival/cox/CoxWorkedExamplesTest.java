package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.api.sample.SurvivalSample;

/**
 * Hand-checked examples: data set 1 of Therneau and Grambsch, <i>Modeling Survival Data</i>
 * (2000), appendix E, as R survival's own {@code tests/book1.R} (Breslow) and
 * {@code tests/book2.R} (Efron) check it. Six rows: times 9, 1, 1, 6, 6, 8; status 1, 1, 0, 1, 1,
 * 0; x 0, 1, 1, 1, 0, 0 (book1's row with a missing status is left out). With {@code r = exp(b)}
 * the log partial likelihood, score and information have closed forms, so every number below is
 * computed from a formula, not copied from R.
 */
class CoxWorkedExamplesTest {
  static final double[] TIME = {9, 1, 1, 6, 6, 8};
  static final boolean[] STATUS = {true, true, false, true, true, false};
  static final double[] X = {0, 1, 1, 1, 0, 0};

  static SurvivalSample sample() {
    return SurvivalSample.builder(TIME, STATUS).covariate("x", X).build();
  }

  // Breslow: loglik = 2b - log(3r + 3) - 2 log(r + 3)
  static double breslowLoglik(double b) {
    double r = Math.exp(b);
    return 2 * b - Math.log(3 * r + 3) - 2 * Math.log(r + 3);
  }

  static double breslowInformation(double b) {
    double r = Math.exp(b);
    return r / ((r + 1) * (r + 1)) + 6 * r / ((r + 3) * (r + 3));
  }

  // Efron: loglik = 2b - log(3r + 3) - log((r + 5) / 2) - log(r + 3)
  static double efronLoglik(double b) {
    double r = Math.exp(b);
    return 2 * b - Math.log(3 * r + 3) - Math.log((r + 5) / 2) - Math.log(r + 3);
  }

  static double efronInformation(double b) {
    double r = Math.exp(b);
    return tfun(r / (r + 1)) + tfun(r / (r + 5)) + tfun(r / (r + 3));
  }

  private static double tfun(double v) {
    return v - v * v;
  }

  @Test
  void breslowMatchesTheClosedForm() {
    CoxPh.Result fit = CoxPh.withDefaults().withTies(Ties.BRESLOW).fit(sample());
    // u(b) = (6 + 3r - r^2) / ((r + 1)(r + 3)) = 0 at r = (3 + sqrt 33) / 2
    double b = Math.log((3 + Math.sqrt(33)) / 2);
    assertThat(fit.coefficients()[0]).isCloseTo(b, within(1e-9));
    assertThat(fit.loglikNull()).isCloseTo(-Math.log(6 * 4 * 4), within(1e-12));
    assertThat(fit.loglik()).isCloseTo(breslowLoglik(b), within(1e-12));
    assertThat(fit.variance().get(0, 0)).isCloseTo(1 / breslowInformation(b), within(1e-9));
    // score test at 0: u(0)^2 / I(0) = 1 / (5/8)
    assertThat(fit.score().statistic()).isCloseTo(8.0 / 5, within(1e-12));
  }

  @Test
  void oneBreslowIterationIsOneNewtonStep() {
    // book1.R: coxph(..., iter = 1, method = 'breslow') gives 8/5; survival 3.5-3 says nothing (it
    // warns "Ran out of iterations" only when iter.max > 1) and reports iter = 2
    CoxPh.Result fit = CoxPh.withDefaults().withTies(Ties.BRESLOW).withMaxIterations(1).fit(sample());
    assertThat(fit.coefficients()[0]).isCloseTo(8.0 / 5, within(1e-12));
    assertThat(fit.converged()).isFalse();
    assertThat(fit.iterations()).isEqualTo(2);
    assertThat(fit.variance().get(0, 0)).isCloseTo(1 / breslowInformation(8.0 / 5), within(1e-12));
    assertThat(fit.warnings()).isEmpty();
  }

  @Test
  void twoBreslowIterations() {
    // book1.R: iter = 2 gives round(coef, 6) == 1.472724
    CoxPh.Result fit = CoxPh.withDefaults().withTies(Ties.BRESLOW).withMaxIterations(2).fit(sample());
    assertThat(fit.coefficients()[0]).isCloseTo(1.472724, within(5e-7));
  }

  @Test
  void efronMatchesTheClosedForm() {
    CoxPh.Result fit = CoxPh.withDefaults().fit(sample());
    // book2.R: the root of u(b) = (30 + 23r - r^3) / ((r+1)(r+3)(r+5))
    double b = Math.log(Math.cos(Math.acos((45.0 / 23) * Math.sqrt(3.0 / 23)) / 3) * 2 * Math.sqrt(23.0 / 3));
    assertThat(b).isCloseTo(1.676857, within(5e-7));
    assertThat(fit.coefficients()[0]).isCloseTo(b, within(1e-9));
    assertThat(fit.loglikNull()).isCloseTo(efronLoglik(0), within(1e-12));
    assertThat(fit.loglik()).isCloseTo(efronLoglik(b), within(1e-12));
    assertThat(fit.variance().get(0, 0)).isCloseTo(1 / efronInformation(b), within(1e-9));
    double u0 = 30.0 + 23 - 1;
    u0 /= 2 * 4 * 6;
    assertThat(fit.score().statistic()).isCloseTo(u0 * u0 / efronInformation(0), within(1e-12));
  }

  @Test
  void concordanceCountedByHand() {
    // At b > 0 the risk order is x. Comparable pairs (shorter time an event): the event at 1 (x=1)
    // against the censored 1 (x=1, tied), 6 (x=1, tied), 6 (x=0), 8, 9 (concordant); the event at
    // 6 with x=1 against 8 and 9 (concordant); the event at 6 with x=0 against 8 and 9 (tied).
    // The two events at 6 are tied in time. So 5 concordant, 0 discordant, 4 tied: (5 + 2) / 9.
    Concordance c = CoxPh.withDefaults().fit(sample()).concordance().orElseThrow();
    assertThat(c.concordant()).isEqualTo(5);
    assertThat(c.discordant()).isZero();
    assertThat(c.tiedRisk()).isEqualTo(4);
    assertThat(c.tiedTime()).isEqualTo(1);
    assertThat(c.tiedRiskAndTime()).isZero();
    assertThat(c.value()).isCloseTo(7.0 / 9, within(1e-15));
    // R: coxph(Surv(time, status) ~ x, d)$concordance["std"]
    assertThat(c.stdErr()).isCloseTo(0.0592077965841076, within(1e-15));
  }

  @Test
  void efronAndBreslowAgreeWithoutTiedEvents() {
    double[] time = {9, 1, 2, 6, 7, 8, 3, 11};
    boolean[] status = {true, true, false, true, true, false, true, true};
    double[] x = {0.3, 1.2, 1, 0.7, -0.4, 0, 2.2, -1};
    SurvivalSample s = SurvivalSample.builder(time, status).covariate("x", x).build();
    CoxPh.Result efron = CoxPh.withDefaults().fit(s);
    CoxPh.Result breslow = CoxPh.withDefaults().withTies(Ties.BRESLOW).fit(s);
    assertThat(efron.coefficients()[0]).isEqualTo(breslow.coefficients()[0]);
    assertThat(efron.loglik()).isEqualTo(breslow.loglik());
  }
}
