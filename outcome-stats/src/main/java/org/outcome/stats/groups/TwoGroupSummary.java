package org.outcome.stats.groups;

import java.util.Objects;
import java.util.OptionalInt;
import org.outcome.api.sample.GroupedSample;
import org.outcome.stats.common.RankSums;
import org.outcome.stats.descriptive.Descriptives;

/**
 * What the two-group analyses need of two groups' values, without the values: each group's
 * {@link Descriptives} and the two groups ranked together. Built from a sample with {@link #of},
 * or by a cluster engine that summarises parts of the data and merges them
 * ({@link Descriptives#merge}, {@link RankSums#then}); then
 * {@link TwoSampleTTest#test(TwoGroupSummary)}, {@link StandardizedMeanDifference#compute(TwoGroupSummary)}
 * and {@link MannWhitneyTest#test(TwoGroupSummary)} give what they give on the values (moments
 * merged from parts agree to rounding error, ranks exactly). The groups are the summary's, in its
 * order: the analyses' own {@link GroupChoice} is not consulted.
 *
 * <p>The ranks depend on how the Mann–Whitney test ranks ({@link MannWhitneyTest#rankedFirst},
 * {@link MannWhitneyTest#rankedSecond}: its {@code mu} and {@code digits.rank}), so the summary
 * records them and the test refuses a summary ranked another way.
 *
 * @param firstLevel the first group's level
 * @param first the first group's values
 * @param secondLevel the second group's level
 * @param second the second group's values
 * @param ranks the two groups' values ranked together, the first group's being the first sample
 * @param rankedMu the {@code mu} subtracted from the first group's values before ranking
 * @param rankedDigits the significant digits values were rounded to before ranking, when set
 */
public record TwoGroupSummary(String firstLevel, Descriptives first, String secondLevel, Descriptives second,
    RankSums ranks, double rankedMu, OptionalInt rankedDigits) {
  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the levels are equal or the ranks count other numbers of
   *     values than the descriptives
   */
  public TwoGroupSummary {
    Objects.requireNonNull(firstLevel, "firstLevel");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(secondLevel, "secondLevel");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(ranks, "ranks");
    Objects.requireNonNull(rankedDigits, "rankedDigits");
    if (firstLevel.equals(secondLevel)) {
      throw new IllegalArgumentException("the two groups must differ, both are '" + firstLevel + "'");
    }
    if (ranks.first() != first.count() || ranks.second() != second.count()) {
      throw new IllegalArgumentException("the ranks count " + ranks.first() + " and " + ranks.second()
          + " values, the descriptives " + first.count() + " and " + second.count());
    }
  }

  /**
   * The summary of the two groups a choice picks in a sample, ranked as {@code ranking} ranks.
   *
   * @throws org.outcome.api.InvalidInputException if a named group does not exist or the choice is
   *     ambiguous
   * @throws org.outcome.api.DegenerateDataException if a chosen group has no members
   */
  public static TwoGroupSummary of(GroupedSample sample, GroupChoice choice, MannWhitneyTest ranking) {
    GroupChoice.Chosen chosen = choice.resolve(sample);
    return new TwoGroupSummary(chosen.first(), Descriptives.of(chosen.x()), chosen.second(),
        Descriptives.of(chosen.y()), ranking.rank(chosen.x(), chosen.y()), ranking.mu(), ranking.digitsRank());
  }
}
