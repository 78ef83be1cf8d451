package org.outcome.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.AncovaSummary;
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
 * Before-and-after, two-group and ANCOVA summaries on Spark equal the single-machine ones whatever the
 * partitioning: counts, exclusions, ranks and reliable change exactly; moments to 1e-12 relative
 * (absolute near zero).
 * Spark's adaptive execution is told not to coalesce shuffle partitions here, so that the sorted
 * distinct values are ranked in several ranges (joined in order) even in these small tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeSparkComparisonsTest {
  private static final String COALESCE = "spark.sql.adaptive.coalescePartitions.enabled";
  private static final StructType PAIRED = new StructType()
      .add("before", DataTypes.DoubleType, true)
      .add("after", DataTypes.DoubleType, true)
      .add("sessions", DataTypes.DoubleType, true);
  private static final StructType GROUPED = new StructType()
      .add("score", DataTypes.DoubleType, true)
      .add("arm", DataTypes.StringType, true);
  private static final ReliableChange RULE = ReliableChange.of(0.89, 6.8).withCutoff(40);

  @BeforeAll
  void rankInSeveralRanges() {
    SparkTests.spark().conf().set(COALESCE, "false");
  }

  @AfterAll
  void restore() {
    SparkTests.spark().conf().unset(COALESCE);
  }

  /** Equal to 1e-12 relative, or absolute near zero (a mean difference of 0 merged from parts may be 3e-17). */
  static void close(double a, double b) {
    assertThat(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.max(Math.abs(a), Math.abs(b))) || a == b)
        .as("%s vs %s", a, b).isTrue();
  }

  /** A cohort like SWEMWBS scores (7 to 35 in whole points, with gaps), some missing, some doses unknown. */
  static List<Row> pairedRows(long seed, int n) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double before = 7 + random.nextInt(29);
      double after = Math.max(7, Math.min(35, before + Math.round(random.nextGaussian() * 4 + 1.5)));
      Double missingAfter = random.nextBoolean() ? null : Double.valueOf(Double.NaN);
      rows.add(RowFactory.create(random.nextInt(20) == 0 ? null : Double.valueOf(before),
          random.nextInt(8) == 0 ? missingAfter : Double.valueOf(after),
          random.nextInt(15) == 0 ? null : Double.valueOf(random.nextInt(25))));
    }
    return rows;
  }

  static PairedCohort cohort(List<Row> rows) {
    double[][] cols = new double[3][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < 3; c++) {
        cols[c][i] = rows.get(i).isNullAt(c) ? Double.NaN : rows.get(i).getDouble(c);
      }
    }
    return PairedCohort.of(cols[0], cols[1]).withDose(cols[2]);
  }

  static void assertSamePaired(PairedSummary local, PairedSummary s) {
    assertThat(s.enrolled()).isEqualTo(local.enrolled());
    assertThat(s.excluded()).isEqualTo(local.excluded());
    assertThat(s.zeros()).isEqualTo(local.zeros());
    assertThat(s.signedRanks()).isEqualTo(local.signedRanks());
    assertThat(s.set()).isEqualTo(local.set());
    for (var pair : List.of(List.of(s.before(), local.before()), List.of(s.after(), local.after()),
        List.of(s.differences(), local.differences()))) {
      assertThat(pair.get(0).count()).isEqualTo(pair.get(1).count());
      close(pair.get(0).mean(), pair.get(1).mean());
      close(pair.get(0).variance(), pair.get(1).variance());
      assertThat(pair.get(0).min()).isEqualTo(pair.get(1).min());
      assertThat(pair.get(0).max()).isEqualTo(pair.get(1).max());
    }
    assertThat(s.reliableChange()).isEqualTo(local.reliableChange());
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 7})
  void aBeforeAndAfterCohortGivesTheSingleMachineSummaryWhateverThePartitioning(int partitions) {
    List<Row> rows = pairedRows(20_261_204L, 20_000);
    Dataset<Row> table = SparkTests.table(rows, PAIRED, partitions);
    PairedCohort cohort = cohort(rows);
    WilcoxonSignedRankTest w = WilcoxonSignedRankTest.withDefaults();
    for (AnalysisSet set : List.of(AnalysisSet.intentionToTreat(),
        AnalysisSet.asTreated(AnalysisSet.DoseRule.moreThan(10).withUnit("sessions")))) {
      AnalysisSet.Selection selection = set.select(cohort);
      PairedSummary local = PairedSummary.of(selection, w, Optional.of(RULE));
      PairedSummary spark = OutcomeSpark.paired(table, "before", "after", Optional.of("sessions"), set, w,
          Optional.of(RULE));
      assertSamePaired(local, spark);
      assertThat(local.excludedTotal()).isPositive();
      // the analyses: V and its p-value exactly, t and d to rounding
      WilcoxonSignedRankTest.Result wl = w.test(selection.sample());
      WilcoxonSignedRankTest.Result ws = w.test(spark);
      assertThat(ws.v()).isEqualTo(wl.v());
      close(ws.pValue(), wl.pValue());
      PairedTTest.Result tl = PairedTTest.withDefaults().test(selection.sample());
      PairedTTest.Result ts = PairedTTest.withDefaults().test(spark);
      close(ts.t(), tl.t());
      close(ts.interval().lower(), tl.interval().lower());
      close(PairedEffectSize.withDefaults().compute(spark).dav().value(),
          PairedEffectSize.withDefaults().compute(selection.sample()).dav().value());
      assertThat(RULE.summarise(spark.reliableChange().orElseThrow()).improved())
          .isEqualTo(RULE.classify(selection.sample()).improved());
    }
  }

  @Test
  void generatedPairsGiveTheSingleMachineSummary() {
    qt().withExamples(20).withShrinkCycles(3).forAll(QtGenerators.paired(PairedSamples.of(2, 40)), integers().between(1, 5),
        integers().between(0, 1)).checkAssert((sample, partitions, variant) -> {
          WilcoxonSignedRankTest w = variant == 0 ? WilcoxonSignedRankTest.withDefaults()
              : WilcoxonSignedRankTest.withDefaults().withMu(0.5).withDigitsRank(3);
          List<Row> rows = new ArrayList<>();
          for (int i = 0; i < sample.size(); i++) {
            rows.add(RowFactory.create(sample.before(i), sample.after(i), null));
          }
          AnalysisSet.Selection selection = AnalysisSet.intentionToTreat()
              .select(PairedCohort.of(sample.beforeValues(), sample.afterValues()));
          assertSamePaired(PairedSummary.of(selection, w, Optional.of(RULE)),
              OutcomeSpark.paired(SparkTests.table(rows, PAIRED, partitions), "before", "after", Optional.empty(),
                  AnalysisSet.intentionToTreat(), w, Optional.of(RULE)));
        });
  }

  /** Three arms, continuous scores with ties (rounded to a quarter point), some missing. */
  static List<Row> groupedRows(long seed, int n) {
    Random random = new Random(seed);
    String[] arms = {"peer", "usual", "waitlist"};
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int arm = random.nextInt(3);
      double score = Math.round((50 + 3 * arm + random.nextGaussian() * 8) * 4) / 4.0;
      rows.add(RowFactory.create(random.nextInt(12) == 0 ? null : Double.valueOf(score), arms[arm]));
    }
    return rows;
  }

  static GroupedSample complete(List<Row> rows) {
    List<Double> values = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (Row r : rows) {
      if (!r.isNullAt(0)) {
        values.add(r.getDouble(0));
        groups.add(r.getString(1));
      }
    }
    return GroupedSample.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
        Factor.grouping("arm", groups.toArray(String[]::new)));
  }

  static void assertSameGroups(TwoGroupSummary local, TwoGroupSummary spark) {
    assertThat(spark.firstLevel()).isEqualTo(local.firstLevel());
    assertThat(spark.secondLevel()).isEqualTo(local.secondLevel());
    assertThat(spark.ranks()).isEqualTo(local.ranks());
    for (var pair : List.of(List.of(spark.first(), local.first()), List.of(spark.second(), local.second()))) {
      assertThat(pair.get(0).count()).isEqualTo(pair.get(1).count());
      close(pair.get(0).mean(), pair.get(1).mean());
      close(pair.get(0).variance(), pair.get(1).variance());
    }
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 7})
  void twoOfThreeArmsGiveTheSingleMachineSummaryWhateverThePartitioning(int partitions) {
    List<Row> rows = groupedRows(20_261_205L, 20_000);
    Dataset<Row> table = SparkTests.table(rows, GROUPED, partitions);
    GroupedSample sample = complete(rows);
    MannWhitneyTest mw = MannWhitneyTest.withDefaults();
    GroupChoice choice = GroupChoice.of("usual", "peer");
    OutcomeSpark.Summarised<TwoGroupSummary> compared = OutcomeSpark.compare(table, "score", "arm", choice, mw);
    TwoGroupSummary local = TwoGroupSummary.of(sample, choice, mw);
    assertSameGroups(local, compared.summary());
    assertThat(compared.rowsRead()).isEqualTo(20_000);
    assertThat(compared.rowsMissing()).isEqualTo(20_000 - sample.size());
    assertThat(mw.test(compared.summary()).w()).isEqualTo(mw.withGroups(choice).test(sample).w());
    TwoSampleTTest.Result tl = TwoSampleTTest.withDefaults().withGroups(choice).test(sample);
    TwoSampleTTest.Result ts = TwoSampleTTest.withDefaults().test(compared.summary());
    close(ts.t(), tl.t());
    close(ts.df(), tl.df());
    close(StandardizedMeanDifference.withDefaults().compute(compared.summary()).g().value(),
        StandardizedMeanDifference.withDefaults().withGroups(choice).compute(sample).g().value());
    assertThatThrownBy(() -> OutcomeSpark.compare(table, "score", "arm", GroupChoice.levelOrder(), mw))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot choose two groups");
  }

  @Test
  void generatedGroupsGiveTheSingleMachineSummary() {
    qt().withExamples(20).withShrinkCycles(3).forAll(QtGenerators.grouped(GroupedSamples.of(2, 2, 40)), integers().between(1, 5),
        integers().between(0, 1)).checkAssert((sample, partitions, variant) -> {
          MannWhitneyTest mw = variant == 0 ? MannWhitneyTest.withDefaults()
              : MannWhitneyTest.withDefaults().withMu(-1).withDigitsRank(2);
          List<Row> rows = new ArrayList<>();
          for (String level : sample.levels()) {
            for (double v : sample.values(level)) {
              rows.add(RowFactory.create(v, level));
            }
          }
          assertSameGroups(TwoGroupSummary.of(sample, GroupChoice.levelOrder(), mw),
              OutcomeSpark.compare(SparkTests.table(rows, GROUPED, partitions), "score", "arm",
                  GroupChoice.levelOrder(), mw).summary());
        });
  }

  private static final StructType PRE_POST = new StructType()
      .add("pre", DataTypes.DoubleType, true)
      .add("post", DataTypes.DoubleType, true)
      .add("arm", DataTypes.StringType, true);

  static void assertSameAncova(AncovaSummary local, AncovaSummary spark) {
    assertThat(spark.groups().keySet()).containsExactlyElementsOf(local.groups().keySet());
    local.groups().forEach((level, l) -> {
      AncovaSummary.Group s = spark.groups().get(level);
      assertThat(s.n()).isEqualTo(l.n());
      for (var pair : List.of(List.of(s.pre(), l.pre()), List.of(s.post(), l.post()), List.of(s.change(), l.change()))) {
        close(pair.get(0).mean(), pair.get(1).mean());
        close(pair.get(0).variance(), pair.get(1).variance());
        assertThat(pair.get(0).min()).isEqualTo(pair.get(1).min());
      }
      assertThat(Math.abs(s.crossProducts() - l.crossProducts())
          <= 1e-12 * Math.sqrt(l.pre().sumOfSquaredDeviations() * l.post().sumOfSquaredDeviations()) + 1e-300)
          .as("%s vs %s", s.crossProducts(), l.crossProducts()).isTrue();
    });
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 7})
  void anAncovaCohortGivesTheSingleMachineFitWhateverThePartitioning(int partitions) {
    Random random = new Random(20_261_206L);
    String[] arms = {"usual", "peer", "waitlist"};
    List<Row> rows = new ArrayList<>();
    List<double[]> complete = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int arm = random.nextInt(3);
      double pre = 14 + random.nextInt(57);
      double post = Math.round(0.6 * pre + 18 + 2 * arm + random.nextGaussian() * 6);
      boolean missing = random.nextInt(15) == 0;
      rows.add(RowFactory.create(pre, missing ? null : Double.valueOf(post), arms[arm]));
      if (!missing) {
        complete.add(new double[] {pre, post});
        groups.add(arms[arm]);
      }
    }
    GroupedPrePostSample sample = GroupedPrePostSample.of(complete.stream().mapToDouble(x -> x[0]).toArray(),
        complete.stream().mapToDouble(x -> x[1]).toArray(), Factor.grouping("arm", groups.toArray(String[]::new)));
    OutcomeSpark.Summarised<AncovaSummary> spark = OutcomeSpark.ancova(SparkTests.table(rows, PRE_POST, partitions),
        "pre", "post", "arm");
    assertSameAncova(AncovaSummary.of(sample), spark.summary());
    assertThat(spark.rowsMissing()).isEqualTo(20_000 - complete.size());
    Ancova ancova = Ancova.withDefaults().withReference("usual");
    Ancova.Result local = ancova.fit(sample);
    Ancova.Result onSpark = ancova.fit(spark.summary());
    assertThat(onSpark.levels()).isEqualTo(local.levels());
    for (int j = 0; j < local.ancova().coefficients().size(); j++) {
      close(onSpark.ancova().coefficients().get(j).estimate(), local.ancova().coefficients().get(j).estimate());
      close(onSpark.ancova().coefficients().get(j).standardError(), local.ancova().coefficients().get(j).standardError());
    }
    close(onSpark.changeScore().groupTest().f(), local.changeScore().groupTest().f());
  }

  @Test
  void generatedPrePostSamplesGiveTheSingleMachineSummary() {
    qt().withExamples(15).withShrinkCycles(3).forAll(QtGenerators.prePost(GroupedSamples.prePost(3, 2, 30)),
        integers().between(1, 5)).checkAssert((sample, partitions) -> {
          List<Row> rows = new ArrayList<>();
          for (int i = 0; i < sample.size(); i++) {
            rows.add(RowFactory.create(sample.pre(i), sample.post(i),
                sample.groups().levels().get(sample.groups().code(i))));
          }
          assertSameAncova(AncovaSummary.of(sample), OutcomeSpark.ancova(SparkTests.table(rows, PRE_POST, partitions),
              "pre", "post", "arm").summary());
        });
  }

  static String refusal(Supplier<?> run) {
    try {
      run.get();
      return "accepted";
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
  }

  @Test
  void badTablesAreRefusedNamingColumnsAndCountingRows() {
    WilcoxonSignedRankTest w = WilcoxonSignedRankTest.withDefaults();
    List<Row> rows = List.of(RowFactory.create(1.0, 2.0, -1.0), RowFactory.create(Double.POSITIVE_INFINITY, 2.0, 3.0),
        RowFactory.create(3.0, 5.0, Double.NEGATIVE_INFINITY), RowFactory.create(3.0, 5.0, 2.0));
    Dataset<Row> table = SparkTests.table(rows, PAIRED, 2);
    assertThat(refusal(() -> OutcomeSpark.paired(table, "baseline", "after", Optional.empty(),
        AnalysisSet.intentionToTreat(), w, Optional.empty()))).contains("baseline");
    assertThat(refusal(() -> OutcomeSpark.paired(table, "before", "after", Optional.empty(),
        AnalysisSet.asTreated(AnalysisSet.DoseRule.atLeast(2)), w, Optional.empty()))).contains("needs doses");
    InvalidInputException bad = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() ->
        OutcomeSpark.paired(table, "before", "after", Optional.of("sessions"), AnalysisSet.intentionToTreat(), w,
            Optional.empty()));
    assertThat(bad.violations()).hasSize(2);
    assertThat(bad.violations().get(0).location()).isEqualTo("column before");
    assertThat(bad.violations().get(0).message()).isEqualTo("1 row has a value that is not finite");
    assertThat(bad.violations().get(1).message()).isEqualTo("2 rows have a dose that is not a non-negative finite number");

    List<Row> grouped = List.of(RowFactory.create(1.0, "a"), RowFactory.create(2.0, " "), RowFactory.create(3.0, null),
        RowFactory.create(4.0, "b"));
    // rows without a group are left out and counted, as R's t.test(score ~ arm) leaves them out
    OutcomeSpark.Summarised<TwoGroupSummary> noGroup = OutcomeSpark.compare(SparkTests.table(grouped, GROUPED, 2),
        "score", "arm", GroupChoice.levelOrder(), MannWhitneyTest.withDefaults());
    assertThat(noGroup.rowsRead()).isEqualTo(4);
    assertThat(noGroup.rowsMissing()).isEqualTo(2);
    assertThat(refusal(() -> OutcomeSpark.compare(SparkTests.table(grouped, GROUPED, 2), "arm", "score",
        GroupChoice.levelOrder(), MannWhitneyTest.withDefaults()))).contains("arm");
    List<Row> empty = List.of(RowFactory.create(null, "a"), RowFactory.create(Double.NaN, "b"));
    assertThatThrownBy(() -> OutcomeSpark.compare(SparkTests.table(empty, GROUPED, 1), "score", "arm",
        GroupChoice.levelOrder(), MannWhitneyTest.withDefaults())).isInstanceOf(DegenerateDataException.class);
  }
}
