package org.outcome.spark;

import static org.apache.spark.sql.functions.spark_partition_id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outcome.testkit.quicktheories.QtGenerators.survival;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.ConfType;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.SurvivalCounts;
import org.outcome.stats.survival.TimeMatching;
import org.outcome.testkit.samples.SurvivalSamples;

/**
 * Seeded generated cohorts: the Spark path gives the single-machine numbers whatever the
 * partitioning (1, 3 and 7 partitions of a 20,000-row cohort), and generated samples with ties,
 * all-censored groups and unbalanced groups give the single-machine counts exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutcomeSparkCohortsTest {
  private static final Optional<String> GROUP = Optional.of("group");
  private static final Optional<String> REGION = Optional.of("region");

  private Cohort cohort;
  private Dataset<Row> table;

  @BeforeAll
  void cohort() {
    cohort = Cohort.of(20_261_125L, 20_000);
    table = SparkTests.spark().createDataFrame(cohort.rows(), Cohort.SCHEMA);
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 7})
  void everyResultIsTheSingleMachineOneWhateverThePartitioning(int partitions) {
    Dataset<Row> parts = table.repartition(partitions);
    assertThat(parts.select(spark_partition_id()).distinct().count()).isEqualTo(partitions);

    OutcomeSpark.Counted counted = OutcomeSpark.count(parts, "time", "event", GROUP, REGION,
        TimeMatching.R_TOLERANCE);
    assertThat(counted.counts()).isEqualTo(SurvivalCounts.of(cohort.sample()));
    assertThat(counted.counts().groupLevels()).contains(List.of("2", "9", "10"));
    assertThat(counted.counts().strataLevels()).contains(List.of("north", "south"));
    assertThat(counted.rowsRead()).isEqualTo(20_000);
    assertThat(counted.omittedRows()).isZero();

    KaplanMeier km = KaplanMeier.withDefaults().withConfType(ConfType.LOG_LOG).withTimes(30, 90, 365, 1095);
    Results.assertSame(Results.km(km.fit(cohort.sample()), "group", "region"),
        Results.km(OutcomeSpark.km(parts, "time", "event", GROUP, REGION, km), "group", "region"));

    LogRank logRank = LogRank.withDefaults();
    Results.assertSame(Results.logRank(logRank.test(cohort.sample()), "group"),
        Results.logRank(OutcomeSpark.logRank(parts, "time", "event", "group", REGION, logRank), "group"));

    Rmst rmst = Rmst.withDefaults().withTau(365).withReference("9");
    Results.assertSame(Results.rmst(rmst.compare(cohort.unstratified())),
        Results.rmst(OutcomeSpark.rmst(parts, "time", "event", GROUP, rmst)));
  }

  @Test
  void petoPetoWithoutStrataAndOneCurveWithoutGroups() {
    Dataset<Row> parts = table.repartition(3);
    LogRank peto = LogRank.withDefaults().withRho(1);
    Results.assertSame(Results.logRank(peto.test(cohort.unstratified()), "group"),
        Results.logRank(OutcomeSpark.logRank(parts, "time", "event", "group", Optional.empty(), peto), "group"));

    SurvivalSample pooled = SurvivalSample.of(cohort.sample().times(), cohort.sample().events());
    KaplanMeier km = KaplanMeier.withDefaults();
    KaplanMeier.Result spark = OutcomeSpark.km(parts, "time", "event", Optional.empty(), Optional.empty(), km);
    assertThat(spark.curves()).hasSize(1);
    Results.assertSame(Results.km(km.fit(pooled), null, null), Results.km(spark, null, null));
  }

  @Test
  void generatedSamplesWithTiesAndEdgeShapesCountAsOnOneMachine() {
    StructType schema = new StructType()
        .add("time", DataTypes.DoubleType, false)
        .add("event", DataTypes.IntegerType, false)
        .add("group", DataTypes.StringType, false)
        .add("stratum", DataTypes.StringType, false);
    qt().withExamples(15).withFixedSeed(7L)
        .forAll(survival(SurvivalSamples.builder().size(4, 60).groups(3).strata(2).build()),
            integers().between(1, 4))
        .checkAssert((sample, partitions) -> {
          List<Row> rows = new ArrayList<>(sample.size());
          for (int i = 0; i < sample.size(); i++) {
            rows.add(RowFactory.create(sample.time(i), sample.event(i) ? 1 : 0,
                sample.group().orElseThrow().level(i), sample.strata().orElseThrow().level(i)));
          }
          Dataset<Row> t = SparkTests.table(rows, schema, partitions);
          assertThat(OutcomeSpark.survivalCounts(t, "time", "event", GROUP, Optional.of("stratum")))
              .isEqualTo(SurvivalCounts.of(sample));
        });
  }
}
