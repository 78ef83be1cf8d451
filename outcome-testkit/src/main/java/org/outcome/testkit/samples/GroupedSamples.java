package org.outcome.testkit.samples;

import java.util.List;
import java.util.random.RandomGenerator;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.testkit.Generator;

/**
 * Generates {@link GroupedSample}s and {@link GroupedPrePostSample}s of the requested
 * {@link GroupedShape}s. Groups are named {@code g1}, {@code g2}, ... and rows are in group order.
 *
 * <p>Guarantees, whatever the draws: every group has between {@code minPerGroup} and
 * {@code maxPerGroup} members (exactly 2 for {@link GroupedShape#TWO_PER_GROUP}; the minimum for
 * the first group and the maximum for the others under {@link GroupedShape#UNBALANCED}); every
 * group of a non-degenerate shape has at least two distinct values.
 */
public final class GroupedSamples {
  private GroupedSamples() {}

  /**
   * @param groups the number of groups, at least 2
   * @param minPerGroup the fewest members of a group, at least 2
   * @param maxPerGroup the most members of a group
   * @param shapes the shapes to draw from (all shapes when empty)
   */
  public static Generator<GroupedSample> of(int groups, int minPerGroup, int maxPerGroup, GroupedShape... shapes) {
    return shaped(groups, minPerGroup, maxPerGroup, shapes).map(Shaped::sample);
  }

  /** As {@link #of}, keeping the shape each sample was drawn as. */
  public static Generator<Shaped<GroupedShape, GroupedSample>> shaped(
      int groups, int minPerGroup, int maxPerGroup, GroupedShape... shapes) {
    Layout layout = new Layout(groups, minPerGroup, maxPerGroup, shapes);
    return random -> {
      Drawn d = layout.draw(random);
      return new Shaped<>(d.shape(), GroupedSample.of(d.values(random), d.factor()));
    };
  }

  /**
   * Baseline and follow-up by group (the data of ANCOVA): follow-up = baseline + a group effect +
   * noise, with the values drawn in the shape's style.
   */
  public static Generator<GroupedPrePostSample> prePost(
      int groups, int minPerGroup, int maxPerGroup, GroupedShape... shapes) {
    Layout layout = new Layout(groups, minPerGroup, maxPerGroup, shapes);
    return random -> {
      Drawn d = layout.draw(random);
      double[] pre = d.values(random);
      double[] post = d.values(random);
      for (int i = 0; i < pre.length; i++) {
        if (d.shape() != GroupedShape.ALL_EQUAL) {
          post[i] = post[i] + 0.5 * pre[i] + d.codes()[i];
        }
      }
      return GroupedPrePostSample.of(pre, post, d.factor());
    };
  }

  private record Layout(int groups, int minPerGroup, int maxPerGroup, List<GroupedShape> options) {
    Layout(int groups, int minPerGroup, int maxPerGroup, GroupedShape[] shapes) {
      this(groups, minPerGroup, maxPerGroup, List.of(shapes.length == 0 ? GroupedShape.values() : shapes));
      if (groups < 2 || minPerGroup < 2 || maxPerGroup < minPerGroup) {
        throw new IllegalArgumentException("need groups >= 2 and 2 <= minPerGroup <= maxPerGroup");
      }
    }

    Drawn draw(RandomGenerator random) {
      GroupedShape shape = Draw.oneOf(random, options);
      int[] sizes = new int[groups];
      int total = 0;
      for (int g = 0; g < groups; g++) {
        sizes[g] = switch (shape) {
          case TWO_PER_GROUP -> 2;
          case UNBALANCED -> g == 0 ? minPerGroup : maxPerGroup;
          default -> Draw.between(random, minPerGroup, maxPerGroup);
        };
        total += sizes[g];
      }
      String[] labels = new String[total];
      int[] codes = new int[total];
      int row = 0;
      for (int g = 0; g < groups; g++) {
        for (int k = 0; k < sizes[g]; k++) {
          labels[row] = "g" + (g + 1);
          codes[row++] = g;
        }
      }
      return new Drawn(shape, Factor.of(labels), codes, sizes);
    }
  }

  private record Drawn(GroupedShape shape, Factor factor, int[] codes, int[] sizes) {
    double[] values(RandomGenerator random) {
      double[] v = new double[codes.length];
      double effect = Draw.between(random, -2, 2);
      int start = 0;
      for (int g = 0; g < sizes.length; g++) {
        for (int k = 0; k < sizes[g]; k++) {
          int i = start + k;
          v[i] = switch (shape) {
            case ALL_EQUAL -> 3;
            case TIED_INTEGERS -> Draw.between(random, 1, 5);
            default -> Draw.rounded(Draw.normal(random, 10 + effect * g, 3), 0.01);
          };
        }
        if (shape != GroupedShape.ALL_EQUAL && v[start] == v[start + 1]) {
          v[start + 1] = v[start + 1] + 1; // at least two distinct values per group
        }
        start += sizes[g];
      }
      return v;
    }
  }
}
