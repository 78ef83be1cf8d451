package org.outcome.api.sample;

import java.util.Arrays;
import java.util.List;

/**
 * One value per person, each person in a group (comparison-group designs).
 *
 * <p>Immutable, with value equality. {@link #toString()} states the shape, never a value.
 */
public final class GroupedSample implements Sample {
  private final double[] values;
  private final Factor groups;

  private GroupedSample(double[] values, Factor groups) {
    this.values = values;
    this.groups = groups;
  }

  /**
   * A grouped sample; the values are copied.
   *
   * @throws org.outcome.api.InvalidInputException if the lengths differ or a value is not finite
   */
  public static GroupedSample of(double[] values, Factor groups) {
    new Checks("grouped sample")
        .sameLength("group", groups.size(), values.length)
        .finite("value", values)
        .throwIfAny();
    return new GroupedSample(values.clone(), groups);
  }

  @Override
  public int size() {
    return values.length;
  }

  /** The group of each row. */
  public Factor groups() {
    return groups;
  }

  /** The group levels, in order. */
  public List<String> levels() {
    return groups.levels();
  }

  /** The value of row {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** A copy of all values, in row order. */
  public double[] values() {
    return values.clone();
  }

  /** The values of one group (by level index), in row order, in a new array. */
  public double[] values(int level) {
    double[] out = new double[groups.counts()[level]];
    int k = 0;
    for (int i = 0; i < values.length; i++) {
      if (groups.code(i) == level) {
        out[k++] = values[i];
      }
    }
    return out;
  }

  /** The values of the group with this level name. */
  public double[] values(String level) {
    int index = groups.levels().indexOf(level);
    if (index < 0) {
      throw new IllegalArgumentException("no group '" + level + "'; groups are " + Factor.describeLevels(groups.levels()));
    }
    return values(index);
  }

  /**
   * Equal when both hold the same values in the same order with the same groups (the same levels
   * in the same order); values compare as {@link Double#equals(Object)} does (bit for bit).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof GroupedSample g && Arrays.equals(values, g.values) && groups.equals(g.groups);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + groups.hashCode();
  }

  /** The shape only, for example {@code GroupedSample[24 values, 2 groups]}: never a value or a level. */
  @Override
  public String toString() {
    return "GroupedSample[" + values.length + " values, " + groups.levelCount() + " groups]";
  }
}
