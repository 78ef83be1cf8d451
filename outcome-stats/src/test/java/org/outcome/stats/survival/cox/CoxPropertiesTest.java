package org.outcome.stats.survival.cox;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.Covariate;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.Generator;
import org.outcome.testkit.analyses.SurvivalContracts;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.SurvivalSamples;
import org.outcome.testkit.samples.SurvivalShape;

/**
 * Invariants of the Cox model on generated samples (the testkit's {@link SurvivalSamples}, with
 * whole-day ties, censoring at event times and single events forced in): what must not change the
 * fit, and how the fit must change when a covariate is negated, shifted or rescaled. Fits that
 * refuse degenerate data must refuse the transformed data too. Fits flagged as not converged or
 * monotone are compared only where the arithmetic is exactly mirrored.
 */
class CoxPropertiesTest {
  private static final int EXAMPLES = 150;
  private static final double TOLERANCE = 1e-7;

  private static final Generator<SurvivalSample> SAMPLES = SurvivalSamples.builder().size(10, 50).covariates(3)
      .shapes(SurvivalShape.CONTINUOUS_TIMES, SurvivalShape.WHOLE_DAY_TIES, SurvivalShape.CENSORED_AT_EVENT_TIMES,
          SurvivalShape.NO_CENSORING, SurvivalShape.LAST_CENSORED, SurvivalShape.SINGLE_EVENT)
      .build();
  private static final Generator<SurvivalSample> STRATIFIED = SurvivalSamples.builder().size(12, 50).covariates(2)
      .strata(3).shapes(SurvivalShape.CONTINUOUS_TIMES, SurvivalShape.WHOLE_DAY_TIES,
          SurvivalShape.CENSORED_AT_EVENT_TIMES)
      .build();

  @Test
  void testkitCoxContractEfron() {
    SurvivalContracts.coxCoefficients(s -> CoxPh.withDefaults().fit(s).coefficients()).verify();
  }

  @Test
  void testkitCoxContractBreslow() {
    SurvivalContracts.coxCoefficients(s -> CoxPh.withDefaults().withTies(Ties.BRESLOW).fit(s).coefficients()).verify();
  }

  @Test
  void negatingACovariateNegatesOnlyItsCoefficient() {
    for (Ties ties : Ties.values()) {
      qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES)).checkAssert(s ->
          compare(s, withCovariate(s, 1, v -> -v), ties, (a, b) -> {
            same(a.coefficients()[0], b.coefficients()[0], "coef x1", s);
            same(-a.coefficients()[1], b.coefficients()[1], "coef x2 negated", s);
            same(a.coefficients()[2], b.coefficients()[2], "coef x3", s);
            same(a.terms().get(1).se(), b.terms().get(1).se(), "se x2", s);
            sameFitStatistics(a, b, s);
          }, false));
    }
  }

  @Test
  void shiftingACovariateChangesNoCoefficient() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), doubles().between(-50, 50)).checkAssert((s, c) ->
        compare(s, withCovariate(s, 2, v -> v + c), Ties.EFRON, (a, b) -> {
          sameCoefficients(a, b, s);
          sameFitStatistics(a, b, s);
        }, true));
  }

  @Test
  void rescalingACovariateDividesItsCoefficient() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), doubles().between(0.01, 100)).checkAssert((s, c) ->
        compare(s, withCovariate(s, 2, v -> v * c), Ties.BRESLOW, (a, b) -> {
          same(a.coefficients()[2] / c, b.coefficients()[2], "coef x3 / c", s);
          same(a.terms().get(2).z(), b.terms().get(2).z(), "z x3", s);
          same(a.coefficients()[0], b.coefficients()[0], "coef x1", s);
          sameFitStatistics(a, b, s);
        }, true));
  }

  @Test
  void rowOrderChangesNothing() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), longs().all()).checkAssert((s, seed) ->
        compare(s, permuted(s, seed), Ties.EFRON, (a, b) -> {
          sameCoefficients(a, b, s);
          sameFitStatistics(a, b, s);
        }, true));
  }

  @Test
  void multiplyingEveryTimeByAConstantChangesNothing() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), doubles().between(0.001, 1000)).checkAssert((s, c) ->
        compare(s, withTimes(s, t -> t * c), Ties.EFRON, (a, b) -> {
          sameCoefficients(a, b, s);
          sameFitStatistics(a, b, s);
        }, false));
  }

  @Test
  void relabellingAndReorderingStrataChangesNothing() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(STRATIFIED)).checkAssert(s -> {
      Factor strata = s.strata().orElseThrow();
      String[] labels = new String[s.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = "z" + (9 - strata.code(i));
      }
      SurvivalSample relabelled = s.toBuilder().strata(Factor.of(labels)).build();
      compare(s, relabelled, Ties.EFRON, (a, b) -> {
        sameCoefficients(a, b, s);
        sameFitStatistics(a, b, s);
      }, true);
    });
  }

  @Test
  void aRowCensoredBeforeEveryEventChangesNothingButN() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), doubles().between(-3, 3)).checkAssert((s, x) -> {
      double first = Double.POSITIVE_INFINITY;
      for (int i = 0; i < s.size(); i++) {
        if (s.event(i)) {
          first = Math.min(first, s.time(i));
        }
      }
      if (first == Double.POSITIVE_INFINITY) {
        return;
      }
      SurvivalSample extended = appendRow(s, first / 2, x);
      compare(s, extended, Ties.EFRON, (a, b) -> {
        sameCoefficients(a, b, s);
        sameFitStatistics(a, b, s);
        check(b.n() == a.n() + 1, "n did not grow by one", s);
      }, true);
    });
  }

  @Test
  void eachRowItsOwnClusterIsTheRobustVarianceWithoutClusters() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES)).checkAssert(s -> {
      String[] ids = new String[s.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = "c" + i;
      }
      Optional<CoxPh.Result> robust = fit(CoxPh.withDefaults().withVariance(Variance.ROBUST), s);
      Optional<CoxPh.Result> clustered = fit(CoxPh.withDefaults(), s.toBuilder().cluster(Factor.of(ids)).build());
      check(robust.isPresent() == clustered.isPresent(), "degeneracy differs", s);
      robust.ifPresent(a -> {
        CoxPh.Result b = clustered.orElseThrow();
        for (int j = 0; j < 3; j++) {
          same(a.terms().get(j).se(), b.terms().get(j).se(), "robust se", s);
        }
        // b' V^-1 b: the two ways of summing residuals differ by rounding, which V^-1 magnifies by
        // V's condition number (a robust variance near singular gives Wald statistics of 1e16)
        sameConditioned(a.wald().statistic(), b.wald().statistic(), conditionNumber(a), "robust Wald", s);
        same(a.robustScore().orElseThrow().statistic(), b.robustScore().orElseThrow().statistic(), "robust score", s);
        same(a.concordance().map(Concordance::stdErr).orElse(0.0), b.concordance().map(Concordance::stdErr).orElse(0.0),
            "concordance se", s);
      });
    });
  }

  @Test
  void resultsAreSane() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES)).checkAssert(s ->
        fit(CoxPh.withDefaults(), s).ifPresent(r -> {
          check(r.likelihoodRatio().statistic() >= -1e-9, "negative likelihood ratio", s);
          check(r.score().statistic() >= -1e-9 && r.wald().statistic() >= -1e-9, "negative test statistic", s);
          for (CoxTerm t : r.terms()) {
            check(t.p() >= 0 && t.p() <= 1, "p outside [0, 1]", s);
            check(t.hazardRatioInterval().lower() <= t.hazardRatio() && t.hazardRatio() <= t.hazardRatioInterval().upper(),
                "hazard ratio outside its interval", s);
          }
          r.concordance().ifPresent(c -> check(c.value() >= 0 && c.value() <= 1, "concordance outside [0, 1]", s));
          check(r.nEvent() == s.eventCount() && r.n() == s.size(), "n or events miscounted", s);
        }));
  }

  // ---- helpers ----

  private interface Comparison {
    void check(CoxPh.Result a, CoxPh.Result b);
  }

  /**
   * Fits both samples; both must be degenerate or neither. With {@code onlyStable}, pairs whose
   * fit warns (monotone likelihood, no convergence: the coefficient is arbitrary) are skipped.
   */
  private static void compare(SurvivalSample base, SurvivalSample changed, Ties ties, Comparison comparison,
      boolean onlyStable) {
    CoxPh config = CoxPh.withDefaults().withTies(ties);
    Optional<CoxPh.Result> a = fit(config, base);
    Optional<CoxPh.Result> b = fit(config, changed);
    check(a.isPresent() == b.isPresent(), "one fit was refused as degenerate and the other was not", base);
    if (a.isEmpty()) {
      return;
    }
    if (onlyStable && (!a.get().warnings().isEmpty() || !b.get().warnings().isEmpty())) {
      return;
    }
    comparison.check(a.get(), b.get());
  }

  private static Optional<CoxPh.Result> fit(CoxPh config, SurvivalSample s) {
    try {
      return Optional.of(config.fit(s));
    } catch (DegenerateDataException e) {
      return Optional.empty();
    }
  }

  private static void sameCoefficients(CoxPh.Result a, CoxPh.Result b, SurvivalSample s) {
    for (int j = 0; j < a.terms().size(); j++) {
      same(a.coefficients()[j], b.coefficients()[j], "coef " + j, s);
      same(a.terms().get(j).se(), b.terms().get(j).se(), "se " + j, s);
    }
  }

  private static void sameFitStatistics(CoxPh.Result a, CoxPh.Result b, SurvivalSample s) {
    same(a.loglik(), b.loglik(), "loglik", s);
    same(a.loglikNull(), b.loglikNull(), "null loglik", s);
    same(a.score().statistic(), b.score().statistic(), "score test", s);
    same(a.likelihoodRatio().statistic(), b.likelihoodRatio().statistic(), "likelihood ratio", s);
    check(a.concordance().isPresent() == b.concordance().isPresent(), "concordance presence", s);
    a.concordance().ifPresent(c -> {
      Concordance d = b.concordance().orElseThrow();
      same(c.value(), d.value(), "concordance", s);
      same(c.stdErr(), d.stdErr(), "concordance se", s);
    });
    check(a.proportionalHazards().isPresent() == b.proportionalHazards().isPresent(), "zph presence", s);
    a.proportionalHazards().ifPresent(z -> {
      List<ProportionalHazardsTest.Row> x = z.rows();
      List<ProportionalHazardsTest.Row> y = b.proportionalHazards().orElseThrow().rows();
      for (int i = 0; i < x.size(); i++) {
        // each test inverts a part of the information: rounding is magnified by its conditioning
        sameConditioned(x.get(i).chisq(), y.get(i).chisq(), conditionNumber(a), "zph " + x.get(i).term(), s);
      }
    });
  }

  /** The condition number of a fit's variance matrix (that of the information it inverts). */
  private static double conditionNumber(CoxPh.Result fit) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(fit.variance().toArray())).getConditionNumber();
  }

  /**
   * As {@link #same}, for a statistic that inverts a matrix of condition number {@code kappa}:
   * rounding differences (1e-14, some ulps) magnified by it are allowed too; a nearly constant
   * covariate (one 0.01 among zeros) gives the zph test three good digits.
   */
  private static void sameConditioned(double expected, double actual, double kappa, String what, SurvivalSample s) {
    check(expected == actual || Math.abs(expected - actual)
        <= (TOLERANCE + 1e-14 * kappa) * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual))),
        what + ": " + expected + " became " + actual, s);
  }

  private static void same(double expected, double actual, String what, SurvivalSample s) {
    boolean ok = expected == actual
        || Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
    check(ok, what + ": " + expected + " became " + actual, s);
  }

  private static void check(boolean ok, String message, SurvivalSample s) {
    if (!ok) {
      throw new AssertionError(message + " for " + org.outcome.testkit.samples.Describe.survival(s));
    }
  }

  private static SurvivalSample withCovariate(SurvivalSample s, int j, UnaryOperator<Double> f) {
    SurvivalSample.Builder b = SurvivalSample.builder(s.times(), s.events());
    s.strata().ifPresent(b::strata);
    s.cluster().ifPresent(b::cluster);
    for (int k = 0; k < s.covariates().size(); k++) {
      Covariate c = s.covariates().get(k);
      double[] v = c.values();
      if (k == j) {
        for (int i = 0; i < v.length; i++) {
          v[i] = f.apply(v[i]);
        }
      }
      b.covariate(c.name(), v);
    }
    return b.build();
  }

  private static SurvivalSample withTimes(SurvivalSample s, Function<Double, Double> f) {
    double[] t = s.times();
    for (int i = 0; i < t.length; i++) {
      t[i] = f.apply(t[i]);
    }
    SurvivalSample.Builder b = SurvivalSample.builder(t, s.events());
    s.strata().ifPresent(b::strata);
    s.covariates().forEach(b::covariate);
    return b.build();
  }

  private static SurvivalSample permuted(SurvivalSample s, long seed) {
    int n = s.size();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(seed));
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    for (int i = 0; i < n; i++) {
      t[i] = s.time(order.get(i));
      e[i] = s.event(order.get(i));
    }
    SurvivalSample.Builder b = SurvivalSample.builder(t, e);
    s.strata().ifPresent(f -> b.strata(permute(f, order)));
    for (Covariate c : s.covariates()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = c.value(order.get(i));
      }
      b.covariate(c.name(), v);
    }
    return b.build();
  }

  private static Factor permute(Factor f, List<Integer> order) {
    String[] labels = new String[f.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = f.level(order.get(i));
    }
    return Factor.withLevels(labels, f.levels());
  }

  private static SurvivalSample appendRow(SurvivalSample s, double time, double x) {
    int n = s.size();
    double[] t = java.util.Arrays.copyOf(s.times(), n + 1);
    boolean[] e = java.util.Arrays.copyOf(s.events(), n + 1);
    t[n] = time;
    SurvivalSample.Builder b = SurvivalSample.builder(t, e);
    for (Covariate c : s.covariates()) {
      double[] v = java.util.Arrays.copyOf(c.values(), n + 1);
      v[n] = x;
      b.covariate(c.name(), v);
    }
    return b.build();
  }
}
