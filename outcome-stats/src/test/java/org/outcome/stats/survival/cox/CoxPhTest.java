package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.fixtures.Fixture;

/** The configuration object, the result as an {@link AnalysisResult}, group coding and the registered analyses. */
class CoxPhTest {
  static final Fixture AML = CoxFixtures.aml();

  @Test
  void defaultsAreRs() {
    CoxPh c = CoxPh.withDefaults();
    assertThat(c.ties()).isEqualTo(Ties.EFRON);
    assertThat(c.maxIterations()).isEqualTo(20);
    assertThat(c.convergenceTolerance()).isEqualTo(1e-9);
    // R: .Machine$double.eps^0.75
    assertThat(c.cholTolerance()).isEqualTo(1.8189894035458565e-12);
    assertThat(c.infiniteTolerance()).isEqualTo(Math.sqrt(1e-9));
    assertThat(c.withConvergenceTolerance(1e-6).infiniteTolerance()).isEqualTo(1e-3);
    assertThat(c.withInfiniteTolerance(0.5).withConvergenceTolerance(1e-6).infiniteTolerance()).isEqualTo(0.5);
    assertThat(c.variance()).isEqualTo(Variance.AUTOMATIC);
    assertThat(c.confLevel()).isEqualTo(0.95);
    assertThat(c.concordance() && c.proportionalHazardsTest() && c.timeFix()).isTrue();
  }

  @Test
  void withMethodsReturnNewObjectsAndLeaveTheOriginal() {
    CoxPh c = CoxPh.withDefaults();
    CoxPh b = c.withTies(Ties.BRESLOW).withMaxIterations(5).withVariance(Variance.ROBUST).withConfLevel(0.9)
        .withConcordance(false).withProportionalHazardsTest(false).withTimeFix(false).withCholTolerance(1e-10);
    assertThat(c.ties()).isEqualTo(Ties.EFRON);
    assertThat(b.ties()).isEqualTo(Ties.BRESLOW);
    assertThat(b.maxIterations()).isEqualTo(5);
    assertThat(b.variance()).isEqualTo(Variance.ROBUST);
    assertThat(b.confLevel()).isEqualTo(0.9);
    assertThat(b.concordance() || b.proportionalHazardsTest() || b.timeFix()).isFalse();
    assertThat(b.cholTolerance()).isEqualTo(1e-10);
  }

  @Test
  void rejectsInvalidOptions() {
    CoxPh c = CoxPh.withDefaults();
    assertThatThrownBy(() -> c.withMaxIterations(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withConvergenceTolerance(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withCholTolerance(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withConfLevel(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withTies(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void optionalPartsCanBeSwitchedOff() {
    CoxPh.Result r = CoxPh.withDefaults().withConcordance(false).withProportionalHazardsTest(false)
        .fit(CoxFixtures.sample(AML));
    assertThat(r.concordance()).isEmpty();
    assertThat(r.proportionalHazards()).isEmpty();
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void zeroIterationsReportTheModelAtZero() {
    CoxPh.Result r = CoxPh.withDefaults().withMaxIterations(0).fit(CoxFixtures.sample(AML));
    assertThat(r.coefficients()).containsExactly(0);
    assertThat(r.loglik()).isEqualTo(r.loglikNull());
    assertThat(r.iterations()).isZero();
  }

  @Test
  void theResultIsAnAnalysisResultAboutTheFirstTerm() {
    CoxPh.Result r = CoxPh.withDefaults().withConfLevel(0.9).fit(CoxFixtures.sample(AML));
    assertThat(r.method()).isEqualTo("Cox proportional hazards, Efron ties");
    assertThat(r.nUsed()).isEqualTo(23);
    CoxTerm t = r.terms().get(0);
    assertThat(r.estimate()).hasValueSatisfying(e -> {
      assertThat(e.name()).isEqualTo("hazard ratio (maintained)");
      assertThat(e.value()).isEqualTo(t.hazardRatio());
      assertThat(e.interval().orElseThrow().level()).isEqualTo(0.9);
    });
    assertThat(r.test()).hasValueSatisfying(h -> {
      assertThat(h.statistic()).isEqualTo(t.z());
      assertThat(h.pValue()).isEqualTo(t.p());
    });
    // R: exp(coef + c(-1, 1) * qnorm(0.95) * se) for the aml fixture
    assertThat(t.hazardRatioInterval().lower()).isCloseTo(Math.exp(t.coef() - 1.6448536269514722 * t.se()), within(1e-14));
  }

  @Test
  void aGroupColumnEntersAsRsTreatmentCoding() {
    // aml's x: "Maintained" / "Nonmaintained"; R: coxph(Surv(time, status) ~ x, aml) gives
    // xNonmaintained = -(coefficient of the maintained indicator)
    double[] maintained = AML.numbers("maintained");
    String[] x = new String[maintained.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = maintained[i] == 1 ? "Maintained" : "Nonmaintained";
    }
    SurvivalSample s = SurvivalSample.builder(AML.numbers("time"), CoxFixtures.sample(AML).events())
        .group(Factor.of(x)).build();
    CoxPh.Result r = CoxPh.withDefaults().fit(s);
    assertThat(r.terms()).extracting(CoxTerm::name).containsExactly("groupNonmaintained");
    assertThat(r.coefficients()[0]).isCloseTo(0.915532575014718, within(1e-6));
  }

  @Test
  void registeredAsCoxEfronAndCoxBreslow() {
    AnalysisRegistry registry = AnalysisRegistry.load();
    SurvivalSample s = CoxFixtures.sample(AML);
    for (String id : List.of("cox-efron", "cox-breslow")) {
      var analysis = registry.require(AnalysisId.of(id));
      assertThat(analysis.sampleType()).isEqualTo(SurvivalSample.class);
      @SuppressWarnings("unchecked")
      var cox = (org.outcome.api.plugin.Analysis<SurvivalSample>) analysis;
      AnalysisResult r = cox.run(s, AnalysisSettings.defaults().withConfLevel(0.9));
      assertThat(r).isInstanceOf(CoxPh.Result.class);
      CoxPh.Result fit = (CoxPh.Result) r;
      assertThat(fit.ties()).isEqualTo(id.equals("cox-efron") ? Ties.EFRON : Ties.BRESLOW);
      assertThat(fit.confLevel()).isEqualTo(0.9);
    }
  }

  @Test
  void covarianceMatrixIsImmutable() {
    CoxPh.Result r = CoxPh.withDefaults().fit(CoxFixtures.sample(AML));
    double[][] copy = r.variance().toArray();
    copy[0][0] = 42;
    assertThat(r.variance().get(0, 0)).isNotEqualTo(42);
    assertThatThrownBy(() -> CovarianceMatrix.of(List.of("a", "b"), new double[][] {{1, 2}, {3, 1}}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
