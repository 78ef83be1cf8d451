package org.outcome.stats.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;
import org.outcome.api.DegenerateDataException;
import org.outcome.stats.internal.Arguments;

/**
 * Greedy nearest-neighbour matching on a distance (the propensity score, or its logit), as
 * MatchIt's {@code matchit(method = "nearest")} without replacement. Immutable.
 *
 * <p>The rule: treated units are taken in the {@link Order} given ({@code LARGEST} distance first
 * by default, ties in row order); in each of {@code ratio} rounds, each treated unit still in play
 * takes the unmatched control nearest to it in distance (ties: the earlier row). With a caliper, a
 * treated unit whose nearest unmatched control is farther than the caliper gets no match in that
 * round and is reported unmatched if it has none at all: never a match outside the caliper. The
 * caliper is in raw distance units, or in standard deviations of the distance over all units
 * (R's {@code sd}, denominator n − 1), as MatchIt's {@code std.caliper = TRUE}.
 *
 * <p>Weights, as MatchIt's: 1 for a matched treated unit; a control gets {@code 1 / m} for each
 * treated unit it is matched to that has {@code m} controls, and the controls' weights are then
 * scaled to sum to the number of matched controls; unmatched units weigh 0. The {@code RANDOM}
 * order is reproducible from its seed in this library, but is not R's random order.
 *
 * <p>Checked against MatchIt 4.5.1 on the Lalonde data ({@code propensity__lalonde-nearest}) and,
 * with a caliper, against the fixture {@code propensity__lalonde-caliper} made by an independent
 * implementation of the rule (MatchIt 4.5.1 ignores the caliper here, its issue #163).
 */
public final class NearestNeighbourMatching {
  /** The order in which treated units choose their controls. */
  public enum Order {
    /** Largest distance first (MatchIt's default {@code "largest"}). */
    LARGEST,
    /** Smallest distance first. */
    SMALLEST,
    /** In row order. */
    DATA,
    /** A random order from the seed given ({@link #withSeed}). */
    RANDOM
  }

  private static final NearestNeighbourMatching DEFAULT =
      new NearestNeighbourMatching(1, Order.LARGEST, 0, OptionalDouble.empty(), true);

  private final int ratio;
  private final Order order;
  private final long seed;
  private final OptionalDouble caliper;
  private final boolean caliperInSds;

  private NearestNeighbourMatching(int ratio, Order order, long seed, OptionalDouble caliper, boolean caliperInSds) {
    this.ratio = ratio;
    this.order = order;
    this.seed = seed;
    this.caliper = caliper;
    this.caliperInSds = caliperInSds;
  }

  /** 1:1, largest distance first, no caliper (MatchIt's defaults). */
  public static NearestNeighbourMatching withDefaults() {
    return DEFAULT;
  }

  /** Up to {@code k} controls per treated unit (at least 1). */
  public NearestNeighbourMatching withRatio(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("the ratio must be at least 1, got " + k);
    }
    return new NearestNeighbourMatching(k, order, seed, caliper, caliperInSds);
  }

  /** This matching in another order. */
  public NearestNeighbourMatching withOrder(Order value) {
    return new NearestNeighbourMatching(ratio, Arguments.option(value, "order"), seed, caliper, caliperInSds);
  }

  /** The seed of the {@link Order#RANDOM} order. */
  public NearestNeighbourMatching withSeed(long value) {
    return new NearestNeighbourMatching(ratio, order, value, caliper, caliperInSds);
  }

  /**
   * A caliper: in standard deviations of the distance over all units ({@code inSds}), or in the
   * distance's own units.
   */
  public NearestNeighbourMatching withCaliper(double width, boolean inSds) {
    return new NearestNeighbourMatching(ratio, order, seed, OptionalDouble.of(Arguments.positive(width, "caliper")),
        inSds);
  }

  /**
   * The matched sample.
   *
   * @param matches for each treated row (from 0, in the order they chose), its control rows in the
   *     order chosen; an unmatched treated row is absent
   * @param weights each unit's matching weight (0 when unmatched)
   * @param unmatchedTreated the treated rows (from 0) without a match, in row order
   * @param caliperWidth the caliper in distance units, when one was given
   */
  public record Result(List<Match> matches, double[] weights, List<Integer> unmatchedTreated,
      OptionalDouble caliperWidth) {
    /** Copies. */
    public Result {
      matches = List.copyOf(matches);
      weights = weights.clone();
      unmatchedTreated = List.copyOf(unmatchedTreated);
      Objects.requireNonNull(caliperWidth, "caliperWidth");
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }

    /** The number of treated units with at least one match. */
    public int matchedTreated() {
      return matches.size();
    }

    /** The number of controls matched. */
    public long matchedControls() {
      return matches.stream().flatMap(m -> m.controls().stream()).distinct().count();
    }
  }

  /**
   * One treated unit and its controls.
   *
   * @param treated its row, from 0
   * @param controls the controls' rows, from 0, in the order chosen
   */
  public record Match(int treated, List<Integer> controls) {
    /** Copies. */
    public Match {
      controls = List.copyOf(controls);
    }
  }

  /**
   * Matches.
   *
   * @param treatment 0 or 1 per unit
   * @param distance each unit's distance (finite)
   * @throws DegenerateDataException if there are no treated or no control units
   */
  public Result match(double[] treatment, double[] distance) {
    int n = treatment.length;
    List<Integer> treated = new ArrayList<>();
    List<Integer> controls = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      (treatment[i] == 1 ? treated : controls).add(i);
    }
    if (treated.isEmpty() || controls.isEmpty()) {
      throw new DegenerateDataException("matching needs treated and control units; there are " + treated.size()
          + " treated and " + controls.size() + " control", "check the treatment column");
    }
    switch (order) {
      case LARGEST -> treated.sort(Comparator.comparingDouble((Integer i) -> -distance[i]));
      case SMALLEST -> treated.sort(Comparator.comparingDouble((Integer i) -> distance[i]));
      case DATA -> { }
      case RANDOM -> Collections.shuffle(treated, new Random(seed));
    }
    OptionalDouble width = caliper.isPresent()
        ? OptionalDouble.of(caliperInSds ? caliper.getAsDouble() * sd(distance) : caliper.getAsDouble())
        : OptionalDouble.empty();
    boolean[] used = new boolean[n];
    List<List<Integer>> chosen = new ArrayList<>();
    for (int k = 0; k < treated.size(); k++) {
      chosen.add(new ArrayList<>());
    }
    for (int round = 0; round < ratio; round++) {
      for (int k = 0; k < treated.size(); k++) {
        double d = distance[treated.get(k)];
        int best = -1;
        double bestGap = Double.POSITIVE_INFINITY;
        for (int c : controls) { // controls in row order: a tie keeps the earlier row
          if (!used[c]) {
            double gap = Math.abs(distance[c] - d);
            if (gap < bestGap) {
              bestGap = gap;
              best = c;
            }
          }
        }
        if (best >= 0 && (width.isEmpty() || bestGap <= width.getAsDouble())) {
          used[best] = true;
          chosen.get(k).add(best);
        }
      }
    }
    double[] weights = new double[n];
    List<Match> matches = new ArrayList<>();
    List<Integer> unmatched = new ArrayList<>();
    for (int k = 0; k < treated.size(); k++) {
      List<Integer> mine = chosen.get(k);
      if (mine.isEmpty()) {
        unmatched.add(treated.get(k));
        continue;
      }
      matches.add(new Match(treated.get(k), mine));
      weights[treated.get(k)] = 1;
      for (int c : mine) {
        weights[c] += 1.0 / mine.size();
      }
    }
    double controlSum = 0;
    long matchedControls = 0;
    for (int c : controls) {
      if (weights[c] > 0) {
        controlSum += weights[c];
        matchedControls++;
      }
    }
    for (int c : controls) {
      weights[c] *= matchedControls / controlSum;
    }
    unmatched.sort(Integer::compare);
    return new Result(matches, weights, unmatched, width);
  }

  private static double sd(double[] x) {
    double mean = Arrays.stream(x).average().orElse(Double.NaN);
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / (x.length - 1));
  }
}
