package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MomentsTest {
  /** The mean and sample variance of the doubles, computed exactly (BigDecimal) and rounded once. */
  static double[] exact(double[] values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      sum = sum.add(new BigDecimal(v));
    }
    BigDecimal n = BigDecimal.valueOf(values.length);
    BigDecimal mean = sum.divide(n, MathContext.DECIMAL128);
    BigDecimal squares = BigDecimal.ZERO;
    for (double v : values) {
      BigDecimal d = new BigDecimal(v).subtract(mean);
      squares = squares.add(d.multiply(d));
    }
    return new double[] {mean.doubleValue(),
        squares.divide(n.subtract(BigDecimal.ONE), MathContext.DECIMAL128).doubleValue()};
  }

  @Test
  void millionsOfValuesKeepTheirDigits() {
    // scores near 1000 that differ in the first decimal: a plain double sum of two million of them
    // loses digits of the variance to cancellation; blocks of 4096 joined keep them
    SplittableRandom random = new SplittableRandom(20_261_204L);
    double[] values = new double[2_000_003];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1000 + random.nextInt(100) / 10.0;
    }
    double[] exact = exact(values);
    Moments m = Moments.of(values);
    assertThat(Math.abs(m.mean() - exact[0])).isLessThanOrEqualTo(4 * Math.ulp(exact[0]));
    assertThat(Math.abs(m.variance() - exact[1]) / exact[1]).isLessThan(1e-14);
  }

  @Test
  void aFewValuesAreOneBlockAsR() {
    // R 4.2.2: x <- c(0.1, 0.2, 0.3); mean(x) 0.2 (the corrected mean), var(x) 0.01
    Moments m = Moments.of(new double[] {0.1, 0.2, 0.3});
    assertThat(m.mean()).isEqualTo(0.2);
    assertThat(m.variance()).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-17));
    assertThat(Moments.of(new double[] {5}).variance()).isNaN();
    assertThat(Moments.of(new double[0]).mean()).isNaN();
    assertThat(Moments.of(i -> i % 2, Moments.BLOCK * 3 + 1).mean())
        .isEqualTo((double) (Moments.BLOCK * 3 / 2) / (Moments.BLOCK * 3 + 1));
  }
}
