package org.outcome.stats.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.GroupedSample;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.common.Exactness;
import org.outcome.stats.common.PValueMethod;
import org.outcome.stats.common.RankSums;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.NormalApproximation;
import org.outcome.stats.internal.RankSumDistribution;
import org.outcome.stats.internal.Signif;

/**
 * The Mann–Whitney (Wilcoxon rank-sum) test of the first group against the second, as R's
 * {@code wilcox.test(x, y, mu = ..., alternative = ..., exact = ..., correct = ...)} in R 4.2.
 * Immutable.
 *
 * <p>The algorithm is R's: the values {@code x - mu} of the first group and {@code y} of the second
 * are ranked together (ties get average ranks); {@code W = sum(ranks of x) - n_x (n_x + 1) / 2}, the
 * number of pairs with {@code x - mu > y} (ties counting one half). With R's default rule
 * ({@link Exactness#AUTO}) the p-value is exact when both groups have fewer than 50 values and
 * there are no ties; otherwise it is the normal approximation
 * {@code z = (W - n_x n_y / 2 - CORRECTION) / SIGMA},
 * {@code SIGMA^2 = (n_x n_y / 12) ((n_x + n_y + 1) - sum(t^3 - t) / ((n_x + n_y)(n_x + n_y - 1)))}.
 * The result reports the method actually used.
 *
 * <p>Cost: each group is sorted once and the two sorted arrays merged, O(n log n).
 *
 * <p>Degenerate data: a group with no members, or every value tied (SIGMA = 0; R gives NaN), raise
 * {@link DegenerateDataException}.
 */
public final class MannWhitneyTest {
  private static final MannWhitneyTest DEFAULT = new MannWhitneyTest(Alternative.TWO_SIDED, 0, Exactness.AUTO,
      ContinuityCorrection.APPLY, GroupChoice.levelOrder(), OptionalInt.empty());

  private final Alternative alternative;
  private final double mu;
  private final Exactness exactness;
  private final ContinuityCorrection correction;
  private final GroupChoice groups;
  private final OptionalInt digitsRank;

  private MannWhitneyTest(Alternative alternative, double mu, Exactness exactness, ContinuityCorrection correction,
      GroupChoice groups, OptionalInt digitsRank) {
    this.alternative = alternative;
    this.mu = mu;
    this.exactness = exactness;
    this.correction = correction;
    this.groups = groups;
    this.digitsRank = digitsRank;
  }

  /** R's defaults: two-sided, {@code mu = 0}, the automatic exact rule, continuity correction. */
  public static MannWhitneyTest withDefaults() {
    return DEFAULT;
  }

  /** This test with another alternative. */
  public MannWhitneyTest withAlternative(Alternative value) {
    return new MannWhitneyTest(Arguments.option(value, "alternative"), mu, exactness, correction, groups, digitsRank);
  }

  /** This test with another null location shift. */
  public MannWhitneyTest withMu(double value) {
    return new MannWhitneyTest(alternative, Arguments.finite(value, "mu"), exactness, correction, groups, digitsRank);
  }

  /** This test with another exact rule. */
  public MannWhitneyTest withExactness(Exactness value) {
    return new MannWhitneyTest(alternative, mu, Arguments.option(value, "exactness"), correction, groups, digitsRank);
  }

  /** This test with or without continuity correction of the normal approximation. */
  public MannWhitneyTest withContinuityCorrection(ContinuityCorrection value) {
    return new MannWhitneyTest(alternative, mu, exactness, Arguments.option(value, "correction"), groups, digitsRank);
  }

  /** This test comparing other groups, or in another order. */
  public MannWhitneyTest withGroups(GroupChoice value) {
    return new MannWhitneyTest(alternative, mu, exactness, correction, Arguments.option(value, "groups"), digitsRank);
  }

  /**
   * This test ranking the values rounded to {@code digits} significant digits, as R's
   * {@code digits.rank} (default: no rounding).
   */
  public MannWhitneyTest withDigitsRank(int digits) {
    return new MannWhitneyTest(alternative, mu, exactness, correction, groups,
        OptionalInt.of(Arguments.digitsRank(digits)));
  }

  /**
   * Runs the test on the chosen groups.
   *
   * @throws InvalidInputException if the groups cannot be chosen, or an exact p-value is forced
   *     for groups beyond the exact distribution's limit
   * @throws DegenerateDataException if every value is tied
   */
  public Result test(GroupedSample sample) {
    GroupChoice.Chosen chosen = groups.resolve(sample);
    return run(chosen.first(), chosen.second(), rank(chosen.x(), chosen.y()));
  }

  /** Runs the test on two arrays of values, named for the result. */
  public Result test(String firstName, double[] x, String secondName, double[] y) {
    return run(firstName, secondName, rank(x, y));
  }

  /**
   * Runs the test on a summary of the two groups (for example one computed on a cluster): the
   * summary's groups, in its order, giving what {@link #test(GroupedSample)} gives on the values.
   *
   * @throws IllegalArgumentException if the summary's values were ranked with another {@code mu}
   *     or {@code digits.rank} than this test's
   * @throws DegenerateDataException as {@link #test(GroupedSample)}
   */
  public Result test(TwoGroupSummary summary) {
    Arguments.sameRanking(summary.rankedMu(), summary.rankedDigits(), mu, digitsRank, "values");
    return run(summary.firstLevel(), summary.secondLevel(), summary.ranks());
  }

  /**
   * A value of the first group as this test ranks it: less {@code mu}, and rounded to
   * {@code digits.rank} significant digits when set.
   */
  public double rankedFirst(double value) {
    return rankedSecond(value - mu);
  }

  /** A value of the second group as this test ranks it: rounded to {@code digits.rank} significant digits when set. */
  public double rankedSecond(double value) {
    return digitsRank.isPresent() ? Signif.round(value, digitsRank.getAsInt()) : value;
  }

  /** The null value {@code mu} of the location shift. */
  public double mu() {
    return mu;
  }

  /** The significant digits values are rounded to before ranking, when set. */
  public OptionalInt digitsRank() {
    return digitsRank;
  }

  /** The two groups' values ranked together as this test ranks them (the arrays are not changed). */
  RankSums rank(double[] x, double[] y) {
    double[] a = new double[x.length];
    double[] b = new double[y.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = rankedFirst(x[i]);
    }
    for (int j = 0; j < b.length; j++) {
      b[j] = rankedSecond(y[j]);
    }
    return RankSums.of(a, b);
  }

  private Result run(String firstName, String secondName, RankSums ranks) {
    long nx = ranks.first();
    long ny = ranks.second();
    if (nx == 0 || ny == 0) {
      throw new DegenerateDataException("group '" + (nx == 0 ? firstName : secondName) + "' has no members",
          "a group with no members cannot be compared");
    }
    double dx = nx;
    double dy = ny;
    double w = ranks.rankSumFirst() - dx * (dx + 1) / 2;
    List<Warning> warnings = new ArrayList<>();
    boolean wantExact = switch (exactness) {
      case AUTO -> nx < 50 && ny < 50;
      case EXACT -> true;
      case APPROXIMATE -> false;
    };
    if (wantExact && !ranks.ties()) {
      if (nx * ny > RankSumDistribution.MAX_PRODUCT) {
        throw InvalidInputException.of("exact test not available", Violation.at("exactness",
            "the exact rank-sum distribution is computed for n_x * n_y up to " + RankSumDistribution.MAX_PRODUCT
                + ", not " + nx * ny + "; use the normal approximation"));
      }
      double p = RankSumDistribution.of((int) nx, (int) ny).pValue(w, alternative);
      return new MannWhitneyTestResult(nx, ny, firstName, secondName, w, OptionalDouble.empty(), p, PValueMethod.EXACT,
          alternative, mu, warnings);
    }
    if (wantExact && exactness == Exactness.EXACT) {
      warnings.add(Warning.of("exact-unavailable", "cannot compute the exact p-value with ties; the normal approximation was used"));
    }
    double total = dx + dy;
    double sigma = Math.sqrt((dx * dy / 12) * ((total + 1) - ranks.tieTerm() / (total * (total - 1))));
    if (!(sigma > 0)) {
      throw new DegenerateDataException("all " + (nx + ny) + " values are tied, so the groups cannot be ranked apart",
          "there is no difference in ranks to test: report that every value is equal");
    }
    NormalApproximation normal = NormalApproximation.of(w - dx * dy / 2, sigma, alternative, correction);
    return new MannWhitneyTestResult(nx, ny, firstName, secondName, w, OptionalDouble.of(normal.z()), normal.pValue(),
        normal.method(), alternative, mu, warnings);
  }

  /**
   * The Mann–Whitney result.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits MannWhitneyTestResult {
    /** The first group's size. */
    long nFirst();

    /** The second group's size. */
    long nSecond();

    /** The first group. */
    String firstLevel();

    /** The second group. */
    String secondLevel();

    /** The statistic W (R's), the Mann–Whitney U of the first group. */
    double w();

    /** The standardized statistic, when the normal approximation was used. */
    OptionalDouble z();

    /** The p-value. */
    double pValue();

    /** How the p-value was computed. */
    PValueMethod pValueMethod();

    /** The alternative tested. */
    Alternative alternative();

    /** The null location shift. */
    double mu();

    /**
     * The probability of superiority {@code W / (n_x n_y)}: the chance that a value of the first
     * group exceeds one of the second, ties counting one half (the common-language effect size).
     */
    double probabilityOfSuperiority();
  }

  /** The one implementation of {@link Result}. */
  private record MannWhitneyTestResult(long nFirst, long nSecond, String firstLevel, String secondLevel, double w,
      OptionalDouble z, double pValue, PValueMethod pValueMethod, Alternative alternative, double mu,
      List<Warning> warnings) implements Result {
    MannWhitneyTestResult {
      warnings = List.copyOf(warnings);
    }

    /**
     * The probability of superiority {@code W / (n_x n_y)}: the chance that a value of the first
     * group exceeds one of the second, ties counting one half (the common-language effect size).
     */
    @Override
    public double probabilityOfSuperiority() {
      return w / ((double) nFirst * nSecond);
    }

    @Override
    public String method() {
      return "Mann-Whitney (Wilcoxon rank-sum) test, " + pValueMethod.label();
    }

    @Override
    public long nUsed() {
      return nFirst + nSecond;
    }

    /**
     * No estimate: like R's {@code wilcox.test} without {@code conf.int}, the test reports W and p;
     * {@link #probabilityOfSuperiority()} gives the common-language effect size.
     */
    @Override
    public Optional<Estimate> estimate() {
      return Optional.empty();
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("W", w, pValue));
    }
  }
}
