package org.outcome.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InstrumentId;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.Evaluation;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationConfigReader;
import org.outcome.evaluation.EvaluationData;
import org.outcome.evaluation.ProgressListener;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.ReportJson;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.TwoGroupSummary;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.PairedSummary;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;
import org.outcome.tenure.TenureSummary;
import org.outcome.testkit.samples.TenureTables;

/**
 * The calls of docs/spark.md's Java example (which the documentation build cannot compile without
 * Spark), on a local session with Parquet tables in a temporary folder instead of a lake.
 */
class OutcomeSparkDocsExampleTest {
  @Test
  void theDocumentedCallsRun(@TempDir Path dir) {
    SparkSession spark = SparkTests.spark();
    writeTables(spark, dir);
    Dataset<Row> tenure = spark.read().parquet(dir.resolve("tenure").toString());

    KaplanMeier.Result km = OutcomeSpark.km(tenure, "time", "event", Optional.of("group"), Optional.empty(),
        KaplanMeier.withDefaults().withTimes(30, 90, 365));
    OutcomeSpark.CoxFit cox = OutcomeSpark.cox(tenure, "time", "event", List.of("age", "female"),
        Optional.of("site"), CoxPh.withDefaults().withConcordance(false));
    double hazardRatio = cox.result().term("age").orElseThrow().hazardRatio();

    OutcomeSpark.Scored scored = OutcomeSpark.score(spark.read().parquet(dir.resolve("answers").toString()),
        InstrumentId.of("swemwbs"));
    scored.all().persist();
    scored.scores().write().parquet(dir.resolve("scores").toString());
    scored.rejected().write().json(dir.resolve("rejected").toString());

    OutcomeSpark.Tenure derived = OutcomeSpark.tenure(spark.read().parquet(dir.resolve("people").toString()),
        spark.read().parquet(dir.resolve("episodes").toString()), TenureOptions.withDefaults().withWindowDays(1095));
    derived.all().persist();
    derived.people().write().parquet(dir.resolve("tenure-derived").toString());
    derived.rejected().write().json(dir.resolve("tenure-rejected").toString());
    TenureSummary summary = derived.summary();

    Dataset<Row> scores = spark.read().parquet(dir.resolve("scores-wide").toString());
    PairedSummary pairs = OutcomeSpark.paired(scores, "baseline", "followup", Optional.of("sessions"),
        AnalysisSet.asTreated(AnalysisSet.DoseRule.moreThan(10)), WilcoxonSignedRankTest.withDefaults(),
        Optional.of(ReliableChange.of(0.89, 6.8)));
    PairedTTest.Result change = PairedTTest.withDefaults().test(pairs);
    WilcoxonSignedRankTest.Result ranks = WilcoxonSignedRankTest.withDefaults().test(pairs);
    OutcomeSpark.Summarised<TwoGroupSummary> arms = OutcomeSpark.compare(scores, "followup", "arm", GroupChoice.of("peer", "usual"),
        MannWhitneyTest.withDefaults());
    TwoSampleTTest.Result welch = TwoSampleTTest.withDefaults().test(arms.summary());
    Ancova.Result adjusted = Ancova.withDefaults().withTermNames("followup", "baseline", "arm").withReference("usual")
        .fit(OutcomeSpark.ancova(scores, "baseline", "followup", "arm").summary());

    assertThat(km.curves()).hasSize(2);
    assertThat(hazardRatio).isPositive();
    assertThat(spark.read().parquet(dir.resolve("scores").toString()).count()
        + spark.read().json(dir.resolve("rejected").toString()).count()).isEqualTo(200);
    scored.all().unpersist();
    TenureResults expected = TenureCalculator.of(TenureOptions.withDefaults().withWindowDays(1095))
        .read(new StringReader(TABLES.peopleCsv()), new StringReader(TABLES.episodesCsv()));
    assertThat(summary).isEqualTo(expected.summary());
    assertThat(spark.read().parquet(dir.resolve("tenure-derived").toString()).count())
        .isEqualTo(expected.people().size());
    assertThat(spark.read().json(dir.resolve("tenure-rejected").toString()).count())
        .isEqualTo(expected.rejected().size());
    derived.all().unpersist();
    // 300 people, every third above ten sessions; follow-up = baseline + 2 (peer) or + 1 (usual)
    // + a deviation of -1 to 1 summing to 0, the baselines of the arms 0.02 apart
    assertThat(pairs.included()).isEqualTo(100);
    assertThat(change.meanDifference()).isCloseTo(1.5, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(ranks.n()).isEqualTo(90);   // people 15, 45, ..., 285 (usual, -1 deviation) did not change
    assertThat(ranks.zeros()).isEqualTo(10);
    assertThat(arms.summary().first().count()).isEqualTo(150);
    assertThat(welch.difference()).isCloseTo(0.98, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(adjusted.ancova().coefficient("baseline").orElseThrow().estimate())
        .isCloseTo(BASELINE_SLOPE, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(adjusted.ancova().coefficient("armpeer").orElseThrow().estimate())
        .isCloseTo(PEER_EFFECT, org.assertj.core.api.Assertions.within(1e-12));
  }

  /** docs/spark.md's evaluation on Spark from Java: the same report as the evaluation on files. */
  @Test
  void theDocumentedEvaluationOnSparkGivesTheSameReport(@TempDir Path dir) {
    SparkSession spark = SparkTests.spark();
    InstrumentRegistry instruments = InstrumentRegistry.load();
    AnalysisRegistry analyses = AnalysisRegistry.load();
    Demo.Result demo = Demo.run(DemoSpec.standard().withPerGroup(60).withSeed(11), dir, instruments, analyses, ProgressListener.silent());
    EvaluationData onSpark = SparkEvaluationData.of(location -> spark.read().option("header", "true").csv(location));
    EvaluationConfig config = EvaluationConfigReader.read(demo.config(), instruments, analyses, onSpark);
    EvaluationReport report = Evaluation.of(config, instruments, analyses).withData(onSpark)
        .run(ProgressListener.silent());

    assertThat(ReportJson.toJson(report)).isEqualTo(ReportJson.toJson(demo.report()));
    assertThat(report.rejectedRows()).isNotEmpty();
  }

  private static final TenureTables TABLES = TenureTables.generator(100).next(new SplittableRandom(9));
  // numpy.linalg.lstsq(X, y) with X = [1, baseline, peer] on the scores-wide rows below (numpy 1.24)
  private static final double BASELINE_SLOPE = 1.00209215525466;
  private static final double PEER_EFFECT = 1.00004184310509;

  private static void writeTables(SparkSession spark, Path dir) {
    SplittableRandom random = new SplittableRandom(5);
    List<Row> tenure = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double age = 20 + random.nextInt(50);
      int female = random.nextInt(2);
      double t = Math.ceil(-Math.log1p(-random.nextDouble()) / (0.003 * Math.exp(0.01 * (age - 40))));
      tenure.add(RowFactory.create(Math.min(t, 1095.0), t <= 1095 ? 1 : 0, random.nextBoolean() ? "peer" : "usual",
          age, (double) female, random.nextBoolean() ? "north" : "south"));
    }
    spark.createDataFrame(tenure, new StructType().add("time", DataTypes.DoubleType).add("event", DataTypes.IntegerType)
        .add("group", DataTypes.StringType).add("age", DataTypes.DoubleType).add("female", DataTypes.DoubleType)
        .add("site", DataTypes.StringType)).write().parquet(dir.resolve("tenure").toString());
    StructType answers = new StructType().add("subject", DataTypes.StringType).add("timepoint", DataTypes.StringType);
    for (int q = 1; q <= 7; q++) {
      answers = answers.add("q" + q, DataTypes.IntegerType);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Object[] values = new Object[9];
      values[0] = "P" + i;
      values[1] = "baseline";
      for (int q = 0; q < 7; q++) {
        values[2 + q] = i % 50 == 0 ? 9 : 1 + random.nextInt(5);
      }
      rows.add(RowFactory.create(values));
    }
    spark.createDataFrame(rows, answers).write().parquet(dir.resolve("answers").toString());
    List<Row> wide = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double baseline = 20 + i % 7;
      wide.add(RowFactory.create(baseline, baseline + (i % 2 == 0 ? 2 : 1) + (i % 5 - 2) * 0.5,
          i % 3 == 0 ? 12.0 : 4.0, i % 2 == 0 ? "peer" : "usual"));
    }
    spark.createDataFrame(wide, new StructType().add("baseline", DataTypes.DoubleType)
        .add("followup", DataTypes.DoubleType).add("sessions", DataTypes.DoubleType).add("arm", DataTypes.StringType))
        .write().parquet(dir.resolve("scores-wide").toString());
    OutcomeSparkTenureTest.table(TABLES.people(), 2).write().parquet(dir.resolve("people").toString());
    OutcomeSparkTenureTest.table(TABLES.episodes(), 2).write().parquet(dir.resolve("episodes").toString());
  }
}
