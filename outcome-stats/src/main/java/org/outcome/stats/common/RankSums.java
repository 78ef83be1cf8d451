package org.outcome.stats.common;

import java.util.Arrays;

/**
 * Two samples ranked together, as R's {@code rank()} ranks them (tied values get the average of
 * the ranks they span), reduced to what the rank tests need: how many values each sample has, the
 * sum of the first sample's ranks, and the tie term {@code sum(t^3 - t)} over groups of tied
 * values. The Mann–Whitney test ranks the two groups' values; the Wilcoxon signed-rank test ranks
 * the absolute differences, the positive ones being the "first sample".
 *
 * <p><b>Mergeable in order.</b> A summary of values in one range can be built without knowing the
 * values below it: {@link #group(long, long)} is one group of tied values ranked on its own, and
 * {@code lower.then(higher)} joins the summaries of two ranges of values when every value of
 * {@code higher} is greater than every value of {@code lower}: each rank of {@code higher} moves
 * up by {@code lower.total()}, so
 * <pre>
 *   rankSumFirst = rankSumFirst(lower) + rankSumFirst(higher) + total(lower) * first(higher)
 *   tieTerm      = tieTerm(lower) + tieTerm(higher)
 * </pre>
 * So a sorted table of distinct values with their counts, split among machines in ranges, gives
 * each range's summary separately; joined in ascending order they give exactly the summary of all
 * values ({@code then} is associative). A group of equal values must not be split between two
 * ranges (its average rank would be wrong).
 *
 * <p>Rank sums are multiples of one half, exact in double precision while they stay below
 * 2<sup>52</sup> (about 95 million values ranked), so summaries joined in any grouping agree bit
 * for bit up to that size.
 *
 * @param first the number of values of the first sample
 * @param total the number of values of both samples
 * @param rankSumFirst the sum of the first sample's ranks in the pooled ranking
 * @param tieTerm {@code sum(t^3 - t)} over groups of {@code t} tied values (0 without ties)
 */
public record RankSums(long first, long total, double rankSumFirst, double tieTerm) implements java.io.Serializable {
  private static final RankSums EMPTY = new RankSums(0, 0, 0, 0);

  /**
   * @throws IllegalArgumentException unless {@code 0 <= first <= total}, the rank sum lies between
   *     the smallest and the largest sum {@code first} ranks out of {@code total} can have, and the
   *     tie term lies between 0 and {@code total^3 - total}
   */
  public RankSums {
    if (first < 0 || first > total) {
      throw new IllegalArgumentException("need 0 <= first <= total, not first " + first + " of " + total);
    }
    double low = first * (first + 1.0) / 2;
    double high = first * (2.0 * total - first + 1) / 2;
    double slack = 1e-12 * high;
    if (!(rankSumFirst >= low - slack && rankSumFirst <= high + slack)) {
      throw new IllegalArgumentException("a rank sum of " + first + " values out of " + total + " lies in [" + low
          + ", " + high + "], not " + rankSumFirst);
    }
    double t = total;
    if (!(tieTerm >= 0 && tieTerm <= (t * t * t - t) * (1 + 1e-12))) {
      throw new IllegalArgumentException("the tie term of " + total + " values lies in [0, total^3 - total], not "
          + tieTerm);
    }
  }

  /** No values. */
  public static RankSums empty() {
    return EMPTY;
  }

  /**
   * One group of {@code total} equal values, {@code first} of them from the first sample: each
   * has rank {@code (total + 1) / 2}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= total} and {@code total >= 1}
   */
  public static RankSums group(long first, long total) {
    if (total < 1) {
      throw new IllegalArgumentException("a group of tied values has at least one value, not " + total);
    }
    double t = total;
    return new RankSums(first, total, first * ((t + 1) / 2), total > 1 ? t * t * t - t : 0);
  }

  /**
   * These values and {@code higher}'s together, when each of {@code higher}'s values is greater
   * than each of these.
   */
  public RankSums then(RankSums higher) {
    if (higher.total == 0) {
      return this;
    }
    if (total == 0) {
      return higher;
    }
    return new RankSums(first + higher.first, total + higher.total,
        rankSumFirst + (higher.rankSumFirst + (double) total * higher.first), tieTerm + higher.tieTerm);
  }

  /** The number of values of the second sample. */
  public long second() {
    return total - first;
  }

  /** Whether any two values are tied. */
  public boolean ties() {
    return tieTerm > 0;
  }

  /**
   * Ranks {@code first[0 .. na)} and {@code second[0 .. nb)} together; those ranges are sorted in
   * place ({@link Arrays#parallelSort(double[], int, int)}: O(n log n), on the common fork-join
   * pool when large) and merged in one pass, without a pooled array or a rank vector. Values are
   * compared with {@code ==} as R compares them, so {@code -0.0} ties with {@code 0.0}. The values
   * must not be NaN.
   */
  public static RankSums of(double[] first, int na, double[] second, int nb) {
    Arrays.parallelSort(first, 0, na);
    Arrays.parallelSort(second, 0, nb);
    int i = 0;
    int j = 0;
    long position = 0;
    double rankSum = 0;
    double tieTerm = 0;
    while (i < na || j < nb) {
      double value = j >= nb || (i < na && first[i] <= second[j]) ? first[i] : second[j];
      int startI = i;
      while (i < na && first[i] == value) {
        i++;
      }
      int startJ = j;
      while (j < nb && second[j] == value) {
        j++;
      }
      // group(inFirst, t) joined by then(), inline: the same arithmetic without two objects a group
      long inFirst = i - startI;
      double t = inFirst + (j - startJ);
      rankSum = rankSum + (inFirst * ((t + 1) / 2) + (double) position * inFirst);
      if (t > 1) {
        tieTerm += t * t * t - t;
      }
      position += (long) t;
    }
    return new RankSums(na, (long) na + nb, rankSum, tieTerm);
  }

  /** Ranks the two arrays together; both are sorted in place. */
  public static RankSums of(double[] first, double[] second) {
    return of(first, first.length, second, second.length);
  }
}
