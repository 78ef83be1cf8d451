package org.outcome.testkit.samples;

import java.util.List;
import java.util.random.RandomGenerator;

/** Small drawing helpers shared by the sample generators; smaller draws give simpler values. */
final class Draw {
  private Draw() {}

  /** An int in {@code [min, max]} inclusive. */
  static int between(RandomGenerator random, int min, int max) {
    return min == max ? min : random.nextInt(min, max + 1);
  }

  /** One of the options; the first is the simplest. */
  static <T> T oneOf(RandomGenerator random, List<T> options) {
    return options.get(between(random, 0, options.size() - 1));
  }

  /** A value from a normal distribution (Box-Muller on two uniform draws). */
  static double normal(RandomGenerator random, double mean, double sd) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return mean + sd * Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A value rounded to a grid, so that ties are possible but not forced. */
  static double rounded(double value, double grid) {
    return Math.rint(value / grid) * grid;
  }
}
