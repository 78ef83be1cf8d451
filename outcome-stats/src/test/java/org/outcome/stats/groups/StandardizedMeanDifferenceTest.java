package org.outcome.stats.groups;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;

class StandardizedMeanDifferenceTest {
  @Test
  void sleepUnpairedMatchesNoncentralTLimitsFromR() {
    // R 4.2.2, first = sleep group 1 (b), second = group 2 (a):
    // sp <- sqrt((9*var(b) + 9*var(a))/18); d <- (mean(b) - mean(a))/sp = -0.83218108134953961
    // f <- sqrt(1/10 + 1/10); ts <- d/f
    // uniroot(function(ncp) pt(ts, 18, ncp=ncp) - 0.975, c(-20, 20), tol=1e-13)$root * f = -1.7388168991034212
    // uniroot(function(ncp) pt(ts, 18, ncp=ncp) - 0.025, c(-20, 20), tol=1e-13)$root * f = 0.095450398211423079
    // g = J(18) d = -0.7969352391911223 (-1.6651717906748555, 0.091407732805160596)
    StandardizedMeanDifference.Result r = StandardizedMeanDifference.withDefaults()
        .compute("1", TwoSampleTTestTest.Y, "2", TwoSampleTTestTest.X);
    close(r.d().value(), -0.83218108134953961);
    close(r.d().interval().orElseThrow().lower(), -1.7388168991034212, 1e-8);
    close(r.d().interval().orElseThrow().upper(), 0.095450398211423079, 1e-8);
    close(r.g().value(), -0.7969352391911223);
    close(r.g().interval().orElseThrow().lower(), -1.6651717906748555, 1e-8);
    close(r.g().interval().orElseThrow().upper(), 0.091407732805160596, 1e-8);
    // conf.level 0.9: 0.95 and 0.05 quantiles: -1.5909771049276913, -0.051610955134458417
    StandardizedMeanDifference.Result r90 = StandardizedMeanDifference.withDefaults().withConfLevel(0.9)
        .compute("1", TwoSampleTTestTest.Y, "2", TwoSampleTTestTest.X);
    close(r90.d().interval().orElseThrow().lower(), -1.5909771049276913, 1e-8);
    close(r90.d().interval().orElseThrow().upper(), -0.051610955134458417, 1e-8);
  }

  @Test
  void tooFewValuesOrNoVariationAreDegenerate() {
    assertThatThrownBy(() -> StandardizedMeanDifference.withDefaults().compute("a", new double[] {1}, "b", new double[] {2, 3}))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("at least four");
    assertThatThrownBy(() -> StandardizedMeanDifference.withDefaults().compute("a", new double[] {1, 1}, "b", new double[] {2, 2}))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("pooled SD 0");
  }
}
