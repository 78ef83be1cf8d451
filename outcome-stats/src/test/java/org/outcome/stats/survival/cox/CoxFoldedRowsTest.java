package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.InvalidInputException;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.Generator;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.SurvivalSamples;
import org.outcome.testkit.samples.SurvivalShape;

/**
 * {@link CoxPh#fit(CoxRows)}, the fit whose rows are reached only by folds (as on Spark), equals
 * {@link CoxPh#fit(SurvivalSample)} on the same rows however they are split into parts: on every
 * R fixture it covers and on generated samples with ties, strata and groups.
 */
class CoxFoldedRowsTest {
  /** Relative: the sums are the same, added in another order. */
  private static final double TOLERANCE = 1e-9;
  private static final int EXAMPLES = 80;
  private static final Generator<SurvivalSample> SAMPLES = SurvivalSamples.builder().size(8, 120).covariates(3)
      .groups(3).strata(2)
      .shapes(SurvivalShape.CONTINUOUS_TIMES, SurvivalShape.WHOLE_DAY_TIES, SurvivalShape.CENSORED_AT_EVENT_TIMES,
          SurvivalShape.NO_CENSORING, SurvivalShape.LAST_CENSORED, SurvivalShape.SINGLE_EVENT)
      .build();

  static List<Fixture> fixtures() {
    return CoxFixtures.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void equalsTheFitOfTheSampleOnEveryFixture(Fixture f) {
    SurvivalSample sample = CoxFixtures.sample(f);
    CoxPh config = CoxFixtures.config(f).withConcordance(false);
    CoxPh.Result local = config.fit(sample);
    for (int parts : new int[] {1, 2, 5, 13}) {
      CoxPh.Result folded = config.fit(CoxRows.of(sample, parts));
      assertSameFit(folded, local, f.id() + " in " + parts + " parts", TOLERANCE);
      assertSameZph(folded, local, f.id() + " in " + parts + " parts", conditionNumber(local.variance().toArray()));
    }
  }

  @Test
  void equalsTheFitOfTheSampleOnGeneratedSamplesWhateverTheParts() {
    for (Ties ties : Ties.values()) {
      CoxPh config = CoxPh.withDefaults().withTies(ties).withConcordance(false);
      qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), integers().between(1, 9)).checkAssert((s, parts) -> {
        Throwable refused = catchThrowable(() -> config.fit(s));
        if (refused != null) {
          assertThatThrownBy(() -> config.fit(CoxRows.of(s, parts))).as("refused as the sample's fit: " + s)
              .isInstanceOf(refused.getClass()).hasMessage(refused.getMessage());
          return;
        }
        CoxPh.Result local = config.fit(s);
        CoxPh.Result folded = config.fit(CoxRows.of(s, parts));
        assertSameFit(folded, local, s + " in " + parts + " parts", TOLERANCE);
        double kappa = conditionNumber(local.variance().toArray());
        if (local.converged() && local.warnings().isEmpty() && kappa < 1e6) {
          assertSameZph(folded, local, s + " in " + parts + " parts", kappa);
        }
      });
    }
  }

  @Test
  void robustAndClusteredFitsEqualTheSamplesOnGeneratedSamples() {
    for (Variance variance : new Variance[] {Variance.ROBUST, Variance.AUTOMATIC}) {
      CoxPh config = CoxPh.withDefaults().withVariance(variance).withConcordance(false)
          .withProportionalHazardsTest(false);
      qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), integers().between(1, 9),
          integers().between(1, 12)).checkAssert((s, parts, clusterSize) -> {
            SurvivalSample clustered = withClusters(s, clusterSize);
            Throwable refused = catchThrowable(() -> config.fit(clustered));
            if (refused != null) {
              return;
            }
            CoxPh.Result local = config.fit(clustered);
            if (!local.warnings().isEmpty()) {
              // a diverging fit: whether its risk scores overflow the robust variance depends on
              // where rounding stopped it; the folded fit either refuses as overflowing or says so
              Throwable t = catchThrowable(() -> config.fit(CoxRows.of(clustered, parts)));
              assertThat(t == null || t.getMessage().contains("overflow")).as(String.valueOf(t)).isTrue();
              if (t != null) {
                return;
              }
            }
            CoxPh.Result folded = config.fit(CoxRows.of(clustered, parts));
            if (local.nEvent() < 10 * local.terms().size()) {
              // too few events per term for a regular sandwich: the residuals are sums that cancel
              // to rounding (one or two events a cluster), which the two paths round differently;
              // only the model-based fit beneath is compared
              assertThat(folded.converged()).isEqualTo(local.converged());
              if (local.converged() && local.warnings().isEmpty()) {
                close(folded.loglik(), local.loglik(), Math.max(1, Math.abs(local.loglik())), "loglik", TOLERANCE);
                for (int j = 0; j < local.terms().size(); j++) {
                  double naiveSe = local.terms().get(j).naiveSe().orElseThrow();
                  close(folded.terms().get(j).coef(), local.terms().get(j).coef(),
                      Math.max(Math.abs(local.terms().get(j).coef()), naiveSe), "coef", TOLERANCE);
                  close(folded.terms().get(j).naiveSe().orElseThrow(), naiveSe, naiveSe, "naive se", TOLERANCE);
                }
              }
              return;
            }
            assertSameFit(folded, local, clustered + " in " + parts + " parts, " + variance, TOLERANCE);
            if (local.converged() && local.warnings().isEmpty()) {
              assertThat(folded.clusters()).isEqualTo(local.clusters());
              HypothesisTest rscore = local.robustScore().orElseThrow();
              if (rscore.df().orElseThrow() == local.terms().size()
                  && conditionNumber(local.variance().toArray()) < 1e6 && !vanishingRobustVariance(local)) {
                // as for Wald: a generalized inverse whose rank rounding decides is not compared
                close(folded.robustScore().orElseThrow().statistic(), rscore.statistic(),
                    Math.max(1, rscore.statistic()), "robust score", TOLERANCE);
              }
              for (int j = 0; j < local.terms().size(); j++) {
                CoxTerm a = folded.terms().get(j);
                CoxTerm b = local.terms().get(j);
                close(a.naiveSe().orElseThrow(), b.naiveSe().orElseThrow(), b.naiveSe().orElseThrow(), "naive se",
                    TOLERANCE);
              }
            }
          });
    }
  }

  @Test
  void saysWhatItDoesNotComputeAndRefusesTheRobustVarianceOfRowsThatCannotBeClustered() {
    SurvivalSample sample = CoxFixtures.sample(CoxFixtures.aml());
    CoxPh.Result folded = CoxPh.withDefaults().fit(CoxRows.of(sample, 3));
    assertThat(folded.concordance()).isEmpty();
    assertThat(folded.proportionalHazards()).isPresent();
    assertThat(folded.warnings()).extracting(Warning::code).containsExactly("concordance-not-computed");
    CoxRows rows = CoxRows.of(sample, 1);
    CoxRows withoutClusters = new CoxRows() {
      @Override
      public List<String> covariates() {
        return rows.covariates();
      }

      @Override
      public int strata() {
        return rows.strata();
      }

      @Override
      public <A extends RowFold<A>> A fold(A zero) {
        return rows.fold(zero);
      }
    };
    assertThatThrownBy(() -> CoxPh.withDefaults().withVariance(Variance.ROBUST).fit(withoutClusters))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("robust variance");
  }

  /** The sample with a cluster column: consecutive rows in clusters of {@code size}. */
  private static SurvivalSample withClusters(SurvivalSample s, int size) {
    String[] cluster = new String[s.size()];
    for (int i = 0; i < cluster.length; i++) {
      cluster[i] = "c" + i / size;
    }
    SurvivalSample.Builder b = SurvivalSample.builder(s.times(), s.events());
    s.group().ifPresent(b::group);
    s.strata().ifPresent(b::strata);
    s.covariates().forEach(c -> b.covariate(c.name(), c.values()));
    return b.cluster(Factor.of(cluster)).build();
  }

  @Test
  void refusesRowsWithValuesThatAreNotFiniteWithoutShowingThem() {
    CoxRows rows = new CoxRows() {
      @Override
      public List<String> covariates() {
        return List.of("x");
      }

      @Override
      public int strata() {
        return 1;
      }

      @Override
      public <A extends RowFold<A>> A fold(A zero) {
        A a = zero.copy();
        a = a.add(0, 3, true, new double[] {1});
        a = a.add(0, 5, false, new double[] {Double.NaN});
        return a.add(0, Double.NEGATIVE_INFINITY, true, new double[] {2});
      }
    };
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(rows)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 rows have a time below 0 or not a finite number")
        .hasMessageNotContaining("NaN").hasMessageNotContaining("Infinity");
  }

  /**
   * Each number within {@code tolerance} of the scale of what it is computed from: a likelihood or
   * test statistic of the likelihood's size (at least 1; the LR test is a difference of two), a
   * coefficient of its standard error, a covariance of its variances.
   */
  private static void assertSameFit(CoxPh.Result folded, CoxPh.Result local, String what, double tolerance) {
    assertThat(folded.converged()).as(what + ": converged").isEqualTo(local.converged());
    assertThat(folded.n()).as(what + ": n").isEqualTo(local.n());
    assertThat(folded.nEvent()).as(what + ": events").isEqualTo(local.nEvent());
    if (!local.converged()) {
      // ran out of iterations on a divergent path (monotone likelihood): where it stopped depends
      // on rounding through every step-halving decision; both say so, and nothing more compares
      assertThat(folded.warnings()).extracting(Warning::code).contains("did-not-converge");
      return;
    }
    assertThat(folded.iterations()).as(what + ": iterations").isEqualTo(local.iterations());
    double likelihood = Math.max(1, Math.max(Math.abs(local.loglik()), Math.abs(local.loglikNull())));
    close(folded.loglik(), local.loglik(), likelihood, what + ": loglik", tolerance);
    if (!local.warnings().isEmpty()) {
      // a diverging or unconverged fit stops at an arbitrary point of its path, which rounding
      // moves (and with it whether and which covariates' information has vanished there, see
      // CoxModelFit): only its likelihood and its first warning are comparable (as in
      // CoxPropertiesTest)
      assertThat(folded.warnings()).as(what + ": warnings").isNotEmpty();
      assertThat(folded.warnings().get(0).code()).as(what + ": first warning").isEqualTo(local.warnings().get(0).code());
      return;
    }
    assertThat(folded.warnings()).as(what + ": warnings").isEqualTo(local.warnings());
    close(folded.loglikNull(), local.loglikNull(), likelihood, what + ": loglik at 0", tolerance);
    close(folded.likelihoodRatio().statistic(), local.likelihoodRatio().statistic(), likelihood, what + ": LR",
        tolerance);
    if (conditionNumber(local.variance().toArray()) < 1e6 && !vanishingRobustVariance(local)) {
      // else rounding errors grow with the condition number (and at worst decide the generalized
      // inverse's rank, toler.chol): b' V^- b is compared where they stay below 1e-9
      close(folded.wald().statistic(), local.wald().statistic(), Math.max(1, local.wald().statistic()),
          what + ": Wald", tolerance);
    }
    close(folded.score().statistic(), local.score().statistic(), Math.max(1, local.score().statistic()),
        what + ": score", tolerance);
    assertThat(folded.terms()).hasSameSizeAs(local.terms());
    for (int j = 0; j < local.terms().size(); j++) {
      CoxTerm a = folded.terms().get(j);
      CoxTerm b = local.terms().get(j);
      assertThat(a.name()).isEqualTo(b.name());
      // a robust SE can vanish (residuals that cancel): it is computed on the naive one's scale
      double seScale = Math.max(b.se(), b.naiveSe().orElse(b.se()));
      close(a.coef(), b.coef(), Math.max(Math.abs(b.coef()), seScale), what + ": coef " + b.name(), tolerance);
      close(a.se(), b.se(), seScale, what + ": se " + b.name(), tolerance);
      if (!vanishingRobustVariance(local)) { // else a p from a vanishing SE is a ratio of rounding errors
        close(a.p(), b.p(), Math.max(1e-3, b.p()), what + ": p " + b.name(), tolerance);
      }
      for (int k = 0; k < local.terms().size(); k++) {
        close(folded.variance().get(j, k), local.variance().get(j, k), Math.sqrt(varianceScale(local, j)
            * varianceScale(local, k)), what + ": var " + j + "," + k, tolerance);
      }
    }
  }

  /**
   * Whether some robust variance is a vanishing fraction of the naive one: the residuals cancel,
   * the robust variance is rounding, and statistics divided by it are ratios of rounding errors.
   */
  private static boolean vanishingRobustVariance(CoxPh.Result r) {
    for (int j = 0; j < r.terms().size(); j++) {
      int k = j;
      if (r.naiveVariance().map(v -> r.variance().get(k, k) < 1e-6 * v.get(k, k)).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  private static double conditionNumber(double[][] symmetric) {
    double[] eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(symmetric)).getEigenvalues();
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double e : eigen) {
      max = Math.max(max, Math.abs(e));
      min = Math.min(min, Math.abs(e));
    }
    return max / min;
  }

  /** The {@code cox.zph} tables agree: present in both or neither, each statistic to the tolerance. */
  /**
   * The zph tests agree; each inverts a part of the information, so the two orders of summing
   * may differ by rounding (1e-14, some ulps) times its condition number {@code kappa} as well.
   */
  private static void assertSameZph(CoxPh.Result folded, CoxPh.Result local, String what, double kappa) {
    assertThat(folded.proportionalHazards().isPresent()).as(what + ": zph present")
        .isEqualTo(local.proportionalHazards().isPresent());
    local.proportionalHazards().ifPresent(expected -> {
      List<ProportionalHazardsTest.Row> a = folded.proportionalHazards().orElseThrow().rows(); // terms, GLOBAL
      List<ProportionalHazardsTest.Row> b = expected.rows();
      assertThat(a).hasSameSizeAs(b);
      for (int i = 0; i < b.size(); i++) {
        assertThat(a.get(i).term()).isEqualTo(b.get(i).term());
        assertThat(a.get(i).df()).isEqualTo(b.get(i).df());
        close(a.get(i).chisq(), b.get(i).chisq(), Math.max(1, b.get(i).chisq()), what + ": zph " + b.get(i).term(),
            TOLERANCE + 1e-14 * kappa);
      }
    });
  }

  private static double varianceScale(CoxPh.Result r, int j) {
    return Math.max(r.variance().get(j, j), r.naiveVariance().map(v -> v.get(j, j)).orElse(0.0));
  }

  private static void close(double actual, double expected, double scale, String what, double tolerance) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertThat(actual).as(what).isEqualTo(expected);
    } else {
      assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
          .isLessThanOrEqualTo(tolerance * scale);
    }
  }
}
