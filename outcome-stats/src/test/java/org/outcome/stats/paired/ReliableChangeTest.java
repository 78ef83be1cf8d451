package org.outcome.stats.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outcome.stats.RAssert.close;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.Psychometrics;
import org.outcome.api.instrument.Verification;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.paired.ReliableChange.Category;

/**
 * Worked examples of Jacobson and Truax (1991): {@code SE = s_1 sqrt(1 - r_xx)},
 * {@code S_diff = sqrt(2 SE^2)}, {@code RC = (x_2 - x_1) / S_diff}, reliable when |RC| > 1.96, and
 * recovered when also crossing the cut-off. Every expected value below is worked by hand from
 * those formulas (arithmetic shown), with r_xx = 0.88 and s_1 = 7.5.
 */
class ReliableChangeTest {
  // S_diff = sqrt(2) * 7.5 * sqrt(1 - 0.88) = 7.5 * sqrt(0.24) = 3.6742346141747673
  static final double S_DIFF = 3.6742346141747673;
  static final ReliableChange RC = ReliableChange.of(0.88, 7.5).withCutoff(25);

  @Test
  void standardErrorOfDifferenceAndThreshold() {
    close(RC.standardErrorOfDifference(), S_DIFF, 1e-15);
    // 1.96 * 3.6742346141747673 = 7.201499843782544: change must exceed 7.2 points
    close(RC.reliableChangeThreshold(), 7.201499843782544, 1e-15);
  }

  @Test
  void classifiesEachPerson() {
    // (20 -> 30): RC = 10 / 3.6742 = 2.722 > 1.96, pre 20 <= 25 < post 30: recovered
    assertThat(RC.classify(20, 30)).isEqualTo(Category.RECOVERED);
    close(RC.index(20, 30), 10 / S_DIFF);
    // (15 -> 24): RC = 2.449, still <= 25 after: improved, not recovered
    assertThat(RC.classify(15, 24)).isEqualTo(Category.IMPROVED);
    // (30 -> 40): RC = 2.722 but already above the cut-off at baseline: improved
    assertThat(RC.classify(30, 40)).isEqualTo(Category.IMPROVED);
    // (20 -> 26): RC = 1.633, within measurement error although it crosses the cut-off
    assertThat(RC.classify(20, 26)).isEqualTo(Category.UNCHANGED);
    // (22 -> 12): RC = -2.722: deteriorated
    assertThat(RC.classify(22, 12)).isEqualTo(Category.DETERIORATED);
    // a change of 7.2 points is just below the 7.2015 threshold: RC = 1.9596 < 1.96
    assertThat(RC.classify(0, 7.2)).isEqualTo(Category.UNCHANGED);
  }

  @Test
  void countsAndProportionsOverASample() {
    PairedSample s = PairedSample.of(new double[] {20, 15, 30, 20, 22}, new double[] {30, 24, 40, 26, 12});
    ReliableChange.Result r = RC.classify(s);
    assertThat(r.recovered()).isEqualTo(1);
    assertThat(r.improved()).isEqualTo(2);
    assertThat(r.unchanged()).isEqualTo(1);
    assertThat(r.deteriorated()).isEqualTo(1);
    assertThat(r.functionalAtBaseline().getAsLong()).isEqualTo(1);
    close(r.proportion(r.reliablyImproved()), 0.6);
    assertThat(r.categories()).containsExactly(Category.RECOVERED, Category.IMPROVED, Category.IMPROVED,
        Category.UNCHANGED, Category.DETERIORATED);
    assertThat(r.recovered() + r.improved() + r.unchanged() + r.deteriorated()).isEqualTo(r.n());
  }

  @Test
  void lowerIsBetterReversesTheDirection() {
    // a symptom scale: a fall of 10 points is improvement; cut-off 25, functional below it
    Psychometrics p = new Psychometrics(0.88, 7.5, OptionalDouble.of(25), "worked example", Verification.NOT_VERIFIED);
    ReliableChange rc = ReliableChange.of(p, Polarity.LOWER_IS_BETTER);
    assertThat(rc.classify(30, 20)).isEqualTo(Category.RECOVERED);
    assertThat(rc.classify(20, 30)).isEqualTo(Category.DETERIORATED);
    assertThat(rc.classify(40, 30)).isEqualTo(Category.IMPROVED);
  }

  @Test
  void withoutACutOffNobodyRecoversAndAWarningSaysWhy() {
    ReliableChange.Result r = ReliableChange.of(0.88, 7.5).classify(PairedSample.of(new double[] {20}, new double[] {30}));
    assertThat(r.recovered()).isZero();
    assertThat(r.improved()).isEqualTo(1);
    assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("no-cutoff");
  }
}
