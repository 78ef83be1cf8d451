package org.outcome.stats.descriptive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Descriptives against values from R (each test names the R call) and, on generated data, the
 * contract: merging summaries equals summarising the joined values, quantiles do not decrease with
 * p, and the mean lies between the minimum and the maximum.
 */
class DescriptivesTest {
  private static final int EXAMPLES = 500;
  private static final double RELATIVE = 1e-12;

  /** Values spread over a few orders of magnitude. */
  private static final Gen<Double> SPREAD = doubles().between(-1000, 1000);
  /** Whole numbers from a short range, so that ties and all-equal runs are common. */
  private static final Gen<Double> TIED = integers().between(-3, 3).map(Integer::doubleValue);
  private static final Gen<Double> VALUE = SPREAD.mix(TIED);
  /** Arrays from empty up, with the empty and one-value cases forced in by the small sizes. */
  private static final Gen<double[]> VALUES = lists().of(VALUE).ofSizeBetween(0, 40).map(DescriptivesTest::array);
  private static final Gen<Double> PROBABILITY = doubles().between(0, 1).mix(integers().between(0, 4)
      .map(k -> k / 4.0));

  // x <- c(2, 4, 4, 4, 5, 5, 7, 9)
  private static final double[] X = {2, 4, 4, 4, 5, 5, 7, 9};

  @Test
  void agreesWithR() {
    Descriptives d = Descriptives.of(X);
    assertThat(d.count()).isEqualTo(8);
    assertThat(d.mean()).isEqualTo(5.0); // mean(x)
    assertThat(d.variance()).isCloseTo(4.571428571428571, within(1e-15)); // var(x) = 32 / 7
    assertThat(d.sd()).isCloseTo(2.138089935299395, within(1e-15)); // sd(x)
    assertThat(d.sumOfSquaredDeviations()).isEqualTo(32.0);
    assertThat(d.min()).isEqualTo(2.0);
    assertThat(d.max()).isEqualTo(9.0);
    // quantile(x, c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)) = 2.0 3.4 4.0 4.5 5.5 7.6 9.0
    assertThat(Descriptives.quantiles(X, 0, 0.1, 0.25, 0.5, 0.75, 0.9, 1))
        .containsExactly(new double[] {2.0, 3.4, 4.0, 4.5, 5.5, 7.6, 9.0}, within(1e-15));
    assertThat(Descriptives.quantile(new double[] {9, 2, 5}, 0.5)).isEqualTo(5.0); // median(c(9, 2, 5))
    assertThat(X).containsExactly(2, 4, 4, 4, 5, 5, 7, 9); // not sorted in place
  }

  @Test
  void edgeCases() {
    Descriptives none = Descriptives.of();
    assertThat(none).isEqualTo(Descriptives.empty());
    assertThat(none.count()).isZero();
    assertThat(List.of(none.mean(), none.variance(), none.sd(), none.min(), none.max()))
        .allSatisfy(v -> assertThat(v).isNaN());
    assertThat(Descriptives.quantile(new double[0], 0.5)).isNaN();

    Descriptives one = Descriptives.of(3.5);
    assertThat(one.mean()).isEqualTo(3.5);
    assertThat(one.min()).isEqualTo(3.5);
    assertThat(one.max()).isEqualTo(3.5);
    assertThat(one.sumOfSquaredDeviations()).isZero();
    assertThat(one.variance()).isNaN(); // var(3.5) is NA
    assertThat(one.sd()).isNaN();
    assertThat(Descriptives.quantile(new double[] {3.5}, 0.9)).isEqualTo(3.5);

    assertThat(one.merge(none)).isSameAs(one);
    assertThat(none.merge(one)).isSameAs(one);
    assertThat(one.merge(Descriptives.of(4.5))).isEqualTo(Descriptives.of(3.5, 4.5));

    Descriptives withNaN = Descriptives.of(1, Double.NaN, 3);
    assertThat(withNaN.count()).isEqualTo(3);
    assertThat(List.of(withNaN.mean(), withNaN.sd(), withNaN.min(), withNaN.max())).allSatisfy(v -> assertThat(v).isNaN());
    assertThat(Descriptives.of(1, Double.POSITIVE_INFINITY).mean()).isInfinite();
    assertThat(Descriptives.of(1, Double.POSITIVE_INFINITY).variance()).isNaN();

    assertThatThrownBy(() -> Descriptives.quantile(X, 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Descriptives.quantile(X, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isAValue() {
    assertThat(Descriptives.of(1, 2, 3)).isEqualTo(Descriptives.of(3, 2, 1)).hasSameHashCodeAs(Descriptives.of(3, 2, 1))
        .isNotEqualTo(Descriptives.of(1, 2, 4));
    assertThat(Descriptives.of(1, 2, 3)).hasToString("Descriptives[count=3, mean=2.0, sd=1.0, min=1.0, max=3.0]");
  }

  @Test
  void mergingSummariesEqualsSummarisingTheJoinedValues() {
    qt().withExamples(EXAMPLES).forAll(VALUES, VALUES).checkAssert((a, b) -> {
      double[] joined = join(a, b);
      Descriptives merged = Descriptives.of(a).merge(Descriptives.of(b));
      Descriptives direct = Descriptives.of(joined);
      double scale = Arrays.stream(joined).map(Math::abs).max().orElse(0);
      assertThat(merged.count()).isEqualTo(direct.count());
      close(merged.mean(), direct.mean(), scale, "mean");
      close(merged.sd(), direct.sd(), Math.max(Math.abs(direct.sd()), Double.MIN_NORMAL), "sd");
      assertThat(Double.compare(merged.min(), direct.min())).as("min").isZero(); // NaN for no values
      assertThat(Double.compare(merged.max(), direct.max())).as("max").isZero();
      // merging is commutative up to the same rounding
      Descriptives other = Descriptives.of(b).merge(Descriptives.of(a));
      close(other.mean(), merged.mean(), scale, "mean, merged the other way");
    });
  }

  @Test
  void meanLiesBetweenMinimumAndMaximum() {
    qt().withExamples(EXAMPLES).forAll(VALUES, VALUES).checkAssert((a, b) -> {
      for (Descriptives d : List.of(Descriptives.of(a), Descriptives.of(a).merge(Descriptives.of(b)))) {
        if (d.count() > 0) {
          assertThat(d.mean()).isBetween(d.min(), d.max());
        }
      }
    });
  }

  @Test
  void quantilesDoNotDecreaseWithP() {
    qt().withExamples(EXAMPLES).forAll(VALUES, PROBABILITY, PROBABILITY).checkAssert((values, p, q) -> {
      if (values.length == 0) {
        return;
      }
      double lo = Math.min(p, q);
      double hi = Math.max(p, q);
      double[] at = Descriptives.quantiles(values, lo, hi);
      Descriptives d = Descriptives.of(values);
      double slack = 4 * Math.ulp(Math.max(Math.abs(d.min()), Math.abs(d.max())));
      assertThat(at[0]).isLessThanOrEqualTo(at[1] + slack);
      assertThat(at[0]).isBetween(d.min() - slack, d.max() + slack);
      assertThat(at[1]).isBetween(d.min() - slack, d.max() + slack);
      assertThat(Descriptives.quantile(values, 0)).isEqualTo(d.min());
      assertThat(Descriptives.quantile(values, 1)).isEqualTo(d.max());
    });
  }

  private static void close(double actual, double expected, double scale, String what) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE * scale));
    }
  }

  private static double[] join(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
