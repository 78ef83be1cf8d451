package org.outcome.stats.groups;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedSample;

/**
 * Which two groups of a {@link GroupedSample} a two-group analysis compares, and in which order:
 * differences are always <b>first − second</b>.
 *
 * <ul>
 *   <li>{@link #levelOrder()} (default): the sample must have exactly two groups; the first is the
 *       first level in the factor's order (as R takes the first factor level as {@code x} in
 *       {@code t.test(value ~ group)}).
 *   <li>{@link #first(String)}: the named group first, the only other group second.
 *   <li>{@link #of(String, String)}: two named groups out of any number.
 * </ul>
 *
 * @param firstLevel the first group, when named
 * @param secondLevel the second group, when named
 */
public record GroupChoice(Optional<String> firstLevel, Optional<String> secondLevel) {
  public GroupChoice {
    Objects.requireNonNull(firstLevel, "firstLevel");
    Objects.requireNonNull(secondLevel, "secondLevel");
    if (secondLevel.isPresent() && firstLevel.isEmpty()) {
      throw new IllegalArgumentException("name the first group when naming the second");
    }
    if (firstLevel.isPresent() && firstLevel.equals(secondLevel)) {
      throw new IllegalArgumentException("the two groups must differ, both are '" + firstLevel.get() + "'");
    }
  }

  /** The two groups in level order. */
  public static GroupChoice levelOrder() {
    return new GroupChoice(Optional.empty(), Optional.empty());
  }

  /** This group first, the other second. */
  public static GroupChoice first(String level) {
    return new GroupChoice(Optional.of(level), Optional.empty());
  }

  /** These two groups, in this order. */
  public static GroupChoice of(String first, String second) {
    return new GroupChoice(Optional.of(first), Optional.of(second));
  }

  /**
   * The two groups chosen in a sample, with their values.
   *
   * @param first the first group's level
   * @param second the second group's level
   * @param x the first group's values (a fresh array)
   * @param y the second group's values (a fresh array)
   */
  record Chosen(String first, String second, double[] x, double[] y) {}

  /**
   * Resolves the choice against a sample.
   *
   * @throws InvalidInputException if a named group does not exist or the choice is ambiguous
   * @throws DegenerateDataException if a chosen group has no members
   */
  Chosen resolve(GroupedSample sample) {
    Levels chosen = choose(sample.levels());
    double[] x = sample.values(chosen.first());
    double[] y = sample.values(chosen.second());
    requireMembers(chosen.first(), x);
    requireMembers(chosen.second(), y);
    return new Chosen(chosen.first(), chosen.second(), x, y);
  }

  /**
   * The two levels chosen.
   *
   * @param first the first group's level
   * @param second the second group's level
   */
  public record Levels(String first, String second) {
    public Levels {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
    }
  }

  /**
   * Resolves the choice against the levels of a grouping (for example the levels a cluster engine
   * found), as {@code resolve} does against a sample's levels.
   *
   * @throws InvalidInputException if a named group is not among the levels or the choice is
   *     ambiguous
   */
  public Levels choose(List<String> levels) {
    String first;
    String second;
    if (firstLevel.isEmpty()) {
      if (levels.size() != 2) {
        throw InvalidInputException.of("cannot choose two groups", Violation.at("group",
            "the data have " + levels.size() + " groups " + Factor.describeLevels(levels) + "; a two-group comparison needs exactly two, or name the two to compare"));
      }
      first = levels.get(0);
      second = levels.get(1);
    } else {
      first = requireLevel(levels, firstLevel.get());
      if (secondLevel.isPresent()) {
        second = requireLevel(levels, secondLevel.get());
      } else {
        if (levels.size() != 2) {
          throw InvalidInputException.of("cannot choose the second group", Violation.at("group",
              "the data have " + levels.size() + " groups " + Factor.describeLevels(levels) + "; name the second group too"));
        }
        second = levels.get(0).equals(first) ? levels.get(1) : levels.get(0);
      }
    }
    return new Levels(first, second);
  }

  private static String requireLevel(List<String> levels, String level) {
    if (!levels.contains(level)) {
      throw InvalidInputException.of("unknown group", Violation.at("group",
          "no group '" + level + "'; the groups are " + Factor.describeLevels(levels)));
    }
    return level;
  }

  private static void requireMembers(String level, double[] values) {
    if (values.length == 0) {
      throw new DegenerateDataException("group '" + level + "' has no members",
          "check the group column, or compare groups that have data");
    }
  }
}
