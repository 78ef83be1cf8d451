package org.outcome.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.stats.balance.NearestNeighbourMatching.Match;
import org.outcome.stats.balance.NearestNeighbourMatching.Order;
import org.outcome.stats.balance.NearestNeighbourMatching.Result;

/**
 * Invariants of nearest-neighbour matching on drawn samples, and the fast matcher against the
 * rule written out the slow way (every treated unit compared with every control).
 */
class MatchingPropertiesTest {
  private static final int EXAMPLES = 300;

  /** A drawn sample: distances from few distinct values, so that ties are common. */
  private record Sample(double[] t, double[] d, int[] strata) {
    static Sample draw(long seed, int n, int levels, int strataCount) {
      Random r = new Random(seed);
      double[] t = new double[n];
      double[] d = new double[n];
      int[] s = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = r.nextInt(3) == 0 ? 1 : 0;
        d[i] = r.nextInt(levels) / (double) levels;
        s[i] = r.nextInt(strataCount);
      }
      t[0] = 1;
      t[1] = 0;
      return new Sample(t, d, s);
    }
  }

  /** The rule, quadratically: rounds over treated units in order, each taking the nearest free control. */
  private static List<Match> slowly(Sample s, int ratio, double width, boolean replace, int[] order) {
    int n = s.t().length;
    boolean[] used = new boolean[n];
    List<List<Integer>> chosen = new ArrayList<>();
    for (int k = 0; k < order.length; k++) {
      chosen.add(new ArrayList<>());
    }
    for (int round = 0; round < ratio; round++) {
      for (int k = 0; k < order.length; k++) {
        int i = order[k];
        int best = -1;
        for (int c = 0; c < n; c++) {
          boolean free = replace ? !chosen.get(k).contains(c) : !used[c];
          if (s.t()[c] == 0 && free && s.strata()[c] == s.strata()[i]
              && (best < 0 || Math.abs(s.d()[c] - s.d()[i]) < Math.abs(s.d()[best] - s.d()[i]))) {
            best = c;
          }
        }
        if (best >= 0 && Math.abs(s.d()[best] - s.d()[i]) <= width) {
          used[best] = true;
          chosen.get(k).add(best);
        }
      }
    }
    List<Match> out = new ArrayList<>();
    for (int k = 0; k < order.length; k++) {
      if (!chosen.get(k).isEmpty()) {
        out.add(new Match(order[k], chosen.get(k)));
      }
    }
    return out;
  }

  private static int[] treatedLargestFirst(Sample s) {
    Integer[] rows = IntStream.range(0, s.t().length).filter(i -> s.t()[i] == 1).boxed()
        .toArray(Integer[]::new);
    Arrays.sort(rows, Comparator.comparingDouble((Integer i) -> -s.d()[i]));
    return Arrays.stream(rows).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void theFastMatcherMatchesTheRuleWrittenOutTheSlowWay() {
    qt().withExamples(EXAMPLES)
        .forAll(longs().all(), integers().between(2, 80), integers().between(1, 3), integers().between(0, 3))
        .checkAssert((seed, n, ratio, variant) -> {
          Random r = new Random(seed);
          Sample s = Sample.draw(seed, n, 2 + r.nextInt(12), 1 + r.nextInt(3));
          boolean replace = variant == 3;
          double width = variant == 1 || variant == 2 ? 0.05 + r.nextInt(4) / 10.0 : Double.POSITIVE_INFINITY;
          NearestNeighbourMatching m = NearestNeighbourMatching.withDefaults().withRatio(ratio).withReplacement(replace);
          if (Double.isFinite(width)) {
            m = m.withCaliper(width, false);
          }
          Result fast = m.match(s.t(), s.d(), s.strata());
          assertThat(fast.matches()).isEqualTo(slowly(s, ratio, width, replace, treatedLargestFirst(s)));
        });
  }

  @Test
  void noPairIsOutsideTheCaliperAndUnmatchedTreatedHaveNoControlInside() {
    qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(2, 120)).checkAssert((seed, n) -> {
      Sample s = Sample.draw(seed, n, 1000, 1);
      double caliper = 0.01 + new Random(seed).nextDouble() / 2;
      Result m = NearestNeighbourMatching.withDefaults().withCaliper(caliper, true).match(s.t(), s.d());
      double width = m.caliperWidth().orElseThrow();
      for (Match p : m.matches()) {
        for (int c : p.controls()) {
          assertThat(Math.abs(s.d()[p.treated()] - s.d()[c])).isLessThanOrEqualTo(width);
        }
      }
      boolean[] used = new boolean[n];
      m.matches().forEach(p -> p.controls().forEach(c -> used[c] = true));
      for (int u : m.unmatchedTreated()) {
        for (int c = 0; c < n; c++) {
          if (s.t()[c] == 0 && !used[c]) {
            assertThat(Math.abs(s.d()[u] - s.d()[c])).isGreaterThan(width);
          }
        }
      }
      assertThat(m.matchedTreated() + m.unmatchedTreated().size()).isEqualTo((int) Arrays.stream(s.t()).sum());
    });
  }

  @Test
  void weightsAreMatchItsTreatedOneAndControlsSummingToTheirCount() {
    qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(2, 100), integers().between(1, 4))
        .checkAssert((seed, n, ratio) -> {
          Sample s = Sample.draw(seed, n, 50, 1);
          Result m = NearestNeighbourMatching.withDefaults().withRatio(ratio).withOrder(Order.RANDOM).withSeed(seed)
              .match(s.t(), s.d());
          double[] w = m.weights();
          double controlSum = 0;
          int treatedWeighingOne = 0;
          for (int i = 0; i < n; i++) {
            if (s.t()[i] == 1) {
              assertThat(w[i]).isIn(0.0, 1.0);
              treatedWeighingOne += (int) w[i];
            } else {
              controlSum += w[i];
            }
          }
          assertThat(controlSum).isCloseTo(m.matchedControls(), within(1e-9 * n));
          assertThat(treatedWeighingOne).isEqualTo(m.matchedTreated());
        });
  }

  @Test
  void withoutTiesTheMatchedSetDoesNotDependOnTheOrderOfTheRows() {
    qt().withExamples(EXAMPLES).forAll(longs().all(), integers().between(2, 100)).checkAssert((seed, n) -> {
      Random r = new Random(seed);
      Sample s = Sample.draw(seed, n, 1, 1);
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = r.nextDouble(); // continuous: no ties
      }
      int[] perm = IntStream.range(0, n).toArray();
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int x = perm[i];
        perm[i] = perm[j];
        perm[j] = x;
      }
      double[] t2 = new double[n];
      double[] d2 = new double[n];
      for (int i = 0; i < n; i++) {
        t2[i] = s.t()[perm[i]];
        d2[i] = d[perm[i]];
      }
      double[] w = NearestNeighbourMatching.withDefaults().withRatio(2).match(s.t(), d).weights();
      double[] w2 = NearestNeighbourMatching.withDefaults().withRatio(2).match(t2, d2).weights();
      for (int i = 0; i < n; i++) {
        assertThat(w2[i]).isCloseTo(w[perm[i]], within(1e-12));
      }
    });
  }

  @Test
  void badInputIsRefusedByRow() {
    assertThatThrownBy(() -> NearestNeighbourMatching.withDefaults().match(new double[] {1, 2, 0}, new double[] {.1, .2, .3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
    assertThatThrownBy(() -> NearestNeighbourMatching.withDefaults().match(new double[] {1, 0}, new double[] {.1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2");
    assertThatThrownBy(() -> NearestNeighbourMatching.withDefaults().match(new double[] {1, 1}, new double[] {.1, .2}))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("0 control");
  }
}
