package org.outcome.stats.survival.cox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Range sums against the obvious loops; and that a range's sum holds nothing from outside it. */
class BlockRangeSumsTest {
  @Test
  void pointSumsOfRangeAdditionsAndRangeSumsOfPointValues() {
    Random random = new Random(7);
    for (int positions : new int[] {1, 2, 5, 8, 13}) {
      BlockRangeSums ranges = new BlockRangeSums(positions, 2);
      double[][] expected = new double[positions][2];
      for (int r = 0; r < 30; r++) {
        int from = random.nextInt(positions);
        int to = from + 1 + random.nextInt(positions - from);
        double[] v = {random.nextInt(100), random.nextInt(100)};
        ranges.addToRange(from, to, v);
        for (int i = from; i < to; i++) {
          expected[i][0] += v[0];
          expected[i][1] += v[1];
        }
      }
      double[] out = new double[2];
      for (int i = 0; i < positions; i++) {
        ranges.pointSum(i, out);
        assertThat(out).containsExactly(expected[i]);
      }

      BlockRangeSums points = new BlockRangeSums(positions, 2);
      double[][] values = new double[positions][];
      for (int i = 0; i < positions; i++) {
        values[i] = new double[] {random.nextInt(100), -random.nextInt(100)};
        points.set(i, values[i]);
      }
      points.build();
      for (int from = 0; from <= positions; from++) {
        for (int to = from; to <= positions; to++) {
          double[] sum = new double[2];
          for (int i = from; i < to; i++) {
            sum[0] += values[i][0];
            sum[1] += values[i][1];
          }
          points.rangeSum(from, to, out);
          assertThat(out).containsExactly(sum);
        }
      }
    }
  }

  @Test
  void aRangeSumIsNotADifferenceOfLargerSums() {
    BlockRangeSums points = new BlockRangeSums(4, 1);
    points.set(0, new double[] {1e300});
    points.set(1, new double[] {1e-300});
    points.set(2, new double[] {2e-300});
    points.set(3, new double[] {1e300});
    points.build();
    double[] out = new double[1];
    points.rangeSum(1, 3, out);
    assertThat(out[0]).isEqualTo(3e-300);
  }
}
