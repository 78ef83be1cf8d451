package org.outcome.stats.survival.competing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.KaplanMeierCurve;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.Ties;
import org.outcome.stats.survival.cox.Variance;

/**
 * Invariants of cumulative incidence and the Fine–Gray model on generated data (whole-day or
 * continuous times, up to three causes, up to three groups): without competing events the
 * incidence is one minus Kaplan–Meier and Fine–Gray is the Cox model with Breslow ties and the
 * robust variance; the incidences of all causes and the survival free of every cause add up to 1;
 * curves rise and stay in [0, 1]; the order of the rows and of the group levels changes nothing.
 */
class CompetingRisksPropertiesTest {
  private static final int EXAMPLES = 200;
  private static final double TOLERANCE = 1e-9;

  /** A generated data set: times, status, group, a covariate and a binary covariate. */
  private static CompetingRisksSample generate(long seed, int causes, boolean wholeDays, int groups) {
    Random r = new Random(seed);
    int n = 8 + r.nextInt(60);
    double[] t = new double[n];
    int[] status = new int[n];
    String[] group = new String[n];
    double[] x = new double[n];
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = wholeDays ? 1 + r.nextInt(12) : (1 + Math.round(r.nextDouble() * 1e4)) / 100.0;
      status[i] = r.nextDouble() < 0.3 ? 0 : 1 + r.nextInt(causes);
      group[i] = "g" + r.nextInt(groups);
      x[i] = Math.round(r.nextGaussian() * 100) / 100.0;
      z[i] = r.nextInt(2);
    }
    status[0] = 1;
    return CompetingRisksSample.builder(t, status).group(Factor.of(group)).covariate("x", x).covariate("z", z)
        .build();
  }

  @Test
  void withoutCompetingEventsTheIncidenceIsOneMinusKaplanMeierAndFineGrayIsCox() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      CompetingRisksSample s = generate(seed, 1, seed % 2 == 0, 1);
      boolean[] event = new boolean[s.size()];
      for (int i = 0; i < event.length; i++) {
        event[i] = s.status(i) == 1;
      }
      SurvivalSample survival = SurvivalSample.builder(s.times(), event).covariate("x", s.covariates().get(0).values())
          .covariate("z", s.covariates().get(1).values()).build();
      KaplanMeierCurve km = KaplanMeier.withDefaults().fit(survival).curves().get(0);
      CumulativeIncidence.Curve cif = CumulativeIncidence.fit(s).curve("g0", 1).orElseThrow();
      for (double t : s.times()) {
        close(1 - km.survivalAt(t), cif.at(t).orElseThrow(), "incidence at " + t);
      }
      CoxPh.Result cox;
      FineGray.Result fg;
      try {
        // both fitted far past their defaults (Cox stops on a relative log-likelihood change of 1e-9,
        // which leaves a coefficient about 1e-8 from the maximum), so the two maxima are compared
        cox = CoxPh.withDefaults().withTies(Ties.BRESLOW).withVariance(Variance.ROBUST).withTimeFix(false)
            .withConvergenceTolerance(1e-14).withMaxIterations(50).fit(survival);
        fg = FineGray.withDefaults().withGradientTolerance(1e-13).withMaxIterations(50).fit(s);
      } catch (DegenerateDataException e) {
        return;
      }
      if (!cox.warnings().isEmpty() || !fg.converged() || Math.abs(fg.coefficients()[0]) > 5
          || Math.abs(fg.coefficients()[1]) > 5) {
        return; // a monotone likelihood: each stops somewhere along the divergence
      }
      for (int j = 0; j < 2; j++) {
        assertThat(fg.terms().get(j).coef()).isCloseTo(cox.terms().get(j).coef(),
            org.assertj.core.api.Assertions.within(1e-8 * Math.max(1, Math.abs(cox.terms().get(j).coef()))));
        assertThat(fg.terms().get(j).se()).isCloseTo(cox.terms().get(j).se(),
            org.assertj.core.api.Assertions.within(1e-7 * cox.terms().get(j).se()));
      }
    });
  }

  @Test
  void theIncidencesAndTheSurvivalAddUpToOneAndRiseWithinTheUnitInterval() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      CompetingRisksSample s = generate(seed, 3, seed % 2 == 0, 1);
      boolean[] any = new boolean[s.size()];
      for (int i = 0; i < any.length; i++) {
        any[i] = s.status(i) != 0;
      }
      KaplanMeierCurve km = KaplanMeier.withDefaults().fit(SurvivalSample.of(s.times(), any)).curves().get(0);
      CumulativeIncidence.Result r = CumulativeIncidence.fit(s);
      for (double t : s.times()) {
        double total = km.survivalAt(t);
        for (CumulativeIncidence.Curve c : r.curves()) {
          total += c.at(t).orElseThrow();
        }
        close(1, total, "S + sum F at " + t);
      }
      for (CumulativeIncidence.Curve c : r.curves()) {
        double[] f = c.estimate();
        for (int k = 0; k < f.length; k++) {
          assertThat(f[k]).isBetween(0.0, 1.0 + 1e-12);
          assertThat(c.variance()[k]).isGreaterThanOrEqualTo(-1e-15);
          if (k > 0) {
            assertThat(f[k]).isGreaterThan(f[k - 1]);
          }
        }
      }
    });
  }

  @Test
  void rowOrderAndLevelOrderChangeNothing() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      CompetingRisksSample s = generate(seed, 2, seed % 2 == 0, 3);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(seed));
      double[] t = new double[s.size()];
      int[] status = new int[s.size()];
      String[] group = new String[s.size()];
      double[] x = new double[s.size()];
      double[] z = new double[s.size()];
      for (int k = 0; k < t.length; k++) {
        int i = order.get(k);
        t[k] = s.time(i);
        status[k] = s.status(i);
        group[k] = s.group().orElseThrow().level(i);
        x[k] = s.covariates().get(0).value(i);
        z[k] = s.covariates().get(1).value(i);
      }
      List<String> reversed = new ArrayList<>(s.group().orElseThrow().levels());
      Collections.reverse(reversed);
      CompetingRisksSample shuffled = CompetingRisksSample.builder(t, status)
          .group(Factor.withLevels(group, reversed)).covariate("x", x).covariate("z", z).build();
      CumulativeIncidence.Result a = CumulativeIncidence.fit(s, seed % 3);
      CumulativeIncidence.Result b = CumulativeIncidence.fit(shuffled, seed % 3);
      for (CumulativeIncidence.Curve c : a.curves()) {
        CumulativeIncidence.Curve d = b.curve(c.group(), c.cause()).orElseThrow();
        assertThat(d.times()).containsExactly(c.times());
        for (int k = 0; k < c.times().length; k++) {
          close(c.estimate()[k], d.estimate()[k], "estimate");
          close(c.variance()[k], d.variance()[k], "variance");
        }
      }
      // Gray's test uses the first groups' scores: with the levels reversed another group is left
      // out, so a test can be defined in one order and singular in the other; where both are, they agree
      for (CumulativeIncidence.GrayTest test : a.tests()) {
        b.test(test.cause()).ifPresent(other -> close(test.statistic(), other.statistic(), "Gray's statistic"));
        assertThat(test.statistic()).isNotNaN();
      }
      try {
        // iterated to the maximum: crr's own rule stops where the parametrisation happens to land
        FineGray tight = FineGray.withDefaults().withGradientTolerance(1e-13).withMaxIterations(50);
        FineGray.Result f1 = tight.fit(s);
        FineGray.Result f2 = tight.fit(shuffled);
        if (f1.converged() && f2.converged()) {
          // the covariates' coefficients, which do not depend on which group is the reference
          for (String name : List.of("x", "z")) {
            double a1 = f1.terms().stream().filter(term -> term.name().equals(name)).findFirst().orElseThrow().coef();
            double a2 = f2.terms().stream().filter(term -> term.name().equals(name)).findFirst().orElseThrow().coef();
            assertThat(a2).isCloseTo(a1, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(a1))));
          }
        }
      } catch (DegenerateDataException e) {
        // both or neither: the same data
      }
    });
  }

  private static void close(double expected, double actual, String what) {
    if (!(Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual);
    }
  }
}
