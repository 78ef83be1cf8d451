package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RadixSortTest {
  @Test
  void ordersNegativesZerosAndTiesStably() {
    double[] v = {3.5, -1, 0.0, -0.0, 3.5, -1e300, 1e-300, 2};
    assertThat(RadixSort.order(v, 0, v.length)).containsExactly(5, 1, 3, 2, 6, 7, 0, 4);
    assertThat(RadixSort.order(v, 2, 6)).containsExactly(5, 3, 2, 4);
  }

  @Test
  void agreesWithAStableComparisonSort() {
    qt().withExamples(200)
        .forAll(lists().of(doubles().any().assuming(d -> !Double.isNaN(d))).ofSizeBetween(0, 300),
            integers().between(0, 4))
        .checkAssert((values, rounding) -> {
          double[] v = values.stream().mapToDouble(d -> rounding == 0 ? d : Math.rint(d % 50)).toArray();
          List<Integer> expected = IntStream.range(0, v.length).boxed()
              // Double.compare puts -0.0 before 0.0, as the radix sort does
              .sorted(Comparator.comparingDouble((Integer i) -> v[i]).thenComparing(i -> i))
              .toList();
          int[] actual = RadixSort.order(v, 0, v.length);
          assertThat(IntStream.of(actual).boxed().toList()).isEqualTo(expected);
        });
  }
}
