package org.outcome.testkit.samples;

import java.util.List;
import org.outcome.api.sample.PairedSample;
import org.outcome.testkit.Generator;

/**
 * Generates {@link PairedSample}s of the requested {@link PairedShape}s.
 *
 * <pre>{@code
 * Generator<PairedSample> pairs = PairedSamples.of(2, 40, PairedShape.nonDegenerate());
 * PairedSample sample = pairs.next(new SplittableRandom(42));
 * }</pre>
 *
 * <p>Guarantees, whatever the draws: the size is in {@code [minPairs, maxPairs]} (exactly 2 for
 * {@link PairedShape#TWO_PAIRS}); {@link PairedShape#CONSTANT_DIFFERENCE} and
 * {@link PairedShape#ALL_ZERO_DIFFERENCES} samples have constant differences; the
 * {@code nonDegenerate()} shapes never do (the first two differences are forced at least 0.5
 * apart, so that no shift of the data makes them agree to rounding error);
 * {@link PairedShape#SOME_ZERO_DIFFERENCES} has at least one zero and one non-zero difference.
 */
public final class PairedSamples {
  private PairedSamples() {}

  /**
   * @param minPairs the fewest pairs, at least 2
   * @param maxPairs the most pairs
   * @param shapes the shapes to draw from (all shapes when empty)
   */
  public static Generator<PairedSample> of(int minPairs, int maxPairs, PairedShape... shapes) {
    return shaped(minPairs, maxPairs, shapes).map(Shaped::sample);
  }

  /** As {@link #of}, keeping the shape each sample was drawn as. */
  public static Generator<Shaped<PairedShape, PairedSample>> shaped(int minPairs, int maxPairs, PairedShape... shapes) {
    if (minPairs < 2 || maxPairs < minPairs) {
      throw new IllegalArgumentException("need 2 <= minPairs <= maxPairs, got " + minPairs + ", " + maxPairs);
    }
    List<PairedShape> options = List.of(shapes.length == 0 ? PairedShape.values() : shapes);
    return random -> {
      PairedShape shape = Draw.oneOf(random, options);
      int n = shape == PairedShape.TWO_PAIRS ? 2 : Draw.between(random, minPairs, maxPairs);
      double[] before = new double[n];
      double[] after = new double[n];
      double shift = Draw.between(random, -3, 3);
      for (int i = 0; i < n; i++) {
        switch (shape) {
          case CONTINUOUS, TWO_PAIRS -> {
            before[i] = Draw.rounded(Draw.normal(random, 20, 5), 0.01);
            after[i] = Draw.rounded(before[i] + Draw.normal(random, shift, 3), 0.01);
          }
          case TIED_INTEGERS -> {
            before[i] = Draw.between(random, 1, 5);
            after[i] = Draw.between(random, 1, 5);
          }
          case SOME_ZERO_DIFFERENCES -> {
            before[i] = Draw.between(random, 1, 5);
            after[i] = random.nextInt(3) == 0 ? before[i] : Draw.between(random, 1, 5);
          }
          case CONSTANT_DIFFERENCE -> {
            before[i] = Draw.between(random, 1, 30);
            after[i] = before[i] + (shift == 0 ? 1 : shift);
          }
          case ALL_ZERO_DIFFERENCES -> {
            before[i] = Draw.between(random, 1, 30);
            after[i] = before[i];
          }
        }
      }
      force(shape, before, after);
      return new Shaped<>(shape, PairedSample.of(before, after));
    };
  }

  /** Makes the shape's guarantee hold whatever the draws were. */
  private static void force(PairedShape shape, double[] before, double[] after) {
    switch (shape) {
      case SOME_ZERO_DIFFERENCES -> {
        after[0] = before[0];
        after[1] = before[1] == 5 ? 1 : before[1] + 1;
      }
      case CONTINUOUS, TIED_INTEGERS, TWO_PAIRS -> {
        // differences that agree to rounding error would make the sample "essentially constant"
        // (R's t.test refuses it) for some shifts and not others: keep them clearly apart
        if (Math.abs((after[0] - before[0]) - (after[1] - before[1])) < 0.5) {
          after[1] = after[1] + 1;
        }
      }
      default -> { }
    }
  }
}
