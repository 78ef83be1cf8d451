package org.outcome.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.KaplanMeierCurve;

/** The weighted Kaplan–Meier curve against R's survfit with weights, and its invariants. */
class WeightedKaplanMeierTest {
  private static void close(double[] actual, double... r) {
    assertThat(actual).hasSize(r.length);
    for (int i = 0; i < r.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(r[i], within(1e-12 + 1e-10 * Math.abs(r[i])));
    }
  }

  /**
   * R 4.2.2, survival 3.5-3: {@code s <- summary(survfit(Surv(time, status) ~ 1, weights = w))}
   * with time = 5,8,8,12,15,20,21,25,30,31; status = 1,1,0,1,0,1,1,0,1,0; w =
   * 1.2,0.5,2,1,0.7,1.5,0.9,1.1,0.4,2.2 (non-whole weights: R's default is the robust,
   * infinitesimal-jackknife SE).
   */
  @Test
  void survivalAndRobustErrorsAreRs() {
    double[] time = {5, 8, 8, 12, 15, 20, 21, 25, 30, 31};
    boolean[] event = {true, true, false, true, false, true, true, false, true, false};
    double[] w = {1.2, 0.5, 2, 1, 0.7, 1.5, 0.9, 1.1, 0.4, 2.2};
    WeightedKaplanMeier.Curve c = WeightedKaplanMeier.fit(time, event, w, 0.95);
    close(c.times(), 5, 8, 12, 20, 21, 30);
    close(c.atRisk(), 11.5, 10.3, 7.8, 6.1, 4.6, 2.6);
    close(c.events(), 1.2, 0.5, 1.0, 1.5, 0.9, 0.4);
    close(c.survival(), 0.895652173913044, 0.852173913043478, 0.742920847268673, 0.560235393022278,
        0.450624120474441, 0.381297332709143);
    close(c.stdErr(), 0.0998521997652007, 0.1082537908018608, 0.1443002787551455, 0.1930093325681653,
        0.2020050192453789, 0.2177006911265093);
    close(c.lower(), 0.719851284351937, 0.664351572214121, 0.507703905688420, 0.285180017498255,
        0.187171294937196, 0.124529580582466);
    close(c.upper(), 1, 1, 1, 1, 1, 1);
    // summary(fit, times = c(0, 10, 22, 40), extend = TRUE): 1, 0.852173913043478, 0.450624120474441, 0.381297332709143
    assertThat(c.survivalAt(0)).isEqualTo(1);
    assertThat(c.survivalAt(10)).isCloseTo(0.852173913043478, within(1e-12));
    assertThat(c.survivalAt(22)).isCloseTo(0.450624120474441, within(1e-12));
    assertThat(c.survivalAt(40)).isCloseTo(0.381297332709143, within(1e-12));
  }

  /**
   * Tied times and a curve that reaches 0, in R: time = 2,3,3,5,6,6,7; status = 1,0,1,1,0,1,1;
   * w = 0.5,1.5,2,0.25,1,3,0.75: at 7 the survival is 0 with SE 0 and no limits.
   */
  @Test
  void tiesAndACurveReachingZeroAreAsR() {
    WeightedKaplanMeier.Curve c = WeightedKaplanMeier.fit(new double[] {2, 3, 3, 5, 6, 6, 7},
        new boolean[] {true, false, true, true, false, true, true}, new double[] {0.5, 1.5, 2, 0.25, 1, 3, 0.75}, 0.95);
    close(c.atRisk(), 9, 8.5, 5, 4.75, 0.75);
    close(c.survival(), 0.944444444444444, 0.722222222222222, 0.686111111111111, 0.252777777777778, 0);
    close(c.stdErr(), 0.0582753320632691, 0.1990800554178469, 0.2036345514871333, 0.1872488665185936, 0);
    close(new double[] {c.lower()[0], c.lower()[1], c.lower()[2], c.lower()[3]}, 0.8368632144848293,
        0.4207631824765060, 0.3834968817942284, 0.0591832480409587);
    assertThat(c.lower()[4]).isNaN();
    assertThat(c.upper()[4]).isNaN();
  }

  @Test
  void unitWeightsGiveTheKaplanMeierCurveAndScalingTheWeightsChangesNothing() {
    qt().withExamples(300).forAll(longs().all(), integers().between(1, 120)).checkAssert((seed, n) -> {
      Random r = new Random(seed);
      double[] time = new double[n];
      boolean[] event = new boolean[n];
      double[] ones = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        time[i] = 1 + r.nextInt(30); // SurvivalSample refuses a time of 0 (issue 19)
        event[i] = r.nextInt(3) > 0;
        ones[i] = 1;
        w[i] = 0.1 + 3 * r.nextDouble();
      }
      WeightedKaplanMeier.Curve weighted = WeightedKaplanMeier.fit(time, event, ones, 0.95);
      KaplanMeierCurve plain = KaplanMeier.withDefaults().fit(SurvivalSample.of(time, event)).curves().get(0);
      double[] plainTimes = plain.time();
      for (int j = 0; j < weighted.times().length; j++) {
        int k = java.util.Arrays.binarySearch(plainTimes, weighted.times()[j]);
        assertThat(weighted.survival()[j]).isCloseTo(plain.survival()[k], within(1e-12));
      }
      double previous = 1;
      for (double s : weighted.survival()) {
        assertThat(s).isLessThanOrEqualTo(previous + 1e-15);
        previous = s;
      }
      double[] scaled = w.clone();
      for (int i = 0; i < n; i++) {
        scaled[i] *= 7.5;
      }
      WeightedKaplanMeier.Curve a = WeightedKaplanMeier.fit(time, event, w, 0.95);
      WeightedKaplanMeier.Curve b = WeightedKaplanMeier.fit(time, event, scaled, 0.95);
      for (int j = 0; j < a.times().length; j++) {
        assertThat(b.survival()[j]).isCloseTo(a.survival()[j], within(1e-12));
        assertThat(b.stdErr()[j]).isCloseTo(a.stdErr()[j], within(1e-10));
      }
    });
  }

  @Test
  void badTimesAndWeightsAreRefusedByUnit() {
    assertThatThrownBy(() -> WeightedKaplanMeier.fit(new double[] {1, -2}, new boolean[] {true, true},
        new double[] {1, 1}, 0.95)).hasMessageContaining("unit 2");
    assertThatThrownBy(() -> WeightedKaplanMeier.fit(new double[] {1, 2}, new boolean[] {true, true},
        new double[] {1, Double.NaN}, 0.95)).hasMessageContaining("unit 2").hasMessageContaining("weight");
  }
}
