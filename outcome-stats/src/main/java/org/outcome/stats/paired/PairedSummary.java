package org.outcome.stats.paired;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.common.RankSums;
import org.outcome.stats.descriptive.Descriptives;
import org.outcome.stats.paired.AnalysisSet.Exclusion;

/**
 * What the before-and-after analyses need of an analysis set's pairs, without the pairs: the
 * account of who was left out, the {@link Descriptives} of the baseline scores, the follow-up
 * scores and the differences, and the ranked differences of the signed-rank test. Built from a
 * {@link AnalysisSet.Selection} with {@link #of}, or by a cluster engine that summarises parts of
 * the data and merges them ({@link Descriptives#merge}, {@link RankSums#then}); then
 * {@link PairedTTest#test(PairedSummary)}, {@link PairedEffectSize#compute(PairedSummary)} and
 * {@link WilcoxonSignedRankTest#test(PairedSummary)} give what they give on the pairs themselves
 * (moments merged from parts agree to rounding error, ranks exactly).
 *
 * <p>The ranks depend on how the signed-rank test ranks ({@link
 * WilcoxonSignedRankTest#rankedDifference(double)}: its {@code mu} and {@code digits.rank}), so the
 * summary records them and the test refuses a summary ranked another way.
 *
 * @param set the analysis set
 * @param enrolled the number of people in the cohort
 * @param excluded for each reason, the number of people excluded for it (a reason left out counts
 *     0); the map is copied
 * @param before the baseline scores of the pairs included
 * @param after the follow-up scores of the pairs included
 * @param differences the differences {@code after - before} of the pairs included
 * @param zeros the number of differences the signed-rank test dropped as zero
 * @param signedRanks the non-zero differences ranked by absolute value, the positive ones first
 * @param rankedMu the {@code mu} subtracted before ranking
 * @param rankedDigits the significant digits the differences were rounded to before ranking, when set
 * @param reliableChange the pairs' reliable change tally ({@link ReliableChange#summarise}), when
 *     a rule was given
 */
public record PairedSummary(AnalysisSet set, long enrolled, Map<Exclusion, Long> excluded, Descriptives before,
    Descriptives after, Descriptives differences, long zeros, RankSums signedRanks, double rankedMu,
    OptionalInt rankedDigits, Optional<ReliableChange.Tally> reliableChange) {
  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException unless the counts agree: each of {@code before}, {@code after}
   *     and {@code differences} counts the pairs included, the included and excluded add up to the
   *     enrolled, the ranked and zero differences add up to the pairs, and a reliable change
   *     tally counts the pairs
   */
  public PairedSummary {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(differences, "differences");
    Objects.requireNonNull(signedRanks, "signedRanks");
    Objects.requireNonNull(rankedDigits, "rankedDigits");
    Objects.requireNonNull(reliableChange, "reliableChange");
    Map<Exclusion, Long> copy = new EnumMap<>(Exclusion.class);
    long out = 0;
    for (Exclusion e : Exclusion.values()) {
      long n = excluded.getOrDefault(e, 0L);
      if (n < 0) {
        throw new IllegalArgumentException("a negative count excluded for " + e.label());
      }
      copy.put(e, n);
      out += n;
    }
    excluded = Map.copyOf(copy);
    long pairs = differences.count();
    if (before.count() != pairs || after.count() != pairs) {
      throw new IllegalArgumentException("the baseline (" + before.count() + "), follow-up (" + after.count()
          + ") and difference (" + pairs + ") summaries count different pairs");
    }
    if (pairs + out != enrolled) {
      throw new IllegalArgumentException(pairs + " pairs included and " + out + " excluded do not add up to "
          + enrolled + " enrolled");
    }
    if (zeros < 0 || zeros + signedRanks.total() != pairs) {
      throw new IllegalArgumentException(signedRanks.total() + " ranked and " + zeros
          + " zero differences do not add up to " + pairs + " pairs");
    }
    if (reliableChange.isPresent() && reliableChange.get().n() != pairs) {
      throw new IllegalArgumentException("the reliable change tally counts " + reliableChange.get().n()
          + " pairs, not " + pairs);
    }
  }

  /**
   * The summary of an analysis set's pairs, the differences ranked as {@code ranking} ranks them,
   * with the tally of a reliable change rule when one is given.
   */
  public static PairedSummary of(AnalysisSet.Selection selection, WilcoxonSignedRankTest ranking,
      Optional<ReliableChange> reliableChange) {
    PairedSample sample = selection.sample();
    WilcoxonSignedRankTest.Ranked ranked = ranking.rank(sample);
    Map<Exclusion, Long> excluded = new EnumMap<>(Exclusion.class);
    for (Exclusion e : Exclusion.values()) {
      excluded.put(e, (long) selection.excluded(e));
    }
    return new PairedSummary(selection.set(), selection.enrolled(), excluded, Descriptives.of(sample.beforeValues()),
        Descriptives.of(sample.afterValues()), Descriptives.of(sample.differences()), ranked.zeros(),
        ranked.ranks(), ranking.mu(), ranking.digitsRank(), reliableChange.map(r -> r.tally(sample)));
  }

  /** The summary of an analysis set's pairs, the differences ranked as {@code ranking} ranks them. */
  public static PairedSummary of(AnalysisSet.Selection selection, WilcoxonSignedRankTest ranking) {
    return of(selection, ranking, Optional.empty());
  }

  /** The number of pairs included. */
  public long included() {
    return differences.count();
  }

  /** The number excluded for a reason. */
  public long excluded(Exclusion reason) {
    return excluded.get(reason);
  }

  /** The number excluded for any reason. */
  public long excludedTotal() {
    return enrolled - included();
  }
}
