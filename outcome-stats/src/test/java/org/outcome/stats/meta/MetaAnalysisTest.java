package org.outcome.stats.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.stats.RFixtures;
import org.outcome.stats.meta.MetaAnalysis.Method;
import org.outcome.testkit.fixtures.Fixture;
import org.quicktheories.core.Gen;

/** Pooling sites: metafor's numbers on the BCG trials, and the invariants of every model. */
class MetaAnalysisTest {
  private static final int EXAMPLES = 300;

  @Test
  void theBcgTrialsGiveMetaforsNumbers() {
    Fixture f = RFixtures.byId("meta-analysis", "meta/bcg-logrr");
    SiteEffects sites = SiteEffects.of(f.numbers("yi"), f.numbers("vi"));
    Map<String, Object> actual = new LinkedHashMap<>();
    for (String code : List.of("DL", "REML", "FE")) {
      MetaAnalysis.Result r = MetaAnalysis.withDefaults().withMethod(Method.ofCode(code))
          .withConfLevel(f.option("confLevel", 0.95)).pool(sites);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("estimate", r.pooled().value());
      m.put("se", r.se());
      m.put("ciLower", r.pooled().interval().orElseThrow().lower());
      m.put("ciUpper", r.pooled().interval().orElseThrow().upper());
      m.put("z", r.statistic());
      m.put("p", r.pValue());
      m.put("tau2", r.tau2());
      m.put("I2", r.i2());
      m.put("Q", r.q());
      m.put("Qp", r.qPValue());
      actual.put(code, m);
    }
    f.assertMatches(actual);
  }

  /** Sites: 1 to 12, effects in [-3, 3], variances in [0.001, 2]. */
  private static Gen<SiteEffects> sites(int least) {
    return lists().of(doubles().between(-3, 3)).ofSizeBetween(least, 12)
        .zip(lists().of(doubles().between(0.001, 2)).ofSize(12), (y, v) -> SiteEffects.of(
            y.stream().mapToDouble(Double::doubleValue).toArray(),
            v.subList(0, y.size()).stream().mapToDouble(Double::doubleValue).toArray()));
  }

  @Test
  void oneSiteAloneIsThatSite() {
    qt().withExamples(EXAMPLES).forAll(sites(1)).checkAssert(s -> {
      SiteEffects one = SiteEffects.of(new double[] {s.effects()[0]}, new double[] {s.variances()[0]});
      MetaAnalysis.Result r = MetaAnalysis.withDefaults().withMethod(Method.FIXED).pool(one);
      assertThat(r.pooled().value()).isCloseTo(s.effects()[0], within(1e-15 * Math.abs(s.effects()[0])));
      assertThat(r.se()).isCloseTo(Math.sqrt(s.variances()[0]), within(1e-15 * Math.sqrt(s.variances()[0])));
      assertThat(r.tau2()).isZero();
      assertThat(r.weightsPercent()[0]).isCloseTo(100.0, within(1e-12));
    });
  }

  @Test
  void equalEffectsHaveNoHeterogeneityWhateverTheMethod() {
    qt().withExamples(EXAMPLES).forAll(sites(2), doubles().between(-3, 3)).checkAssert((s, common) -> {
      double[] y = new double[s.size()];
      java.util.Arrays.fill(y, common);
      SiteEffects same = SiteEffects.of(y, s.variances());
      for (Method m : Method.values()) {
        MetaAnalysis.Result r = MetaAnalysis.withDefaults().withMethod(m).pool(same);
        assertThat(r.tau2()).as("%s", m).isZero();
        assertThat(r.q()).as("%s", m).isCloseTo(0, within(1e-20));
        assertThat(r.i2()).as("%s", m).isZero();
        assertThat(r.pooled().value()).as("%s", m).isCloseTo(common, within(1e-12));
      }
    });
  }

  @Test
  void theOrderOfTheSitesChangesNothing() {
    qt().withExamples(EXAMPLES).forAll(sites(2), integers().all()).checkAssert((s, seed) -> {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(seed));
      double[] y = new double[s.size()];
      double[] v = new double[s.size()];
      for (int i = 0; i < s.size(); i++) {
        y[i] = s.effects()[order.get(i)];
        v[i] = s.variances()[order.get(i)];
      }
      for (Method m : Method.values()) {
        MetaAnalysis.Result a = MetaAnalysis.withDefaults().withMethod(m).pool(s);
        MetaAnalysis.Result b = MetaAnalysis.withDefaults().withMethod(m).pool(SiteEffects.of(y, v));
        assertThat(b.pooled().value()).as("%s", m).isCloseTo(a.pooled().value(), within(1e-9));
        assertThat(b.tau2()).as("%s", m).isCloseTo(a.tau2(), within(1e-9 * Math.max(1, a.tau2())));
        assertThat(b.se()).as("%s", m).isCloseTo(a.se(), within(1e-9 * a.se()));
      }
    });
  }

  @Test
  void eachEstimateSolvesItsOwnDefiningEquation() {
    qt().withExamples(EXAMPLES).forAll(sites(2)).checkAssert(s -> {
      double[] y = s.effects();
      double[] v = s.variances();
      int k = s.size();
      // Paule-Mandel: generalised Q = k - 1 where tau^2 > 0, and below it at 0 otherwise
      double pm = MetaAnalysis.withDefaults().withMethod(Method.PAULE_MANDEL).pool(s).tau2();
      double q = generalisedQ(y, v, pm);
      if (pm > 0) {
        assertThat(q).isCloseTo(k - 1.0, within(1e-8 * k));
      } else {
        assertThat(q).isLessThanOrEqualTo(k - 1.0 + 1e-9);
      }
      // REML: the restricted score is zero where tau^2 > 0, and not positive at 0 otherwise; and no
      // point of a grid has a higher restricted likelihood
      double reml = MetaAnalysis.withDefaults().withMethod(Method.REML).pool(s).tau2();
      double score = remlScore(y, v, reml);
      if (reml > 0) {
        assertThat(score).isCloseTo(0, within(1e-7 * sumOfWeights(v, reml)));
      } else {
        assertThat(score).isLessThanOrEqualTo(1e-7 * sumOfWeights(v, 0));
      }
      double best = remlLogLikelihood(y, v, reml);
      for (double t = 0; t < 10; t = t == 0 ? 1e-6 : t * 1.1) {
        assertThat(remlLogLikelihood(y, v, t)).as("tau2 %s against %s", t, reml)
            .isLessThanOrEqualTo(best + 1e-9 * Math.abs(best) + 1e-12);
      }
    });
  }

  @Test
  void thePooledEffectLiesAmongTheSitesAndRandomEffectsAreNoMorePreciseThanFixed() {
    qt().withExamples(EXAMPLES).forAll(sites(2)).checkAssert(s -> {
      double min = java.util.Arrays.stream(s.effects()).min().orElseThrow();
      double max = java.util.Arrays.stream(s.effects()).max().orElseThrow();
      MetaAnalysis.Result fixed = MetaAnalysis.withDefaults().withMethod(Method.FIXED).pool(s);
      for (Method m : Method.values()) {
        MetaAnalysis.Result r = MetaAnalysis.withDefaults().withMethod(m).pool(s);
        assertThat(r.pooled().value()).as("%s", m).isBetween(min - 1e-12, max + 1e-12);
        assertThat(r.se()).as("%s", m).isGreaterThanOrEqualTo(fixed.se() * (1 - 1e-12));
        assertThat(r.i2()).as("%s", m).isBetween(0.0, 100.0);
        assertThat(r.pValue()).as("%s", m).isBetween(0.0, 1.0);
        assertThat(java.util.Arrays.stream(r.weightsPercent()).sum()).as("%s", m).isCloseTo(100, within(1e-9));
        assertThat(r.prediction().lower()).isLessThanOrEqualTo(r.pooled().interval().orElseThrow().lower() + 1e-12);
      }
    });
  }

  @Test
  void whereFisherScoringOscillatesRemlIsTheRootOfTheScore() {
    // found by the property below: one site's variance dwarfs the others'. metafor 3.8.1 stops
    // ("Fisher scoring algorithm did not converge") at threshold 1e-12; with stepadj = 0.5 it gives
    // tau2 = 4.6804601547821274e-07 (and 4.733e-07 at its default threshold 1e-5)
    SiteEffects s = SiteEffects.of(
        new double[] {-2.402670880978074, -3.0, -2.3839687878670444, -2.385706832868064, -2.4187989692707177,
            -2.3485180027226438, -2.3833928023750035},
        new double[] {0.003366224172446039, 0.08702457820720384, 0.0028233739364193293, 0.0030096104682194513,
            0.001, 0.001, 0.00320828444387615});
    MetaAnalysis.Result r = MetaAnalysis.withDefaults().pool(s);
    assertThat(r.tau2()).isCloseTo(4.6804601547821274e-07, within(1e-6 * 4.68e-07));
  }

  @Test
  void whereTheRestrictedLikelihoodHasTwoMaximaTheHigherIsTakenWithAWarning() {
    // found by the property below; metafor 3.8.1 stops here ("Fisher scoring algorithm did not
    // converge"): the score is negative at 0 and positive near tau2 = 0.31
    SiteEffects s = SiteEffects.of(
        new double[] {0.28010542611771605, -0.049870031534487325, -2.6829607401282782, -1.7264338071246734},
        new double[] {0.12153620342303455, 0.08128499048055113, 1.9990782284185096, 1.4458207143883846});
    MetaAnalysis.Result r = MetaAnalysis.withDefaults().pool(s);
    assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("reml-not-fisher-scoring");
    double[] y = s.effects();
    double[] v = s.variances();
    assertThat(remlLogLikelihood(y, v, r.tau2())).isGreaterThanOrEqualTo(remlLogLikelihood(y, v, 0))
        .isGreaterThanOrEqualTo(remlLogLikelihood(y, v, 0.31));
  }

  @Test
  void aHigherMaximumAtZeroIsTheEstimateAsMetaforGivesIt() {
    // found by the property below: Fisher scoring from DerSimonian-Laird settles at tau2 = 0.0033,
    // a local maximum; the restricted likelihood is higher at 0, where metafor 3.8.1 ends
    // (rma(y, v, method = "REML")$tau2 is 0, logLik 2.8671288880350225 either way)
    SiteEffects s = SiteEffects.of(new double[] {-3.0, -2.7853622819523176, -3.0, -3.0},
        new double[] {0.001, 0.005415192512694492, 0.001, 0.001});
    MetaAnalysis.Result r = MetaAnalysis.withDefaults().pool(s);
    assertThat(r.tau2()).isZero();
    assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("reml-two-maxima");
  }

  @Test
  void leaveOneOutPoolsTheOthers() {
    SiteEffects s = SiteEffects.of(new double[] {0.1, 0.5, -0.2, 0.9}, new double[] {0.04, 0.1, 0.02, 0.3});
    List<MetaAnalysis.Result> out = MetaAnalysis.withDefaults().leaveOneOut(s);
    assertThat(out).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(out.get(i).sites()).isEqualTo(3);
      assertThat(out.get(i).pooled().value())
          .isEqualTo(MetaAnalysis.withDefaults().pool(s.without(i)).pooled().value());
    }
  }

  @Test
  void tooFewSitesOrBadVariancesAreRefusedByName() {
    SiteEffects one = SiteEffects.of(new double[] {0.3}, new double[] {0.1});
    assertThatThrownBy(() -> MetaAnalysis.withDefaults().pool(one)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("at least two sites");
    assertThatThrownBy(() -> MetaAnalysis.withDefaults().withMethod(Method.FIXED).withKnappHartung(true).pool(one))
        .isInstanceOf(DegenerateDataException.class);
    assertThatThrownBy(() -> SiteEffects.of(new double[] {0.1, Double.NaN, 0.2}, new double[] {0.1, 0.2, 0}))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Object::toString)
            .containsExactly("site 2, yi: not a finite number", "site 3, vi: must be a positive finite variance"));
    assertThatThrownBy(() -> Method.ofCode("HS")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FE, DL, REML, PM");
  }

  /** The test's own sums at τ², written from the definitions (not the class's code). */
  private static double sumOfWeights(double[] v, double tau2) {
    double s = 0;
    for (double x : v) {
      s += 1 / (x + tau2);
    }
    return s;
  }

  private static double pooledMean(double[] y, double[] v, double tau2) {
    double swy = 0;
    for (int i = 0; i < y.length; i++) {
      swy += y[i] / (v[i] + tau2);
    }
    return swy / sumOfWeights(v, tau2);
  }

  /** Σ w_i^power (y_i − μ)². */
  private static double weightedSquares(double[] y, double[] v, double tau2, int power) {
    double mu = pooledMean(y, v, tau2);
    double q = 0;
    for (int i = 0; i < y.length; i++) {
      q += Math.pow(1 / (v[i] + tau2), power) * (y[i] - mu) * (y[i] - mu);
    }
    return q;
  }

  private static double generalisedQ(double[] y, double[] v, double tau2) {
    return weightedSquares(y, v, tau2, 1);
  }

  /** d/dτ² of the restricted log-likelihood, times 2: y'PPy − tr P. */
  private static double remlScore(double[] y, double[] v, double tau2) {
    double sw = sumOfWeights(v, tau2);
    double sw2 = 0;
    for (double x : v) {
      sw2 += 1 / ((x + tau2) * (x + tau2));
    }
    return weightedSquares(y, v, tau2, 2) - (sw - sw2 / sw);
  }

  private static double remlLogLikelihood(double[] y, double[] v, double tau2) {
    double l = Math.log(sumOfWeights(v, tau2)) + generalisedQ(y, v, tau2);
    for (double x : v) {
      l += Math.log(x + tau2);
    }
    return -l / 2;
  }
}
