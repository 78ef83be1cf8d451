package org.outcome.stats.paired;

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
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.common.Exactness;
import org.outcome.stats.common.PValueMethod;
import org.outcome.stats.common.RankSums;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.NormalApproximation;
import org.outcome.stats.internal.SignedRankDistribution;
import org.outcome.stats.internal.Signif;

/**
 * The Wilcoxon signed-rank test of the differences {@code after - before}, as R's
 * {@code wilcox.test(after, before, paired = TRUE, mu = mu, alternative = ..., exact = ...,
 * correct = ...)} in R 4.2. Immutable.
 *
 * <p>The algorithm is R's ({@code wilcox.test.default}): differences {@code d = after - before - mu}
 * equal to zero are dropped; the rest are ranked by absolute value (ties get average ranks) and
 * {@code V} is the sum of the ranks of the positive differences. With R's default rule
 * ({@link Exactness#AUTO}) the p-value is exact when fewer than 50 non-zero differences remain and
 * there are neither ties nor zeros; otherwise it is the normal approximation
 * {@code z = (V - n(n+1)/4 - CORRECTION) / SIGMA} with
 * {@code SIGMA^2 = n(n+1)(2n+1)/24 - sum(t^3 - t)/48} over groups of tied absolute values, and
 * {@code CORRECTION = sign(z) * 0.5} (two-sided) or {@code ±0.5} (one-sided) when corrected.
 * The result reports the method actually used.
 *
 * <p>Cost: the positive and negative differences are sorted once each and merged, O(n log n).
 *
 * <p>Degenerate data: when every difference is zero there is nothing to rank and
 * {@link DegenerateDataException} is raised (R returns a NaN p-value).
 */
public final class WilcoxonSignedRankTest {
  private static final WilcoxonSignedRankTest DEFAULT = new WilcoxonSignedRankTest(Alternative.TWO_SIDED, 0,
      Exactness.AUTO, ContinuityCorrection.APPLY, OptionalInt.empty());

  private final Alternative alternative;
  private final double mu;
  private final Exactness exactness;
  private final ContinuityCorrection correction;
  private final OptionalInt digitsRank;

  private WilcoxonSignedRankTest(Alternative alternative, double mu, Exactness exactness,
      ContinuityCorrection correction, OptionalInt digitsRank) {
    this.alternative = alternative;
    this.mu = mu;
    this.exactness = exactness;
    this.correction = correction;
    this.digitsRank = digitsRank;
  }

  /** R's defaults: two-sided, {@code mu = 0}, the automatic exact rule, continuity correction. */
  public static WilcoxonSignedRankTest withDefaults() {
    return DEFAULT;
  }

  /** This test with another alternative. */
  public WilcoxonSignedRankTest withAlternative(Alternative value) {
    return new WilcoxonSignedRankTest(Arguments.option(value, "alternative"), mu, exactness, correction, digitsRank);
  }

  /** This test with another null value of the location of the differences. */
  public WilcoxonSignedRankTest withMu(double value) {
    return new WilcoxonSignedRankTest(alternative, Arguments.finite(value, "mu"), exactness, correction, digitsRank);
  }

  /** This test with another rule for exact p-values. */
  public WilcoxonSignedRankTest withExactness(Exactness value) {
    return new WilcoxonSignedRankTest(alternative, mu, Arguments.option(value, "exactness"), correction, digitsRank);
  }

  /** This test with or without the continuity correction of the normal approximation. */
  public WilcoxonSignedRankTest withContinuityCorrection(ContinuityCorrection value) {
    return new WilcoxonSignedRankTest(alternative, mu, exactness, Arguments.option(value, "correction"), digitsRank);
  }

  /**
   * This test ranking the absolute differences rounded to {@code digits} significant digits, as
   * R's {@code digits.rank} (R's default, and this class's, is no rounding). Differences of
   * decimal scores such as {@code 20.04 - 20.05} and {@code 20.38 - 20.39} differ in their last
   * binary digits, so without rounding they are not tied and the result can change when a
   * constant is added to every score; R's documentation suggests {@code digits.rank = 7} for such
   * data.
   */
  public WilcoxonSignedRankTest withDigitsRank(int digits) {
    return new WilcoxonSignedRankTest(alternative, mu, exactness, correction,
        OptionalInt.of(Arguments.digitsRank(digits)));
  }

  /**
   * Runs the test.
   *
   * @throws DegenerateDataException if every difference equals {@code mu}
   * @throws InvalidInputException if {@link Exactness#EXACT} is asked for more than
   *     1000 non-zero differences (the exact distribution's limit)
   */
  public Result test(PairedSample sample) {
    Ranked r = rank(sample);
    return run(r.zeros(), r.ranks());
  }

  /** A sample's differences as this test ranks them: the zeros dropped and the rest ranked. */
  record Ranked(long zeros, RankSums ranks) {}

  Ranked rank(PairedSample sample) {
    int pairs = sample.size();
    double[] positive = new double[pairs];
    double[] negative = new double[pairs];
    int np = 0;
    int nn = 0;
    for (int i = 0; i < pairs; i++) {
      double d = rankedDifference(sample.difference(i));
      if (d > 0) {
        positive[np++] = d;
      } else if (d < 0) {
        negative[nn++] = -d;
      }
    }
    return new Ranked(pairs - (np + nn), RankSums.of(positive, np, negative, nn));
  }

  /**
   * Runs the test on a summary of the pairs (for example one computed on a cluster), giving what
   * {@link #test(PairedSample)} gives on those pairs.
   *
   * @throws IllegalArgumentException if the summary's differences were ranked with another
   *     {@code mu} or {@code digits.rank} than this test's
   * @throws DegenerateDataException if every difference equals {@code mu}
   * @throws InvalidInputException as {@link #test(PairedSample)}
   */
  public Result test(PairedSummary summary) {
    Arguments.sameRanking(summary.rankedMu(), summary.rankedDigits(), mu, digitsRank, "differences");
    return run(summary.zeros(), summary.signedRanks());
  }

  /**
   * The difference {@code after - before} as this test ranks it: less {@code mu}, and rounded to
   * {@code digits.rank} significant digits when set. Zero is dropped; the absolute values of the
   * rest are ranked, the positive ones being the "first sample" of {@link RankSums}.
   */
  public double rankedDifference(double difference) {
    double d = difference - mu;
    if (digitsRank.isEmpty() || d == 0) {
      return d;
    }
    return d > 0 ? Signif.round(d, digitsRank.getAsInt()) : -Signif.round(-d, digitsRank.getAsInt());
  }

  /** The null value {@code mu}. */
  public double mu() {
    return mu;
  }

  /** The significant digits differences are rounded to before ranking, when set. */
  public OptionalInt digitsRank() {
    return digitsRank;
  }

  private Result run(long zeros, RankSums ranks) {
    long n = ranks.total();
    long pairs = n + zeros;
    if (n == 0) {
      throw new DegenerateDataException(pairs == 0 ? "there are no pairs"
              : "all " + pairs + " differences are zero" + (mu == 0 ? "" : " after subtracting mu"),
          "there is no change to rank: report that nobody changed");
    }
    double v = ranks.rankSumFirst();
    List<Warning> warnings = new ArrayList<>();
    if (zeros > 0) {
      warnings.add(Warning.of("zero-differences-dropped",
          zeros + " of " + pairs + " differences are zero and were dropped before ranking (R's rule)"));
    }
    boolean wantExact = switch (exactness) {
      case AUTO -> n < 50;
      case EXACT -> true;
      case APPROXIMATE -> false;
    };
    if (wantExact && !ranks.ties() && zeros == 0) {
      if (n > SignedRankDistribution.MAX_N) {
        throw InvalidInputException.of("exact test not available", Violation.at("exactness",
            "the exact signed-rank distribution is computed for at most " + SignedRankDistribution.MAX_N
                + " differences, not " + n + "; use the normal approximation"));
      }
      double p = SignedRankDistribution.of((int) n).pValue(v, alternative);
      return new WilcoxonSignedRankTestResult(pairs, n, zeros, v, OptionalDouble.empty(), p, PValueMethod.EXACT,
          alternative, mu, warnings);
    }
    if (wantExact && exactness == Exactness.EXACT) {
      warnings.add(Warning.of("exact-unavailable", "cannot compute the exact p-value with "
          + (ranks.ties() ? "ties" : "zeroes") + "; the normal approximation was used"));
    }
    double nd = n;
    double sigma = Math.sqrt(nd * (nd + 1) * (2 * nd + 1) / 24 - ranks.tieTerm() / 48);
    NormalApproximation normal = NormalApproximation.of(v - nd * (nd + 1) / 4, sigma, alternative, correction);
    return new WilcoxonSignedRankTestResult(pairs, n, zeros, v, OptionalDouble.of(normal.z()), normal.pValue(),
        normal.method(), alternative, mu, warnings);
  }

  /**
   * The signed-rank test result.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits WilcoxonSignedRankTestResult {
    /** The number of pairs in the sample. */
    long pairs();

    /** The number of non-zero differences ranked (the n of the test). */
    long n();

    /** The number of zero differences dropped. */
    long zeros();

    /** The statistic V, the sum of the ranks of the positive differences. */
    double v();

    /** The standardized statistic, when the normal approximation was used. */
    OptionalDouble z();

    /** The p-value for the alternative. */
    double pValue();

    /** How the p-value was computed. */
    PValueMethod pValueMethod();

    /** The alternative tested. */
    Alternative alternative();

    /** The null value. */
    double mu();
  }

  /** The one implementation of {@link Result}. */
  private record WilcoxonSignedRankTestResult(long pairs, long n, long zeros, double v, OptionalDouble z,
      double pValue, PValueMethod pValueMethod, Alternative alternative, double mu,
      List<Warning> warnings) implements Result {
    WilcoxonSignedRankTestResult {
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Wilcoxon signed-rank test, " + pValueMethod.label();
    }

    @Override
    public long nUsed() {
      return n;
    }

    /** No estimate: the test reports V and p only (R computes the pseudomedian only on request). */
    @Override
    public Optional<Estimate> estimate() {
      return Optional.empty();
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("V", v, pValue));
    }
  }
}
