package org.outcome.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.common.RankSums;
import org.outcome.stats.descriptive.Descriptives;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoGroupSummary;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.PairedCohort;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedSummary;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.GroupedSamples;
import org.outcome.testkit.samples.PairedSamples;

/**
 * The summary forms of the before-and-after and two-group analyses ({@link PairedSummary},
 * {@link TwoGroupSummary}, {@link RankSums}, {@link ReliableChange.Tally}) built the way a cluster
 * engine builds them: rows split at random among parts, each part summarised alone, the moments
 * merged in any order, the distinct ranked values counted, sorted and cut into ranges summarised
 * alone and joined in order. The analyses on such a summary must give what they give on the
 * sample: counts, ranks and p-value methods exactly, moments to rounding error.
 */
class SummariesTest {
  private static final int EXAMPLES = 200;
  private static final double RELATIVE = 1e-9;

  static boolean close(double a, double b) {
    return a == b || Math.abs(a - b) <= RELATIVE * Math.max(1e-300, Math.max(Math.abs(a), Math.abs(b)))
        || Math.abs(a - b) <= 1e-12;
  }

  /** What a run gives: the result, or the degenerate-data refusal's problem. */
  static <R> Object outcome(Supplier<R> run) {
    try {
      return run.get();
    } catch (DegenerateDataException e) {
      return "degenerate: " + e.problem();
    }
  }

  /** The values' descriptives from random parts merged in random order. */
  static Descriptives merged(double[] values, Random random) {
    int parts = 1 + random.nextInt(5);
    List<List<Double>> split = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      split.add(new ArrayList<>());
    }
    for (double v : values) {
      split.get(random.nextInt(parts)).add(v);
    }
    java.util.Collections.shuffle(split, random);
    Descriptives all = Descriptives.empty();
    for (List<Double> part : split) {
      all = all.merge(Descriptives.of(part.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return all;
  }

  /**
   * Ranks as an engine does: counts per distinct value (first sample, total), sorted, cut into
   * random ranges, each range folded alone, the ranges joined in order.
   */
  static RankSums rankedInRanges(double[] first, double[] second, Random random) {
    TreeMap<Double, long[]> counts = new TreeMap<>();
    for (double v : first) {
      long[] c = counts.computeIfAbsent(v == 0 ? 0.0 : v, k -> new long[2]);
      c[0]++;
      c[1]++;
    }
    for (double v : second) {
      counts.computeIfAbsent(v == 0 ? 0.0 : v, k -> new long[2])[1]++;
    }
    List<RankSums> ranges = new ArrayList<>();
    RankSums range = RankSums.empty();
    for (Map.Entry<Double, long[]> e : counts.entrySet()) {
      range = range.then(RankSums.group(e.getValue()[0], e.getValue()[1]));
      if (random.nextInt(4) == 0) {
        ranges.add(range);
        range = RankSums.empty();
      }
    }
    ranges.add(range);
    RankSums all = RankSums.empty();
    for (RankSums r : ranges) {
      all = all.then(r);
    }
    return all;
  }

  static double[] map(double[] values, DoubleUnaryOperator f) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = f.applyAsDouble(values[i]);
    }
    return out;
  }

  @Test
  void rankSumsFromRangesEqualTheSortedMergeAndTheAverageRanks() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.grouped(GroupedSamples.of(2, 2, 40)), longs().all())
        .checkAssert((s, seed) -> {
          double[] x = s.values(s.levels().get(0));
          double[] y = s.values(s.levels().get(1));
          RankSums sorted = RankSums.of(x.clone(), y.clone());
          assertThat(rankedInRanges(x, y, new Random(seed))).isEqualTo(sorted);
          // R's rank(): the average of the positions a tied value spans, over the pooled values
          double[] pooled = new double[x.length + y.length];
          System.arraycopy(x, 0, pooled, 0, x.length);
          System.arraycopy(y, 0, pooled, x.length, y.length);
          double rankSum = 0;
          double tieTerm = 0;
          for (int i = 0; i < pooled.length; i++) {
            long below = 0;
            long equal = 0;
            for (double v : pooled) {
              below += v < pooled[i] ? 1 : 0;
              equal += v == pooled[i] ? 1 : 0;
            }
            if (i < x.length) {
              rankSum += below + (equal + 1) / 2.0;
            }
            tieTerm += (equal * equal - 1.0) * equal / equal; // t^3 - t counted once per member: t^2 - 1 each
          }
          assertThat(sorted.rankSumFirst()).isEqualTo(rankSum);
          assertThat(sorted.tieTerm()).isEqualTo(tieTerm);
          assertThat(sorted.first()).isEqualTo(x.length);
          assertThat(sorted.total()).isEqualTo(pooled.length);
        });
  }

  @Test
  void joiningRankSumsIsAssociative() {
    qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
          Random random = new Random(seed);
          RankSums[] g = new RankSums[3];
          for (int k = 0; k < 3; k++) {
            int total = 1 + random.nextInt(6);
            g[k] = RankSums.group(random.nextInt(total + 1), total);
          }
          RankSums ga = g[0];
          RankSums gb = g[1];
          RankSums gc = g[2];
          assertThat(ga.then(gb).then(gc)).isEqualTo(ga.then(gb.then(gc)));
          assertThat(RankSums.empty().then(ga)).isEqualTo(ga);
          assertThat(ga.then(RankSums.empty())).isEqualTo(ga);
        });
  }

  @Test
  void rankSumsRefuseImpossibleCounts() {
    assertThatThrownBy(() -> RankSums.group(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RankSums.group(0, 0)).isInstanceOf(IllegalArgumentException.class);
    // two values of four have ranks summing to 3 .. 7
    assertThatThrownBy(() -> new RankSums(2, 4, 2.5, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RankSums(2, 4, 7.5, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RankSums(2, 4, 5, 61)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new RankSums(2, 4, 7, 60).ties()).isTrue();
  }

  /** A paired summary as an engine builds it, for the intention-to-treat set. */
  static PairedSummary engineSummary(PairedSample s, WilcoxonSignedRankTest ranking, Random random) {
    double[] d = map(s.differences(), ranking::rankedDifference);
    double[] positive = java.util.Arrays.stream(d).filter(v -> v > 0).toArray();
    double[] negative = java.util.Arrays.stream(d).filter(v -> v < 0).map(v -> -v).toArray();
    long zeros = d.length - positive.length - negative.length;
    return new PairedSummary(AnalysisSet.intentionToTreat(), s.size(), Map.of(), merged(s.beforeValues(), random),
        merged(s.afterValues(), random), merged(s.differences(), random), zeros,
        rankedInRanges(positive, negative, random), ranking.mu(), ranking.digitsRank(), Optional.empty());
  }

  @Test
  void pairedAnalysesOnAnEnginesSummaryEqualThoseOnTheSample() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.paired(PairedSamples.of(2, 60)), longs().all(),
        integers().between(0, 2)).checkAssert((s, seed, variant) -> {
          WilcoxonSignedRankTest w = switch (variant) {
            case 0 -> WilcoxonSignedRankTest.withDefaults();
            case 1 -> WilcoxonSignedRankTest.withDefaults().withMu(0.5);
            default -> WilcoxonSignedRankTest.withDefaults().withDigitsRank(3);
          };
          PairedSummary summary = engineSummary(s, w, new Random(seed));
          Object ws = outcome(() -> w.test(s));
          Object we = outcome(() -> w.test(summary));
          if (ws instanceof WilcoxonSignedRankTest.Result a && we instanceof WilcoxonSignedRankTest.Result b) {
            assertThat(b.v()).isEqualTo(a.v());
            assertThat(b.n()).isEqualTo(a.n());
            assertThat(b.zeros()).isEqualTo(a.zeros());
            assertThat(b.pValueMethod()).isEqualTo(a.pValueMethod());
            assertThat(b.pValue()).isEqualTo(a.pValue());
          } else {
            assertThat(we).isEqualTo(ws);
          }
          Object ts = outcome(() -> PairedTTest.withDefaults().test(s));
          Object te = outcome(() -> PairedTTest.withDefaults().test(summary));
          if (ts instanceof PairedTTest.Result a && te instanceof PairedTTest.Result b) {
            assertThat(b.n()).isEqualTo(a.n());
            for (double[] pair : new double[][] {{a.meanDifference(), b.meanDifference()},
                {a.sdDifference(), b.sdDifference()}, {a.t(), b.t()}, {a.pValue(), b.pValue()},
                {a.interval().lower(), b.interval().lower()}, {a.interval().upper(), b.interval().upper()}}) {
              assertThat(close(pair[0], pair[1])).as("%s vs %s", pair[0], pair[1]).isTrue();
            }
          } else if (!(ts instanceof PairedTTest.Result) && !(te instanceof PairedTTest.Result)) {
            assertThat(te).isEqualTo(ts);
          }
          Object es = outcome(() -> PairedEffectSize.withDefaults().compute(s));
          Object ee = outcome(() -> PairedEffectSize.withDefaults().compute(summary));
          if (es instanceof PairedEffectSize.Result a && ee instanceof PairedEffectSize.Result b) {
            assertThat(close(a.dz().value(), b.dz().value())).isTrue();
            assertThat(close(a.dav().value(), b.dav().value())).isTrue();
            assertThat(Double.isNaN(b.correlation())).isEqualTo(Double.isNaN(a.correlation()));
            assertThat(Double.isNaN(a.correlation()) || close(a.correlation(), b.correlation()))
                .as("%s vs %s", a.correlation(), b.correlation()).isTrue();
            assertThat(Double.isNaN(a.correlation()) || Math.abs(a.correlation()) <= 1).isTrue();
          }
        });
  }

  @Test
  void aSummaryRankedAnotherWayIsRefused() {
    PairedSample s = PairedSample.of(new double[] {1, 2, 3, 4}, new double[] {2, 2, 5, 3});
    PairedSummary summary = PairedSummary.of(AnalysisSet.intentionToTreat().select(
        PairedCohort.of(s.beforeValues(), s.afterValues())), WilcoxonSignedRankTest.withDefaults());
    assertThat(summary.zeros()).isEqualTo(1);
    assertThat(WilcoxonSignedRankTest.withDefaults().test(summary).v())
        .isEqualTo(WilcoxonSignedRankTest.withDefaults().test(s).v());
    assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().withMu(1).test(summary))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mu");
    assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().withDigitsRank(4).test(summary))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digits.rank");
  }

  @Test
  void pairedSummariesMustAddUp() {
    Descriptives two = Descriptives.of(1, 2);
    RankSums ranks = RankSums.of(new double[] {1}, new double[] {2});
    assertThat(new PairedSummary(AnalysisSet.intentionToTreat(), 3,
        Map.of(AnalysisSet.Exclusion.MISSING_BASELINE, 1L), two, two, two, 0, ranks, 0, OptionalInt.empty(), Optional.empty())
        .excludedTotal()).isEqualTo(1);
    assertThatThrownBy(() -> new PairedSummary(AnalysisSet.intentionToTreat(), 2,
        Map.of(AnalysisSet.Exclusion.MISSING_BASELINE, 1L), two, two, two, 0, ranks, 0, OptionalInt.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enrolled");
    assertThatThrownBy(() -> new PairedSummary(AnalysisSet.intentionToTreat(), 2, Map.of(), two, two,
        Descriptives.of(1), 0, ranks, 0, OptionalInt.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PairedSummary(AnalysisSet.intentionToTreat(), 2, Map.of(), two, two, two, 1, ranks,
        0, OptionalInt.empty(), Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero");
    ReliableChange rule = ReliableChange.of(0.8, 5);
    assertThatThrownBy(() -> new PairedSummary(AnalysisSet.intentionToTreat(), 2, Map.of(), two, two, two, 0, ranks,
        0, OptionalInt.empty(), Optional.of(rule.tally(1, 2)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tally");
  }

  @Test
  void twoGroupAnalysesOnAnEnginesSummaryEqualThoseOnTheSample() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.grouped(GroupedSamples.of(2, 2, 60)), longs().all(),
        integers().between(0, 2)).checkAssert((s, seed, variant) -> {
          MannWhitneyTest mw = switch (variant) {
            case 0 -> MannWhitneyTest.withDefaults();
            case 1 -> MannWhitneyTest.withDefaults().withMu(-1.5);
            default -> MannWhitneyTest.withDefaults().withDigitsRank(2);
          };
          Random random = new Random(seed);
          String first = s.levels().get(0);
          String second = s.levels().get(1);
          double[] x = s.values(first);
          double[] y = s.values(second);
          TwoGroupSummary summary = new TwoGroupSummary(first, merged(x, random), second, merged(y, random),
              rankedInRanges(map(x, mw::rankedFirst), map(y, mw::rankedSecond), random), mw.mu(), mw.digitsRank());
          Object ms = outcome(() -> mw.test(s));
          Object me = outcome(() -> mw.test(summary));
          if (ms instanceof MannWhitneyTest.Result a && me instanceof MannWhitneyTest.Result b) {
            assertThat(b.w()).isEqualTo(a.w());
            assertThat(b.pValueMethod()).isEqualTo(a.pValueMethod());
            assertThat(b.pValue()).isEqualTo(a.pValue());
            assertThat(b.firstLevel()).isEqualTo(a.firstLevel());
          } else {
            assertThat(me).isEqualTo(ms);
          }
          for (TwoSampleTTest t : List.of(TwoSampleTTest.withDefaults(), TwoSampleTTest.student())) {
            Object ts = outcome(() -> t.test(s));
            Object te = outcome(() -> t.test(summary));
            if (ts instanceof TwoSampleTTest.Result a && te instanceof TwoSampleTTest.Result b) {
              assertThat(close(a.t(), b.t())).as("%s vs %s", a.t(), b.t()).isTrue();
              assertThat(close(a.df(), b.df())).isTrue();
              assertThat(close(a.pValue(), b.pValue())).isTrue();
              assertThat(close(a.interval().lower(), b.interval().lower())).isTrue();
              assertThat(b.first().n()).isEqualTo(a.first().n());
            } else if (!(ts instanceof TwoSampleTTest.Result) && !(te instanceof TwoSampleTTest.Result)) {
              assertThat(te).isEqualTo(ts);
            }
          }
          Object ds = outcome(() -> StandardizedMeanDifference.withDefaults().compute(s));
          Object de = outcome(() -> StandardizedMeanDifference.withDefaults().compute(summary));
          if (ds instanceof StandardizedMeanDifference.Result a && de instanceof StandardizedMeanDifference.Result b) {
            assertThat(close(a.d().value(), b.d().value())).isTrue();
            assertThat(close(a.g().value(), b.g().value())).isTrue();
          }
        });
  }

  @Test
  void aSummaryOfTheChosenGroupsFollowsTheChoice() {
    GroupedSample s = GroupedSample.of(new double[] {1, 2, 3, 4, 5, 6},
        org.outcome.api.sample.Factor.grouping("arm", new String[] {"b", "a", "c", "b", "a", "c"}));
    TwoGroupSummary summary = TwoGroupSummary.of(s, GroupChoice.of("c", "a"), MannWhitneyTest.withDefaults());
    assertThat(summary.firstLevel()).isEqualTo("c");
    assertThat(summary.first().mean()).isEqualTo(4.5);
    assertThat(summary.second().mean()).isEqualTo(3.5);
    assertThat(GroupChoice.levelOrder().choose(List.of("x", "y"))).isEqualTo(new GroupChoice.Levels("x", "y"));
    assertThat(GroupChoice.first("y").choose(List.of("x", "y"))).isEqualTo(new GroupChoice.Levels("y", "x"));
    assertThatThrownBy(() -> GroupChoice.levelOrder().choose(List.of("x", "y", "z")))
        .isInstanceOf(org.outcome.api.InvalidInputException.class);
    assertThatThrownBy(() -> new TwoGroupSummary("a", Descriptives.of(1), "b", Descriptives.of(2),
        RankSums.of(new double[] {1, 2}, new double[] {3}), 0, OptionalInt.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reliableChangeTalliesAddUpToTheClassification() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.paired(PairedSamples.of(2, 60)), longs().all())
        .checkAssert((s, seed) -> {
          Random random = new Random(seed);
          ReliableChange rule = ReliableChange.of(0.5 + random.nextDouble() * 0.45, 1 + random.nextDouble() * 5)
              .withPolarity(random.nextBoolean() ? Polarity.HIGHER_IS_BETTER : Polarity.LOWER_IS_BETTER);
          if (random.nextBoolean()) {
            rule = rule.withCutoff(s.before(0) + random.nextGaussian());
          }
          ReliableChange.Result full = rule.classify(s);
          ReliableChange.Tally tally = rule.emptyTally();
          for (int i = s.size() - 1; i >= 0; i--) {
            tally = tally.merge(rule.tally(s.before(i), s.after(i)));
          }
          assertThat(tally).isEqualTo(rule.tally(s));
          ReliableChange.Summary summary = rule.summarise(tally);
          assertThat(List.of(summary.n(), summary.recovered(), summary.improved(), summary.unchanged(),
              summary.deteriorated())).isEqualTo(List.of(full.n(), full.recovered(), full.improved(), full.unchanged(),
                  full.deteriorated()));
          assertThat(summary.functionalAtBaseline()).isEqualTo(full.functionalAtBaseline());
          assertThat(summary.warnings()).isEqualTo(full.warnings());
          assertThat(summary.estimate()).isEqualTo(full.estimate());
        });
  }

  @Test
  void aTallyBelongsToItsRuleAndTravelsWithIt() throws Exception {
    ReliableChange rule = ReliableChange.of(0.8, 5).withCutoff(40).withPolarity(Polarity.LOWER_IS_BETTER);
    ReliableChange other = ReliableChange.of(0.8, 5).withCutoff(41).withPolarity(Polarity.LOWER_IS_BETTER);
    ReliableChange.Tally tally = rule.tally(50, 30);
    assertThat(tally.recovered()).isEqualTo(1);
    assertThatThrownBy(() -> other.summarise(tally)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tally.merge(other.tally(50, 30))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.summarise(rule.emptyTally())).isInstanceOf(DegenerateDataException.class);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tally);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ReliableChange.Tally back = (ReliableChange.Tally) in.readObject();
      assertThat(back).isEqualTo(tally);
      assertThat(back.rule()).isEqualTo(rule).isNotEqualTo(other);
      assertThat(back.rule().summarise(back).recovered()).isEqualTo(1);
    }
  }

  @Test
  void exclusionsFollowTheOrderOfReasons() {
    AnalysisSet asTreated = AnalysisSet.asTreated(AnalysisSet.DoseRule.moreThan(3));
    assertThat(asTreated.exclusion(Double.NaN, Double.NaN, Double.NaN)).contains(AnalysisSet.Exclusion.DOSE_UNKNOWN);
    assertThat(asTreated.exclusion(Double.NaN, 1, 3)).contains(AnalysisSet.Exclusion.BELOW_DOSE);
    assertThat(asTreated.exclusion(Double.NaN, Double.NaN, 4)).contains(AnalysisSet.Exclusion.MISSING_BASELINE);
    assertThat(asTreated.exclusion(1, Double.NaN, 4)).contains(AnalysisSet.Exclusion.MISSING_FOLLOW_UP);
    assertThat(asTreated.exclusion(1, 2, 4)).isEmpty();
    assertThat(AnalysisSet.intentionToTreat().exclusion(1, 2, Double.NaN)).isEmpty();
  }
}
