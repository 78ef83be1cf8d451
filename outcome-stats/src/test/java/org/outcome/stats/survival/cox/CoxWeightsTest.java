package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Covariate;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.Generator;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.SurvivalSamples;
import org.outcome.testkit.samples.SurvivalShape;

/**
 * The Cox model with case weights ({@link CoxPh#fit(SurvivalSample, double[])}), beyond the R
 * cases of {@link CoxCasesTest}: weights of 1 are the unweighted fit to the last bit; a common
 * weight {@code c} leaves the coefficients and the robust variance alone, multiplies the
 * likelihood-ratio and score statistics by {@code c} and divides the model-based variance by it; whole-number weights with
 * Breslow's ties are copies of rows (also for the robust variance, with each row's copies one
 * cluster); bad weights are refused naming the row, never the value.
 */
class CoxWeightsTest {
  private static final int EXAMPLES = 150;
  private static final double TOLERANCE = 1e-7;

  private static final Generator<SurvivalSample> SAMPLES = SurvivalSamples.builder().size(10, 40).covariates(2)
      .shapes(SurvivalShape.CONTINUOUS_TIMES, SurvivalShape.WHOLE_DAY_TIES, SurvivalShape.CENSORED_AT_EVENT_TIMES,
          SurvivalShape.NO_CENSORING, SurvivalShape.SINGLE_EVENT)
      .build();

  @Test
  void weightsOfOneAreTheUnweightedFitExactly() {
    for (Ties ties : Ties.values()) {
      CoxPh config = CoxPh.withDefaults().withTies(ties).withVariance(Variance.ROBUST);
      qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES)).checkAssert(s -> {
        double[] ones = new double[s.size()];
        Arrays.fill(ones, 1);
        Optional<CoxPh.Result> plain = CoxChecks.fitOrDegenerate(() -> config.fit(s));
        Optional<CoxPh.Result> weighted = CoxChecks.fitOrDegenerate(() -> config.fit(s, ones));
        assertThat(weighted.isPresent()).isEqualTo(plain.isPresent());
        plain.ifPresent(a -> {
          CoxPh.Result b = weighted.orElseThrow();
          assertThat(b.coefficients()).containsExactly(a.coefficients());
          assertThat(b.loglik()).isEqualTo(a.loglik());
          assertThat(b.loglikNull()).isEqualTo(a.loglikNull());
          for (int j = 0; j < a.terms().size(); j++) {
            assertThat(b.terms().get(j).se()).isEqualTo(a.terms().get(j).se());
            assertThat(b.terms().get(j).naiveSe()).isEqualTo(a.terms().get(j).naiveSe());
          }
          assertThat(b.robustScore().orElseThrow().statistic()).isEqualTo(a.robustScore().orElseThrow().statistic());
        });
      });
    }
  }

  @Test
  void aCommonWeightScalesTheLikelihoodButNotTheEstimates() {
    for (Ties ties : Ties.values()) {
      CoxPh config = CoxPh.withDefaults().withTies(ties);
      qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), doubles().between(0.05, 20))
          .checkAssert((s, c) -> {
            double[] w = new double[s.size()];
            Arrays.fill(w, c);
            Optional<CoxPh.Result> plain = CoxChecks.fitOrDegenerate(() -> config.withVariance(Variance.ROBUST).fit(s));
            Optional<CoxPh.Result> weighted = CoxChecks.fitOrDegenerate(() -> config.withVariance(Variance.ROBUST).fit(s, w));
            assertThat(weighted.isPresent()).isEqualTo(plain.isPresent());
            if (plain.isEmpty() || !plain.get().warnings().isEmpty() || !weighted.get().warnings().stream()
                .allMatch(x -> x.code().endsWith("-not-computed"))) {
              return; // a monotone likelihood: the coefficients are wherever the iterations stopped
            }
            CoxPh.Result a = plain.get();
            CoxPh.Result b = weighted.get();
            for (int j = 0; j < a.terms().size(); j++) {
              same(a.coefficients()[j], b.coefficients()[j], "coef", s);
              same(a.terms().get(j).se(), b.terms().get(j).se(), "robust se", s);
              same(a.terms().get(j).naiveSe().orElseThrow() / Math.sqrt(c),
                  b.terms().get(j).naiveSe().orElseThrow(), "model-based se", s);
            }
            // every risk set's sum is c times larger: each event adds -c log c
            same(c * (a.loglik() - a.nEvent() * Math.log(c)), b.loglik(), "loglik", s);
            same(c * a.likelihoodRatio().statistic(), b.likelihoodRatio().statistic(), "likelihood ratio", s);
            same(c * a.score().statistic(), b.score().statistic(), "score test", s);
            same(a.robustScore().orElseThrow().statistic(), b.robustScore().orElseThrow().statistic(),
                "robust score test", s);
          });
    }
  }

  @Test
  void wholeWeightsAreCopiesOfRowsWithBreslowTies() {
    CoxPh config = CoxPh.withDefaults().withTies(Ties.BRESLOW).withVariance(Variance.ROBUST);
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), longs().all()).checkAssert((s, seed) -> {
      Random random = new Random(seed);
      double[] w = new double[s.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = 1 + random.nextInt(3);
      }
      Optional<CoxPh.Result> weighted = CoxChecks.fitOrDegenerate(() -> config.fit(s, w));
      Optional<CoxPh.Result> copies = CoxChecks.fitOrDegenerate(() -> config.fit(copies(s, w)));
      assertThat(copies.isPresent()).isEqualTo(weighted.isPresent());
      if (weighted.isEmpty() || !copies.get().warnings().isEmpty()) {
        return;
      }
      CoxPh.Result a = copies.get();
      CoxPh.Result b = weighted.get();
      for (int j = 0; j < a.terms().size(); j++) {
        same(a.coefficients()[j], b.coefficients()[j], "coef", s);
        same(a.terms().get(j).naiveSe().orElseThrow(), b.terms().get(j).naiveSe().orElseThrow(), "model-based se", s);
        same(a.terms().get(j).se(), b.terms().get(j).se(), "robust se", s);
      }
      same(a.loglik(), b.loglik(), "loglik", s);
      same(a.likelihoodRatio().statistic(), b.likelihoodRatio().statistic(), "likelihood ratio", s);
      same(a.wald().statistic(), b.wald().statistic(), "Wald test", s);
      assertThat(b.n()).isEqualTo(s.size());
    });
  }

  @Test
  void wholeNumberWeightsKeepTheModelBasedVarianceAndOthersMakeItRobust() {
    SurvivalSample s = smallSample();
    double[] whole = {1, 2, 3, 1, 2, 1, 1, 2};
    double[] fractional = {1, 2, 3, 1, 2, 1, 1, 2.5};
    assertThat(CoxPh.withDefaults().fit(s, whole).robust()).isFalse();
    CoxPh.Result robust = CoxPh.withDefaults().fit(s, fractional);
    assertThat(robust.robust()).isTrue();
    assertThat(robust.clusters()).isEmpty();
    assertThat(CoxPh.withDefaults().withVariance(Variance.MODEL_BASED).fit(s, fractional).robust()).isFalse();
  }

  @Test
  void badWeightsAreRefusedNamingTheRowNotTheValue() {
    SurvivalSample s = smallSample();
    for (double bad : new double[] {0, -2.75, Double.NaN, Double.POSITIVE_INFINITY}) {
      double[] w = {1, 1, 1, 1, 1, bad, 1, 1};
      assertThatThrownBy(() -> CoxPh.withDefaults().fit(s, w)).isInstanceOf(InvalidInputException.class)
          .satisfies(e -> {
            InvalidInputException ie = (InvalidInputException) e;
            assertThat(ie.violations()).singleElement().satisfies(v -> {
              assertThat(v.location()).contains("6");
              assertThat(v.message()).contains("positive finite").doesNotContain("2.75").doesNotContain("NaN");
            });
          });
    }
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s, new double[7])).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weights");
  }

  private static SurvivalSample smallSample() {
    return SurvivalSample.builder(new double[] {3, 5, 5, 8, 9, 12, 14, 20},
        new boolean[] {true, true, false, true, true, false, true, true})
        .covariate("x", new double[] {1.2, 0.4, 2.2, -0.3, 0.9, 0.1, -1.1, 0.5}).build();
  }

  /** The sample with row {@code i} repeated {@code w[i]} times, each row's copies one cluster. */
  private static SurvivalSample copies(SurvivalSample s, double[] w) {
    int total = 0;
    for (double v : w) {
      total += (int) v;
    }
    double[] t = new double[total];
    boolean[] e = new boolean[total];
    String[] cluster = new String[total];
    double[][] x = new double[s.covariates().size()][total];
    int k = 0;
    for (int i = 0; i < s.size(); i++) {
      for (int c = 0; c < (int) w[i]; c++, k++) {
        t[k] = s.time(i);
        e[k] = s.event(i);
        cluster[k] = "row" + i;
        for (int j = 0; j < x.length; j++) {
          x[j][k] = s.covariates().get(j).value(i);
        }
      }
    }
    SurvivalSample.Builder b = SurvivalSample.builder(t, e).cluster(Factor.of(cluster));
    for (int j = 0; j < x.length; j++) {
      Covariate c = s.covariates().get(j);
      b.covariate(c.name(), x[j]);
    }
    return b.build();
  }

  private static void same(double expected, double actual, String what, SurvivalSample s) {
    CoxChecks.close(expected, actual, TOLERANCE, what, s);
  }

}
