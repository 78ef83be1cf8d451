package org.outcome.examples.signtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.api.AnalysisId;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.sample.PairedSample;
import org.outcome.testkit.analyses.PairedContracts;

/** The plugin tested the way its author would: worked examples against R, the testkit contract, discovery. */
class SignTestTest {
  @Test
  void matchesRBinomTestOnContinuousDifferences() {
    // d <- c(1.2,0.8,0,-0.4,2.1,1.5,0.9,-0.2,1.1,0.7,0.3,1.8); binom.test(sum(d>0), sum(d!=0))$p.value
    // = 0.065429687500000042; print(median(d), digits = 17) = 0.85000000000000009
    double[] d = {1.2, 0.8, 0, -0.4, 2.1, 1.5, 0.9, -0.2, 1.1, 0.7, 0.3, 1.8};
    SignTest.Result r = SignTest.withDefaults().test(PairedSample.of(new double[d.length], d));

    assertThat(r.pValue()).isCloseTo(0.065429687500000042, within(1e-15));
    assertThat(r.positive()).isEqualTo(9);
    assertThat(r.negative()).isEqualTo(2);
    assertThat(r.zeros()).isEqualTo(1);
    assertThat(r.median()).isEqualTo(0.85000000000000009);
    assertThat(r.warnings()).extracting(w -> w.code()).contains("zeros-dropped");
  }

  @Test
  void matchesRBinomTestOnQuestionnaireScores() {
    // x <- c(3,5,2,4,4,1,5,3); y <- c(4,5,4,5,3,3,5,5); d <- y - x
    // binom.test(sum(d>0), sum(d!=0))$p.value = 0.21875000000000008
    SignTest.Result r = SignTest.withDefaults().test(
        PairedSample.of(new double[] {3, 5, 2, 4, 4, 1, 5, 3}, new double[] {4, 5, 4, 5, 3, 3, 5, 5}));

    assertThat(r.pValue()).isCloseTo(0.21875000000000008, within(1e-15));
    assertThat(r.nUsed()).isEqualTo(6);
  }

  @Test
  void largeSamplesDoNotUnderflow() {
    // binom.test(80, 150)$p.value = 0.46254951786683057
    assertThat(SignTest.binomialHalfCdf(70, 150) * 2).isCloseTo(0.46254951786683057, within(1e-13));
  }

  @Test
  void allZeroDifferencesAreDegenerate() {
    assertThatThrownBy(() -> SignTest.withDefaults().test(PairedSample.of(new double[] {1, 2}, new double[] {1, 2})))
        .isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("all 2 differences are zero");
  }

  @Test
  void meetsThePairedContractOfTheTestkit() {
    PairedContracts.of(sample -> SignTest.withDefaults().test(sample)).verify();
  }

  @Test
  void isFoundByTheRegistryLikeABuiltInAnalysis() {
    AnalysisRegistry registry = AnalysisRegistry.load();

    assertThat(registry.ids()).contains(AnalysisId.of("sign-test"));
    assertThat(registry.require(AnalysisId.of("sign-test")).assumptions()).contains("no assumption about the shape")
        .endsWith(".");
    assertThat(registry.run(AnalysisId.of("sign-test"),
            PairedSample.of(new double[] {3, 5, 2, 4, 4, 1, 5, 3}, new double[] {4, 5, 4, 5, 3, 3, 5, 5}),
            AnalysisSettings.defaults()).test().orElseThrow().pValue())
        .isCloseTo(0.21875000000000008, within(1e-15));
  }
}
