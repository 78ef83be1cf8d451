package org.outcome.stats.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.outcome.api.DegenerateDataException;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Moments;
import org.outcome.stats.internal.SortedSearch;

/**
 * Greedy nearest-neighbour matching on a distance (the propensity score, or its logit), as
 * MatchIt's {@code matchit(method = "nearest")}. Immutable.
 *
 * <p>The rule: treated units are taken in the {@link Order} given ({@code LARGEST} distance first
 * by default, ties in row order); in each of {@code ratio} rounds, each treated unit takes the
 * unmatched control nearest to it in distance (ties: the earlier row). With a caliper, a treated
 * unit whose nearest unmatched control is farther than the caliper gets no match in that round and
 * is reported unmatched if it has none at all: never a match outside the caliper. The caliper is in
 * raw distance units, or in standard deviations of the distance over all units (R's {@code sd},
 * denominator n − 1), as MatchIt's {@code std.caliper = TRUE}. With strata (MatchIt's
 * {@code exact}) each stratum is matched on its own; with replacement each treated unit takes its
 * {@code ratio} nearest controls whatever others took.
 *
 * <p>Weights, as MatchIt's: 1 for a matched treated unit; a control gets {@code 1 / m} for each
 * treated unit it is matched to that has {@code m} controls, and the controls' weights are then
 * scaled to sum to the number of matched controls; unmatched units weigh 0. The {@code RANDOM}
 * order is reproducible from its seed in this library, but is not R's random order.
 *
 * <p>Cost: one sort, then near-constant time per match (the controls sorted by distance, with the
 * nearest unmatched one on each side found through union–find), so 1M units match in about a
 * second, where comparing each treated unit with every control would be quadratic.
 *
 * <p>Checked against MatchIt 4.5.1 on the Lalonde data through its distance-matrix path, and with a
 * caliper against the fixture {@code propensity__lalonde-caliper}. MatchIt 4.5.1 as built by Debian
 * compares the two candidate gaps with C's integer {@code abs}, so both truncate to 0 and it always
 * takes the candidate below the treated unit's score (its issue #163, fixed in 4.5.4; it also
 * disables the caliper): its output for the default settings differs from the rule above in 6 of
 * 185 pairs of the Lalonde data.
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
      new NearestNeighbourMatching(1, Order.LARGEST, 0, OptionalDouble.empty(), true, false);

  private final int ratio;
  private final Order order;
  private final long seed;
  private final OptionalDouble caliper;
  private final boolean caliperInSds;
  private final boolean replace;

  private NearestNeighbourMatching(int ratio, Order order, long seed, OptionalDouble caliper, boolean caliperInSds,
      boolean replace) {
    this.ratio = ratio;
    this.order = order;
    this.seed = seed;
    this.caliper = caliper;
    this.caliperInSds = caliperInSds;
    this.replace = replace;
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
    return new NearestNeighbourMatching(k, order, seed, caliper, caliperInSds, replace);
  }

  /** This matching in another order. */
  public NearestNeighbourMatching withOrder(Order value) {
    return new NearestNeighbourMatching(ratio, Arguments.option(value, "order"), seed, caliper, caliperInSds, replace);
  }

  /** The seed of the {@link Order#RANDOM} order. */
  public NearestNeighbourMatching withSeed(long value) {
    return new NearestNeighbourMatching(ratio, order, value, caliper, caliperInSds, replace);
  }

  /**
   * A caliper: in standard deviations of the distance over all units ({@code inSds}), or in the
   * distance's own units.
   */
  public NearestNeighbourMatching withCaliper(double width, boolean inSds) {
    return new NearestNeighbourMatching(ratio, order, seed, OptionalDouble.of(Arguments.positive(width, "caliper")),
        inSds, replace);
  }

  /**
   * With replacement: a control may serve several treated units (each treated unit still takes
   * {@code ratio} distinct controls, its nearest), so the order no longer matters.
   */
  public NearestNeighbourMatching withReplacement(boolean value) {
    return new NearestNeighbourMatching(ratio, order, seed, caliper, caliperInSds, value);
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

    /**
     * Each unit's matched set (a treated unit with its controls; MatchIt's {@code subclass}),
     * numbered from 0 in the order the treated units chose, or −1 for an unmatched unit: the
     * clusters of {@link Weighting#effect(double[], double[], double[], int[])}.
     *
     * @throws IllegalStateException after matching with replacement, where a control may be in
     *     several sets
     */
    public int[] matchedSets() {
      int[] set = new int[weights.length];
      Arrays.fill(set, -1);
      for (int k = 0; k < matches.size(); k++) {
        Match m = matches.get(k);
        set[m.treated()] = k;
        for (int c : m.controls()) {
          if (set[c] >= 0) {
            throw new IllegalStateException("control row " + (c + 1)
                + " is in several matched sets (matching with replacement): cluster on something else");
          }
          set[c] = k;
        }
      }
      return set;
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
   * Matches on the distance alone.
   *
   * @param treatment 0 or 1 per unit
   * @param distance each unit's distance (finite)
   * @throws DegenerateDataException if there are no treated or no control units
   * @throws IllegalArgumentException naming the row, if a treatment is not 0/1 or a distance not finite
   */
  public Result match(double[] treatment, double[] distance) {
    return match(treatment, distance, new int[treatment.length]);
  }

  /**
   * Matches within strata: a treated unit takes controls only from its own stratum (MatchIt's
   * {@code exact}); each stratum is matched as a sample of its own.
   *
   * @param treatment 0 or 1 per unit
   * @param distance each unit's distance (finite)
   * @param strata each unit's stratum code (for example the levels of the exact-matching factors)
   * @throws DegenerateDataException if there are no treated or no control units
   * @throws IllegalArgumentException naming the row, if a treatment is not 0/1 or a distance not finite
   */
  public Result match(double[] treatment, double[] distance, int[] strata) {
    int n = treatment.length;
    if (distance.length != n || strata.length != n) {
      throw new IllegalArgumentException("treatment, distance and strata must have one value per unit");
    }
    int treatedCount = 0;
    for (int i = 0; i < n; i++) {
      if (treatment[i] != 0 && treatment[i] != 1) {
        throw new IllegalArgumentException("row " + (i + 1) + ": the treatment is not 0 or 1");
      }
      if (!Double.isFinite(distance[i])) {
        throw new IllegalArgumentException("row " + (i + 1) + ": the distance is not a finite number");
      }
      treatedCount += (int) treatment[i];
    }
    if (treatedCount == 0 || treatedCount == n) {
      throw new DegenerateDataException("matching needs treated and control units; there are " + treatedCount
          + " treated and " + (n - treatedCount) + " control", "check the treatment column");
    }
    OptionalDouble width = caliper.isPresent()
        ? OptionalDouble.of(caliperInSds ? caliper.getAsDouble() * Math.sqrt(Moments.of(distance).variance())
            : caliper.getAsDouble())
        : OptionalDouble.empty();
    double limit = width.orElse(Double.POSITIVE_INFINITY);
    int[] treated = treatedInOrder(treatment, distance);
    Map<Integer, Pool> pools = new HashMap<>();
    for (int c : sortedByDistance(distance, i -> treatment[i] == 0)) {
      pools.computeIfAbsent(strata[c], s -> new Pool(n)).add(c, distance[c]);
    }
    pools.values().forEach(Pool::seal);
    int[][] chosen = new int[treated.length][];
    int[] counts = new int[treated.length];
    for (int k = 0; k < treated.length; k++) {
      chosen[k] = new int[ratio];
    }
    if (replace) {
      for (int k = 0; k < treated.length; k++) {
        Pool pool = pools.get(strata[treated[k]]);
        if (pool != null) {
          counts[k] = pool.nearest(distance[treated[k]], ratio, limit, chosen[k]);
        }
      }
    } else {
      for (int round = 0; round < ratio; round++) {
        for (int k = 0; k < treated.length; k++) {
          Pool pool = pools.get(strata[treated[k]]);
          int c = pool == null ? -1 : pool.takeNearest(distance[treated[k]], limit);
          if (c >= 0) {
            chosen[k][counts[k]++] = c;
          }
        }
      }
    }
    double[] weights = new double[n];
    List<Match> matches = new ArrayList<>();
    List<Integer> unmatched = new ArrayList<>();
    for (int k = 0; k < treated.length; k++) {
      if (counts[k] == 0) {
        unmatched.add(treated[k]);
        continue;
      }
      int[] mine = Arrays.copyOf(chosen[k], counts[k]);
      matches.add(new Match(treated[k], Arrays.stream(mine).boxed().toList()));
      weights[treated[k]] = 1;
      for (int c : mine) {
        weights[c] += 1.0 / mine.length;
      }
    }
    double controlSum = 0;
    long matchedControls = 0;
    for (int i = 0; i < n; i++) {
      if (treatment[i] == 0 && weights[i] > 0) {
        controlSum += weights[i];
        matchedControls++;
      }
    }
    for (int i = 0; i < n; i++) {
      if (treatment[i] == 0) {
        weights[i] *= matchedControls / controlSum;
      }
    }
    unmatched.sort(Integer::compare);
    return new Result(matches, weights, unmatched, width);
  }

  /** The treated rows in the order they choose. */
  private int[] treatedInOrder(double[] treatment, double[] distance) {
    IntPredicate isTreated = i -> treatment[i] == 1;
    int[] rows = switch (order) {
      case LARGEST -> sortedByDistance(Arrays.stream(distance).map(d -> -d).toArray(), isTreated);
      case SMALLEST -> sortedByDistance(distance, isTreated);
      case DATA, RANDOM -> IntStream.range(0, treatment.length).filter(isTreated).toArray();
    };
    if (order == Order.RANDOM) {
      Random random = new Random(seed);
      for (int i = rows.length - 1; i > 0; i--) { // Fisher-Yates
        int j = random.nextInt(i + 1);
        int swap = rows[i];
        rows[i] = rows[j];
        rows[j] = swap;
      }
    }
    return rows;
  }

  /**
   * The rows passing {@code keep}, sorted by value and then by row: the rank of each value among
   * the sorted values and the row are packed in a long, so one primitive sort does it.
   */
  private static int[] sortedByDistance(double[] value, IntPredicate keep) {
    int[] rows = IntStream.range(0, value.length).filter(keep).toArray();
    double[] sorted = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      sorted[i] = value[rows[i]];
    }
    Arrays.sort(sorted);
    long[] keys = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      keys[i] = (long) lowerBound(sorted, value[rows[i]]) << 32 | rows[i];
    }
    Arrays.sort(keys);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (int) keys[i];
    }
    return rows;
  }

  /** The first index whose value is not below {@code v}. */
  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * One stratum's controls sorted by distance (ties by row), with the unmatched ones found in
   * near-constant time from either side: two union-find "next unmatched" forests with path
   * halving, so a whole matching costs O(n log n) for the sort and about O(n) after it.
   */
  private static final class Pool {
    private int[] rows;
    private double[] values;
    private int size;
    private int[] blockStart;
    private int[] nextRight;
    private int[] nextLeft;

    Pool(int capacity) {
      rows = new int[Math.min(capacity, 16)];
      values = new double[rows.length];
    }

    void add(int row, double value) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      rows[size] = row;
      values[size++] = value;
    }

    void seal() {
      blockStart = new int[size];
      for (int p = 0; p < size; p++) {
        blockStart[p] = p > 0 && values[p] == values[p - 1] ? blockStart[p - 1] : p;
      }
      nextRight = IntStream.rangeClosed(0, size).toArray(); // size: none
      nextLeft = IntStream.rangeClosed(0, size).toArray(); // position p is index p + 1; 0: none
    }

    /** The first unmatched position at or after p ({@code size} if none). */
    private int right(int p) {
      while (nextRight[p] != p) {
        nextRight[p] = nextRight[nextRight[p]];
        p = nextRight[p];
      }
      return p;
    }

    /** The last unmatched position at or before p (−1 if none). */
    private int left(int p) {
      int q = p + 1;
      while (nextLeft[q] != q) {
        nextLeft[q] = nextLeft[nextLeft[q]];
        q = nextLeft[q];
      }
      return q - 1;
    }

    /** The first position whose value is above v. */
    private int split(double v) {
      return SortedSearch.firstAbove(values, 0, size, v);
    }

    /** Takes the nearest unmatched control within {@code limit}: its row, or −1. */
    int takeNearest(double v, double limit) {
      int s = split(v);
      int l = left(s - 1);
      if (l >= 0) {
        l = right(blockStart[l]); // the earliest unmatched row with that value
      }
      int r = right(s);
      int p;
      if (l < 0 && r == size) {
        return -1;
      } else if (l < 0) {
        p = r;
      } else if (r == size) {
        p = l;
      } else {
        double gl = v - values[l];
        double gr = values[r] - v;
        p = gl < gr || gl == gr && rows[l] < rows[r] ? l : r;
      }
      if (Math.abs(values[p] - v) > limit) {
        return -1;
      }
      nextRight[p] = p + 1;
      nextLeft[p + 1] = p;
      return rows[p];
    }

    /**
     * The (up to) {@code k} nearest controls within {@code limit}, matched or not, nearest first
     * (ties: the earlier row), written to {@code out}; returns how many.
     */
    int nearest(double v, int k, double limit, int[] out) {
      int s = split(v);
      int l = s - 1;
      int r = s;
      List<Integer> candidates = new ArrayList<>();
      double last = Double.NEGATIVE_INFINITY;
      while (l >= 0 || r < size) {
        double gl = l >= 0 ? v - values[l] : Double.POSITIVE_INFINITY;
        double gr = r < size ? values[r] - v : Double.POSITIVE_INFINITY;
        double g = Math.min(gl, gr);
        if (g > limit || candidates.size() >= k && g > last) {
          break;
        }
        candidates.add(gl <= gr ? l-- : r++);
        last = g;
      }
      candidates.sort(Comparator.comparingDouble((Integer p) -> Math.abs(values[p] - v)).thenComparingInt(p -> rows[p]));
      int m = Math.min(k, candidates.size());
      for (int i = 0; i < m; i++) {
        out[i] = rows[candidates.get(i)];
      }
      return m;
    }
  }
}
