package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;

/**
 * Fits that run out of iterations report what R survival 3.5-3 reports for them, each R call in a
 * comment beside its value (R 4.2.2). The data are those of {@code cox-cases/nonconverged-*.json},
 * whose every field {@link CoxCasesTest} compares; these tests name the rules: for right-censored
 * rows ({@code coxfit6.c}) the last accepted coefficients, {@code iter = iter.max + 1} and the
 * reciprocal of the information's diagonal as variance, zero off the diagonal; for counting-process
 * rows ({@code agfit4.c}) the last proposal, {@code iter = iter.max}, and the inverse information.
 */
class CoxNonConvergedTest {
  // d <- data.frame(time = c(5, 1, 3, 5, 2), event = c(1, 1, 1, 0, 1), x1 = c(0.2, 1, 1, -1.6, 1),
  //                 x2 = c(-1.7, 2, -1.7, 1, 0))
  static SurvivalSample twoCovariates() {
    return SurvivalSample.builder(new double[] {5, 1, 3, 5, 2}, new boolean[] {true, true, true, false, true})
        .covariate("x1", new double[] {0.2, 1, 1, -1.6, 1}).covariate("x2", new double[] {-1.7, 2, -1.7, 1, 0})
        .build();
  }

  // d <- data.frame(time = c(1, 4, 5, 5, 6, 5), event = 1, x1 = c(2, 0, -0.5, -0.5, -0.9, 1),
  //                 x2 = c(1.4, 0.6, 0.6, 0.6, 1.4, 1.4), id = c(1, 1, 2, 2, 3, 3))
  static SurvivalSample clustered() {
    return SurvivalSample.builder(new double[] {1, 4, 5, 5, 6, 5}, new boolean[] {true, true, true, true, true, true})
        .covariate("x1", new double[] {2, 0, -0.5, -0.5, -0.9, 1})
        .covariate("x2", new double[] {1.4, 0.6, 0.6, 0.6, 1.4, 1.4})
        .cluster(Factor.of("1", "1", "2", "2", "3", "3")).build();
  }

  // d <- data.frame(start = c(2, 0, 1, 0), time = c(3, 1, 4, 1), event = 1, x1 = c(-1, 0, 1, -1),
  //                 x2 = c(2, 0, 0, 0))
  static CountingProcessSample counting() {
    return CountingProcessSample.builder(new double[] {2, 0, 1, 0}, new double[] {3, 1, 4, 1},
        new boolean[] {true, true, true, true}).covariate("x1", new double[] {-1, 0, 1, -1})
        .covariate("x2", new double[] {2, 0, 0, 0}).build();
  }

  /** Within the cox cases' tolerance: 1e-9 absolute plus 1e-6 relative. */
  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-9 + 1e-6 * Math.abs(expected)));
  }

  @Test
  void rightCensoredRowsGetTheReciprocalOfTheInformationsDiagonal() {
    // fit <- coxph(Surv(time, event) ~ x1 + x2, data = d)  # "Ran out of iterations and did not converge"
    CoxPh.Result fit = CoxPh.withDefaults().fit(twoCovariates());
    assertThat(fit.converged()).isFalse();
    assertThat(fit.warnings()).extracting(Warning::code).containsExactly("did-not-converge");
    assertThat(fit.iterations()).isEqualTo(21); // fit$iter
    close(fit.coefficients()[0], 27.800297634246473); // coef(fit)["x1"]
    close(fit.coefficients()[1], 11.34720541909223); // coef(fit)["x2"]
    close(fit.variance().get(0, 0), 81490786.679371804); // fit$var[1, 1]
    assertThat(fit.variance().get(0, 1)).isZero(); // fit$var[1, 2]
    assertThat(fit.variance().get(1, 0)).isZero(); // fit$var[2, 1]
    close(fit.variance().get(1, 1), 25022083.479699228); // fit$var[2, 2]
    close(fit.wald().statistic(), 1.4629791900774374e-05); // fit$wald.test
  }

  @Test
  void theIterationLimitIsOneBelowTheCountRReports() {
    // fit <- coxph(Surv(time, event) ~ x1 + x2, data = d, iter.max = 5)
    CoxPh.Result fit = CoxPh.withDefaults().withMaxIterations(5).fit(twoCovariates());
    assertThat(fit.iterations()).isEqualTo(6); // fit$iter
    close(fit.coefficients()[0], 6.8417051469246886); // coef(fit)["x1"]
    close(fit.coefficients()[1], 2.8790782489049529); // coef(fit)["x2"]
    close(fit.variance().get(0, 0), 27.181395010487311); // fit$var[1, 1]
    assertThat(fit.variance().get(0, 1)).isZero(); // fit$var[1, 2]
    close(fit.variance().get(1, 1), 9.0364756939412505); // fit$var[2, 2]
    close(fit.loglik(), -0.025500653904488857); // fit$loglik[2]
  }

  @Test
  void robustStandardErrorsAreTheSandwichOfThatVariance() {
    // fit <- coxph(Surv(time, event) ~ x1 + x2 + cluster(id), data = d, ties = "breslow")
    CoxPh.Result fit = CoxPh.withDefaults().withTies(Ties.BRESLOW).fit(clustered());
    assertThat(fit.robust()).isTrue();
    assertThat(fit.iterations()).isEqualTo(21); // fit$iter
    CoxTerm x1 = fit.term("x1").orElseThrow();
    CoxTerm x2 = fit.term("x2").orElseThrow();
    close(x1.naiveSe().orElseThrow(), 0.81649657389753583); // sqrt(diag(fit$naive.var))[1]
    close(x2.naiveSe().orElseThrow(), 1.5309310784545365); // sqrt(diag(fit$naive.var))[2]
    // the robust standard errors are tiny, so compared relatively: summary(fit)$coefficients[, "robust se"]
    assertThat(x1.se()).isCloseTo(7.6692996122653864e-09, within(1e-6 * 7.67e-9));
    assertThat(x2.se()).isCloseTo(1.2453393664342314e-08, within(1e-6 * 1.25e-8));
    close(fit.wald().statistic(), 4.334782169803157e+20); // fit$wald.test
  }

  @Test
  void countingProcessRowsGetTheInverseInformationAtTheLastProposal() {
    // fit <- coxph(Surv(start, time, event) ~ x1 + x2, data = d)  # "Ran out of iterations and did not converge"
    CoxPh.Result fit = CoxPh.withDefaults().fit(counting());
    assertThat(fit.converged()).isFalse();
    assertThat(fit.warnings()).extracting(Warning::code).contains("did-not-converge")
        .doesNotContain("coefficients-may-be-infinite");
    assertThat(fit.iterations()).isEqualTo(20); // fit$iter
    close(fit.coefficients()[1], 10.601447381523712); // coef(fit)["x2"]
    close(fit.variance().get(0, 0), 1.9999999999999998); // fit$var[1, 1]
    close(fit.variance().get(0, 1), 1.9999999999999998); // fit$var[1, 2]
    close(fit.variance().get(1, 1), 403868709.85325468); // fit$var[2, 2]
    close(fit.loglik(), -0.69314718117895935); // fit$loglik[2]

    // fit <- coxph(Surv(start, time, event) ~ x1 + x2, data = d, iter.max = 5)
    CoxPh.Result five = CoxPh.withDefaults().withMaxIterations(5).fit(counting());
    assertThat(five.iterations()).isEqualTo(5); // fit$iter
    close(five.coefficients()[1], 3.0998430106024975); // coef(fit)["x2"]
    close(five.variance().get(0, 1), 2); // fit$var[1, 2]
    close(five.variance().get(1, 1), 125.64909567418697); // fit$var[2, 2]
  }

  @Test
  void rowsReachedThroughFoldsGiveTheSameFit() {
    for (SurvivalSample sample : new SurvivalSample[] {twoCovariates(), clustered()}) {
      CoxPh config = CoxPh.withDefaults().withTies(Ties.BRESLOW).withConcordance(false);
      CoxPh.Result inMemory = config.fit(sample);
      CoxPh.Result folded = config.fit(CoxRows.of(sample, 3));
      assertThat(folded.converged()).isFalse();
      assertThat(folded.iterations()).isEqualTo(inMemory.iterations());
      for (int j = 0; j < 2; j++) {
        assertThat(folded.coefficients()[j]).isCloseTo(inMemory.coefficients()[j],
            within(1e-9 * Math.abs(inMemory.coefficients()[j])));
        assertThat(folded.terms().get(j).se()).isCloseTo(inMemory.terms().get(j).se(),
            within(1e-6 * inMemory.terms().get(j).se()));
        for (int k = 0; k < 2; k++) {
          assertThat(folded.variance().get(j, k)).isCloseTo(inMemory.variance().get(j, k),
              within(1e-6 * Math.abs(inMemory.variance().get(j, k))));
        }
      }
    }
  }
}
