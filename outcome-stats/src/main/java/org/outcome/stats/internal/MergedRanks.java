package org.outcome.stats.internal;

import java.util.Arrays;

/**
 * Ranks of two samples pooled, as R's {@code rank()} gives them (ties get the average of the
 * ranks they span), reduced to what the rank tests need: the sum of the first sample's ranks, the
 * tie term {@code sum(t^3 - t)} over groups of tied values, and whether any tie occurred.
 *
 * <p>Each sample is sorted once ({@link Arrays#parallelSort(double[])}: O(n log n), on the common
 * fork-join pool when large, sequential below a few thousand values) and the two sorted arrays are
 * merged in one pass; no pooled array or rank vector is built. Values are compared
 * with {@code ==} as R compares them, so {@code -0.0} ties with {@code 0.0}.
 *
 * @param rankSumFirst the sum of the ranks of the first sample's values in the pooled ranking
 * @param tieTerm {@code sum(t^3 - t)} over the groups of tied values (0 without ties)
 * @param ties whether any two pooled values are equal
 */
public record MergedRanks(double rankSumFirst, double tieTerm, boolean ties) {
  /**
   * Ranks {@code first} and {@code second} together. Both arrays are sorted in place.
   */
  public static MergedRanks sortAndMerge(double[] first, double[] second) {
    return sortAndMerge(first, first.length, second, second.length);
  }

  /**
   * Ranks {@code first[0 .. na)} and {@code second[0 .. nb)} together; those ranges are sorted
   * in place.
   */
  public static MergedRanks sortAndMerge(double[] first, int na, double[] second, int nb) {
    Arrays.parallelSort(first, 0, na);
    Arrays.parallelSort(second, 0, nb);
    return mergeSorted(first, na, second, nb);
  }

  /** Ranks {@code first[0 .. na)} and {@code second[0 .. nb)}, both already sorted ascending. */
  public static MergedRanks mergeSorted(double[] first, int na, double[] second, int nb) {
    int i = 0;
    int j = 0;
    long position = 0; // ranks used so far
    double rankSum = 0;
    double tieTerm = 0;
    boolean ties = false;
    while (i < na || j < nb) {
      double value;
      if (j >= nb || (i < na && first[i] <= second[j])) {
        value = first[i];
      } else {
        value = second[j];
      }
      int startI = i;
      while (i < na && first[i] == value) {
        i++;
      }
      int startJ = j;
      while (j < nb && second[j] == value) {
        j++;
      }
      long inFirst = i - startI;
      long t = inFirst + (j - startJ);
      // the group spans ranks position + 1 .. position + t; each gets their average
      double average = position + (t + 1) / 2.0;
      rankSum += inFirst * average;
      if (t > 1) {
        ties = true;
        double td = t;
        tieTerm += td * td * td - td;
      }
      position += t;
    }
    return new MergedRanks(rankSum, tieTerm, ties);
  }
}
