package org.outcome.stats.groups;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.stats.descriptive.Descriptives;

/**
 * What {@link Ancova} needs of a pre-post sample, without the rows: for each group the
 * {@link Descriptives} of its baseline, follow-up and change scores and the sum of cross-products
 * of baseline and follow-up about their means. Both models (ANCOVA and change score) are functions
 * of these: the ANCOVA slope is the pooled within-group regression of follow-up on baseline, the
 * group effects are differences of adjusted means (Snedecor and Cochran 1989, ch. 18). Built from a
 * sample with {@link #of}, or by a cluster engine that summarises parts of the data per group and
 * merges them ({@link Group#merge}).
 *
 * @param groups each group's summary by level, in level order (the first is the reference unless
 *     {@link Ancova#withReference} names another); a group may be empty; the map is copied, its
 *     order kept
 */
public record AncovaSummary(Map<String, Group> groups) {
  /** Values summarised at a time, as {@link Descriptives} are. */
  private static final int BLOCK = 4096;

  /**
   * @throws NullPointerException if the map, a level or a group is null
   */
  public AncovaSummary {
    groups.forEach((level, group) -> {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(group, "group");
    });
    groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  /**
   * One group's baseline and follow-up summarised.
   *
   * @param pre the baseline scores
   * @param post the follow-up scores
   * @param change the changes, follow-up minus baseline
   * @param crossProducts {@code sum((pre - mean(pre)) * (post - mean(post)))}
   */
  public record Group(Descriptives pre, Descriptives post, Descriptives change, double crossProducts)
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Group EMPTY = new Group(Descriptives.empty(), Descriptives.empty(), Descriptives.empty(), 0);

    /**
     * @throws NullPointerException if a summary is null
     * @throws IllegalArgumentException if the three summaries count different numbers of people
     */
    public Group {
      Objects.requireNonNull(pre, "pre");
      Objects.requireNonNull(post, "post");
      Objects.requireNonNull(change, "change");
      if (pre.count() != post.count() || pre.count() != change.count()) {
        throw new IllegalArgumentException("the baseline, follow-up and change summaries count " + pre.count() + ", "
            + post.count() + " and " + change.count() + " people");
      }
    }

    /** No one. */
    public static Group empty() {
      return EMPTY;
    }

    /**
     * The summary of pairs {@code (pre[i], post[i])}, taken in blocks of 4096 joined with
     * {@link #merge} (as a cluster engine joins its chunks).
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Group of(double[] pre, double[] post) {
      if (pre.length != post.length) {
        throw new IllegalArgumentException(pre.length + " baseline and " + post.length + " follow-up scores");
      }
      Group all = EMPTY;
      for (int from = 0; from < pre.length; from += BLOCK) {
        int to = Math.min(pre.length, from + BLOCK);
        all = all.merge(block(Arrays.copyOfRange(pre, from, to), Arrays.copyOfRange(post, from, to)));
      }
      return all;
    }

    private static Group block(double[] pre, double[] post) {
      double[] change = new double[pre.length];
      for (int i = 0; i < pre.length; i++) {
        change[i] = post[i] - pre[i];
      }
      Descriptives x = Descriptives.of(pre);
      Descriptives y = Descriptives.of(post);
      double cross = 0;
      for (int i = 0; i < pre.length; i++) {
        cross += (pre[i] - x.mean()) * (post[i] - y.mean());
      }
      return new Group(x, y, Descriptives.of(change), cross);
    }

    /**
     * These people and the other's together: the descriptives merged, and the cross-products by
     * Chan, Golub and LeVeque's update, {@code C = C_a + C_b + d_pre d_post n_a n_b / n} with
     * {@code d} the differences of the parts' means.
     */
    public Group merge(Group other) {
      long na = pre.count();
      long nb = other.pre.count();
      if (nb == 0) {
        return this;
      }
      if (na == 0) {
        return other;
      }
      double shift = (other.pre.mean() - pre.mean()) * (other.post.mean() - post.mean()) * ((double) na * nb / (na + nb));
      return new Group(pre.merge(other.pre), post.merge(other.post), change.merge(other.change),
          crossProducts + other.crossProducts + shift);
    }

    /** The number of people. */
    public long n() {
      return pre.count();
    }
  }

  /** The summary of a sample: one group per level of its grouping, empty levels included. */
  public static AncovaSummary of(GroupedPrePostSample sample) {
    Factor factor = sample.groups();
    List<String> levels = factor.levels();
    int[] counts = factor.counts();
    double[][] pre = new double[levels.size()][];
    double[][] post = new double[levels.size()][];
    for (int g = 0; g < levels.size(); g++) {
      pre[g] = new double[counts[g]];
      post[g] = new double[counts[g]];
    }
    int[] filled = new int[levels.size()];
    for (int i = 0; i < sample.size(); i++) {
      int g = factor.code(i);
      pre[g][filled[g]] = sample.pre(i);
      post[g][filled[g]++] = sample.post(i);
    }
    Map<String, Group> groups = new LinkedHashMap<>();
    for (int g = 0; g < levels.size(); g++) {
      groups.put(levels.get(g), Group.of(pre[g], post[g]));
    }
    return new AncovaSummary(groups);
  }
}
