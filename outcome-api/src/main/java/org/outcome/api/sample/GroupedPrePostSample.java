package org.outcome.api.sample;

import java.util.Arrays;
import java.util.Objects;

/**
 * Baseline and follow-up values per person, each person in a group: the data of ANCOVA on
 * baseline ({@code post ~ pre + group}) and of the change-score comparison.
 *
 * <p>Immutable, with value equality. {@link #toString()} states the shape, never a value.
 */
public final class GroupedPrePostSample implements Sample {
  private final double[] pre;
  private final double[] post;
  private final Factor groups;

  private GroupedPrePostSample(double[] pre, double[] post, Factor groups) {
    this.pre = pre;
    this.post = post;
    this.groups = groups;
  }

  /**
   * A sample of baseline and follow-up values by group; the arrays are copied.
   *
   * @throws org.outcome.api.InvalidInputException if the lengths differ or a value is not finite
   */
  public static GroupedPrePostSample of(double[] pre, double[] post, Factor groups) {
    new Checks("baseline and follow-up sample")
        .sameLength("post", post.length, pre.length)
        .sameLength("group", groups.size(), pre.length)
        .finite("pre", pre)
        .finite("post", post)
        .throwIfAny();
    return new GroupedPrePostSample(pre.clone(), post.clone(), groups);
  }

  @Override
  public int size() {
    return pre.length;
  }

  /** The baseline value of row {@code i}. */
  public double pre(int i) {
    return pre[i];
  }

  /** The follow-up value of row {@code i}. */
  public double post(int i) {
    return post[i];
  }

  /** The group of each row. */
  public Factor groups() {
    return groups;
  }

  /** A copy of the baseline values. */
  public double[] preValues() {
    return pre.clone();
  }

  /** A copy of the follow-up values. */
  public double[] postValues() {
    return post.clone();
  }

  /**
   * Equal when both hold the same rows in the same order with the same groups; values compare as
   * {@link Double#equals(Object)} does (bit for bit).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof GroupedPrePostSample g && Arrays.equals(pre, g.pre) && Arrays.equals(post, g.post)
        && groups.equals(g.groups);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(pre), Arrays.hashCode(post), groups);
  }

  /** The shape only, for example {@code GroupedPrePostSample[24 rows, 2 groups]}: never a value or a level. */
  @Override
  public String toString() {
    return "GroupedPrePostSample[" + pre.length + " rows, " + groups.levelCount() + " groups]";
  }
}
