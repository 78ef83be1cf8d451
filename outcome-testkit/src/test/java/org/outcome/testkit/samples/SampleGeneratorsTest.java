package org.outcome.testkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.Generator;

/** Each generator keeps its documented guarantees over many seeds, and is deterministic per seed. */
class SampleGeneratorsTest {
  private static final int SEEDS = 400;

  private static <T> void forSeeds(Generator<T> generator, java.util.function.Consumer<T> check) {
    for (int seed = 0; seed < SEEDS; seed++) {
      check.accept(generator.next(new SplittableRandom(seed)));
    }
  }

  @Test
  void sameSeedGivesTheSameSample() {
    Generator<SurvivalSample> g = SurvivalSamples.builder().size(3, 40).groups(2).covariates(2).build();
    for (int seed = 0; seed < 20; seed++) {
      assertThat(Describe.survival(g.next(new SplittableRandom(seed))))
          .isEqualTo(Describe.survival(g.next(new SplittableRandom(seed))));
    }
  }

  @Test
  void pairedShapesKeepTheirGuarantees() {
    for (PairedShape shape : PairedShape.values()) {
      forSeeds(PairedSamples.of(3, 25, shape), s -> {
        double[] d = s.differences();
        boolean constant = true;
        boolean anyZero = false;
        boolean anyNonZero = false;
        for (double v : d) {
          constant &= v == d[0];
          anyZero |= v == 0;
          anyNonZero |= v != 0;
        }
        assertThat(s.size()).isBetween(shape == PairedShape.TWO_PAIRS ? 2 : 3, 25);
        switch (shape) {
          case ALL_ZERO_DIFFERENCES -> assertThat(anyNonZero).isFalse();
          case CONSTANT_DIFFERENCE -> assertThat(constant && anyNonZero).isTrue();
          case SOME_ZERO_DIFFERENCES -> assertThat(anyZero && anyNonZero).isTrue();
          default -> {
            assertThat(constant).as(Describe.paired(s)).isFalse();
            assertThat(Math.abs(d[0] - d[1])).as(Describe.paired(s)).isGreaterThanOrEqualTo(0.5 - 1e-9);
          }
        }
      });
    }
  }

  @Test
  void tiedIntegerShapeReallyHasTies() {
    forSeeds(PairedSamples.of(8, 20, PairedShape.TIED_INTEGERS), s -> {
      double[] d = s.differences();
      long distinctAbs = java.util.Arrays.stream(d).map(Math::abs).distinct().count();
      assertThat(distinctAbs).as(Describe.paired(s)).isLessThan(d.length);
    });
  }

  @Test
  void groupedShapesKeepTheirGuarantees() {
    for (GroupedShape shape : GroupedShape.values()) {
      forSeeds(GroupedSamples.of(3, 2, 12, shape), s -> {
        int[] sizes = s.groups().counts();
        assertThat(s.levels()).containsExactly("g1", "g2", "g3");
        for (int g = 0; g < 3; g++) {
          double[] v = s.values(g);
          boolean allEqual = java.util.Arrays.stream(v).distinct().count() == 1;
          assertThat(allEqual).isEqualTo(shape == GroupedShape.ALL_EQUAL);
          int expected = switch (shape) {
            case TWO_PER_GROUP -> 2;
            case UNBALANCED -> g == 0 ? 2 : 12;
            default -> sizes[g];
          };
          assertThat(sizes[g]).isEqualTo(expected).isBetween(2, 12);
        }
      });
    }
  }

  @Test
  void prePostSamplesHaveEveryGroup() {
    forSeeds(GroupedSamples.prePost(2, 3, 10, GroupedShape.nonDegenerate()), (GroupedPrePostSample s) -> {
      assertThat(java.util.Arrays.stream(s.groups().counts()).allMatch(c -> c >= 2 && c <= 10)).isTrue();
      assertThat(s.size()).isEqualTo(s.groups().size());
    });
  }

  @Test
  void survivalShapesKeepTheirGuarantees() {
    for (SurvivalShape shape : SurvivalShape.values()) {
      forSeeds(SurvivalSamples.builder().size(4, 30).groups(3).strata(2).covariates(2).shapes(shape).build(), s -> {
        int events = s.eventCount();
        String seen = Describe.survival(s);
        assertThat(s.group().orElseThrow().counts()).as(seen).doesNotContain(0);
        assertThat(s.strata().orElseThrow().counts()).as(seen).doesNotContain(0);
        switch (shape) {
          case ALL_CENSORED -> assertThat(events).isZero();
          case SINGLE_EVENT -> assertThat(events).isEqualTo(1);
          case NO_CENSORING -> assertThat(events).isEqualTo(s.size());
          case UNBALANCED_GROUPS -> assertThat(s.group().orElseThrow().counts()[0]).as(seen).isEqualTo(1);
          case LAST_CENSORED -> {
            double max = java.util.Arrays.stream(s.times()).max().orElseThrow();
            for (int i = 0; i < s.size(); i++) {
              if (s.time(i) == max) {
                assertThat(s.event(i)).as(seen).isFalse();
              }
            }
          }
          case CENSORED_AT_EVENT_TIMES -> assertThat(censoredAtAnEventTime(s)).as(seen).isTrue();
          default -> assertThat(events).isPositive();
        }
      });
    }
  }

  @Test
  void wholeDayShapeHasTiedTimes() {
    forSeeds(SurvivalSamples.builder().size(30, 60).shapes(SurvivalShape.WHOLE_DAY_TIES).build(), s ->
        assertThat(java.util.Arrays.stream(s.times()).distinct().count()).isLessThan(s.size()));
  }

  @Test
  void everyShapeAppearsWithinAFewDozenDraws() {
    assertThat(seen(PairedSamples.shaped(2, 10))).isEqualTo(EnumSet.allOf(PairedShape.class));
    assertThat(seen(GroupedSamples.shaped(2, 2, 5))).isEqualTo(EnumSet.allOf(GroupedShape.class));
    assertThat(seen(SurvivalSamples.builder().size(3, 10).groups(2).buildShaped()))
        .isEqualTo(EnumSet.allOf(SurvivalShape.class));
  }

  private static <E extends Enum<E>, S> Set<E> seen(Generator<Shaped<E, S>> g) {
    Set<E> seen = new java.util.HashSet<>();
    for (int seed = 0; seed < 80; seed++) {
      seen.add(g.next(new SplittableRandom(seed)).shape());
    }
    return seen;
  }

  private static boolean censoredAtAnEventTime(SurvivalSample s) {
    for (int i = 0; i < s.size(); i++) {
      for (int j = 0; j < s.size(); j++) {
        if (!s.event(i) && s.event(j) && s.time(i) == s.time(j)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void groupedSampleLevelsAreNamedInOrder(){
    GroupedSample s = GroupedSamples.of(2, 2, 3).next(new SplittableRandom(1));
    assertThat(s.levels()).containsExactly("g1", "g2");
    PairedSample p = PairedSamples.of(2, 2).next(new SplittableRandom(1));
    assertThat(p.size()).isEqualTo(2);
  }
}
