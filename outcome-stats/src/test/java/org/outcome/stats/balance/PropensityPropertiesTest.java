package org.outcome.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.stats.balance.Weighting.Estimand;

/** Invariants of the propensity model and its weights, on drawn cohorts, and refusals by name. */
class PropensityPropertiesTest {
  private static final int EXAMPLES = Integer.getInteger("outcome.propensity.examples", 200);

  /** A drawn cohort: treatment depending on two covariates, some overlap guaranteed. */
  private record Cohort(double[] t, double[] age, double[] female) {
    static Cohort draw(long seed, int n) {
      Random r = new Random(seed);
      double[] t = new double[n];
      double[] age = new double[n];
      double[] female = new double[n];
      for (int i = 0; i < n; i++) {
        age[i] = 18 + r.nextInt(60);
        female[i] = r.nextInt(2);
        double e = 1 / (1 + Math.exp(-(-1 + 0.02 * (age[i] - 40) + 0.5 * female[i])));
        t[i] = r.nextDouble() < e ? 1 : 0;
      }
      t[0] = 1; // both groups present whatever the draws
      t[1] = 0;
      return new Cohort(t, age, female);
    }

    List<double[]> covariates() {
      return List.of(age, female);
    }
  }

  @Test
  void theFitAndItsWeightsDoNotDependOnTheOrderOfTheRows() {
    qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(30, 300)).checkAssert((seed, n) -> {
      Cohort c = Cohort.draw(seed, n);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      Collections.shuffle(order, new Random(seed + 1));
      double[] t = new double[n];
      double[] age = new double[n];
      double[] female = new double[n];
      for (int i = 0; i < n; i++) {
        t[i] = c.t()[order.get(i)];
        age[i] = c.age()[order.get(i)];
        female[i] = c.female()[order.get(i)];
      }
      // a small drawn cohort may be separated (say every woman treated): then both orders are refused alike
      LogisticRegression.Fit a;
      try {
        a = LogisticRegression.fit(c.t(), List.of("age", "female"), c.covariates());
      } catch (DegenerateDataException separated) {
        assertThatThrownBy(() -> LogisticRegression.fit(t, List.of("age", "female"), List.of(age, female)))
            .isInstanceOf(DegenerateDataException.class).hasMessage(separated.getMessage());
        return;
      }
      LogisticRegression.Fit b = LogisticRegression.fit(t, List.of("age", "female"), List.of(age, female));
      // Row order only changes rounding, which the information matrix amplifies by its condition: a
      // nearly separated cohort (glm's "fitted probabilities 0 or 1", SE in the thousands) leaves its
      // coefficients defined to a billionth of their standard error, not of their value.
      double[] shift = new double[3];
      for (int j = 0; j < 3; j++) {
        shift[j] = Math.abs(b.coefficients()[j] - a.coefficients()[j]);
        assertThat(shift[j]).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(a.coefficients()[j]) + a.standardErrors()[j]));
      }
      for (Estimand e : Estimand.values()) {
        double[] wa = Weighting.weights(c.t(), a.fitted(), e, false);
        double[] wb = Weighting.weights(t, b.fitted(), e, false);
        for (int i = 0; i < n; i++) {
          int k = order.get(i);
          // Every weight's log moves by at most the linear predictor's move (d log w / d eta is within
          // [-1, 1] for each estimand), and one built from 1 - p is no closer than the spacing of
          // doubles near 1 over 1 - p (p = 1 - 3.5e-9 leaves 1 - p eight good digits).
          double eta = shift[0] + c.age()[k] * shift[1] + c.female()[k] * shift[2];
          double p = a.fitted()[k];
          double rounding = 0x1p-52 / Math.min(p, 1 - p);
          assertThat(wb[i]).isCloseTo(wa[k], within((1e-8 + rounding + 2 * eta) * wa[k]));
        }
      }
    });
  }

  @Test
  void groupsWithTheSameCovariatesAreBalancedBeforeAnyWeighting() {
    qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(5, 100)).checkAssert((seed, half) -> {
      // every unit has a twin with the same covariates in the other group
      Cohort c = Cohort.draw(seed, half);
      int n = 2 * half;
      double[] t = new double[n];
      double[] age = new double[n];
      double[] female = new double[n];
      for (int i = 0; i < half; i++) {
        t[i] = 1;
        age[i] = c.age()[i];
        age[half + i] = c.age()[i];
        female[i] = c.female()[i];
        female[half + i] = c.female()[i];
      }
      double[] ones = new double[n];
      java.util.Arrays.fill(ones, 1);
      for (Estimand e : Estimand.values()) {
        for (double smd : Weighting.standardisedDifferences(t, List.of(age, female), ones, e)) {
          assertThat(Double.isNaN(smd) || Math.abs(smd) < 1e-12).as("%s %s", e, smd).isTrue();
        }
      }
      if (java.util.Arrays.stream(age).distinct().count() > 1 && java.util.Arrays.stream(female).distinct().count() > 1) {
        try {
          LogisticRegression.Fit fit = LogisticRegression.fit(t, List.of("age", "female"), List.of(age, female));
          for (double p : fit.fitted()) {
            assertThat(p).isCloseTo(0.5, within(1e-9));
          }
        } catch (DegenerateDataException collinear) {
          assertThat(collinear.getMessage()).contains("collinear");
        }
      }
    });
  }

  @Test
  void weightsHaveTheirEstimandsShape() {
    qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(30, 300)).checkAssert((seed, n) -> {
      Cohort c = Cohort.draw(seed, n);
      double[] ps;
      try {
        ps = LogisticRegression.fit(c.t(), List.of("age", "female"), c.covariates()).fitted();
      } catch (DegenerateDataException separated) {
        assertThat(separated.getMessage()).startsWith("separation: covariate ");
        return;
      }
      double[] att = Weighting.weights(c.t(), ps, Estimand.ATT, false);
      double[] ate = Weighting.weights(c.t(), ps, Estimand.ATE, false);
      double[] stable = Weighting.weights(c.t(), ps, Estimand.ATE, true);
      double[] y = new double[n];
      java.util.Arrays.fill(y, 7.5);
      for (int i = 0; i < n; i++) {
        if (c.t()[i] == 1) {
          assertThat(att[i]).isEqualTo(1);
        }
        assertThat(ate[i]).isGreaterThanOrEqualTo(1);
      }
      // a constant outcome has no effect; stabilising changes no Hajek mean
      assertThat(Weighting.difference(y, c.t(), ate)).isCloseTo(0, within(1e-12));
      double[] age = c.age();
      assertThat(Weighting.difference(age, c.t(), stable)).isCloseTo(Weighting.difference(age, c.t(), ate), within(1e-9));
      assertThat(Weighting.effectiveSize(c.t(), ate, 1)).isLessThanOrEqualTo(
          java.util.Arrays.stream(c.t()).sum() + 1e-9);
    });
  }

  @Test
  void separationAndBadTreatmentsAreRefusedByName() {
    double[] t = {0, 0, 0, 1, 1, 1, 0, 1};
    double[] dose = {1, 2, 3, 7, 8, 9, 2, 7};
    double[] age = {30, 41, 25, 30, 41, 25, 50, 33};
    assertThatThrownBy(() -> LogisticRegression.fit(t, List.of("age", "dose"), List.of(age, dose)))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("separation")
        .hasMessageContaining("covariate dose predicts treatment perfectly");
    double[] bad = {0, 2, 1, 1};
    assertThatThrownBy(() -> LogisticRegression.fit(bad, List.of("age"), List.of(new double[] {1, 2, 3, 4})))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Object::toString).containsExactly("row 2: the treatment must be 0 or 1"));
    assertThatThrownBy(() -> LogisticRegression.fit(new double[] {1, 1, 1}, List.of("age"),
        List.of(new double[] {1, 2, 3}))).isInstanceOf(DegenerateDataException.class).hasMessageContaining("no control");
    assertThatThrownBy(() -> LogisticRegression.fit(t, List.of("age", "same"), List.of(age, new double[] {5, 5, 5, 5,
        5, 5, 5, 5}))).isInstanceOf(DegenerateDataException.class).hasMessageContaining("collinear");
    assertThatThrownBy(() -> Weighting.weights(new double[] {1, 0}, new double[] {0.5, 1}, Estimand.ATE, false))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("unit 2");
  }
}
