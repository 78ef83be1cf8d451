package org.outcome.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.Ties;
import org.outcome.stats.survival.cox.Variance;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.FixtureComparison;

/**
 * The Cox model on Spark: every model-based R fixture (Efron and Breslow, with strata) gives R's
 * numbers and the single-machine fit's to 1e-9, in 1 and 4 partitions; a seeded cohort of 20,000
 * rows gives the single-machine fit whatever the partitioning; missing and bad values are handled
 * as the single-machine command line handles them.
 */
class OutcomeSparkCoxTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final CoxPh FOLDABLE = CoxPh.withDefaults().withConcordance(false);

  static Stream<Arguments> fixtures() {
    return Fixture.ofKind(FIXTURES, "cox").stream().flatMap(f -> Stream.of(Arguments.of(f, 1), Arguments.of(f, 4)));
  }

  @Test
  void everyCoxFixtureIsThere() {
    assertThat(Fixture.ofKind(FIXTURES, "cox")).extracting(Fixture::id).containsExactlyInAnyOrder(
        "survival/cox-aml-efron", "survival/cox-aml-breslow", "survival/cox-lung-efron",
        "survival/cox-lung-breslow", "survival/cox-lung-strata", "survival/cox-rats-cluster");
  }

  @ParameterizedTest(name = "{0}, {1} partitions")
  @MethodSource("fixtures")
  void matchesRAndTheSingleMachineFit(Fixture f, int partitions) {
    List<String> covariates = terms(f);
    Optional<String> strata = f.option("strata");
    Optional<String> cluster = f.option("cluster");
    CoxPh config = FOLDABLE.withTies(Ties.valueOf(f.option("ties").orElseThrow().toUpperCase(java.util.Locale.ROOT)));
    if (f.option("robust").equals(Optional.of("true"))) {
      config = config.withVariance(Variance.ROBUST);
    }
    SurvivalSample.Builder b = SurvivalSample.builder(f.numbers("time"), f.flags("event"));
    covariates.forEach(c -> b.covariate(c, f.numbers(c)));
    strata.ifPresent(s -> b.strata(Factor.of(f.texts(s))));
    cluster.ifPresent(c -> b.cluster(Factor.of(f.texts(c))));

    OutcomeSpark.CoxFit fit = OutcomeSpark.cox(table(f, covariates, strata, cluster, partitions), "time", "event",
        covariates, strata, cluster, config);

    Map<String, Object> actual = Results.cox(fit.result());
    Map<String, Object> expected = new LinkedHashMap<>(f.expected());
    expected.keySet().retainAll(actual.keySet());
    assertThat(FixtureComparison.differences(expected, actual, f.tolerance())).as(f.id() + " (" + f.source() + ")")
        .isEmpty();
    Results.assertSame(Results.cox(config.fit(b.build())), actual);
    assertThat(fit.result().iterations()).isEqualTo(config.fit(b.build()).iterations());
    assertThat(fit.omittedRows()).isZero();
  }

  @ParameterizedTest(name = "{0} partitions")
  @ValueSource(ints = {1, 3, 7})
  void aCohortGivesTheSingleMachineFitWhateverThePartitioning(int partitions) {
    Generated g = Generated.of(20_261_204L, 20_000);
    Dataset<Row> table = SparkTests.spark().createDataFrame(g.rows, Generated.SCHEMA).repartition(partitions);
    for (Ties ties : Ties.values()) {
      CoxPh config = FOLDABLE.withTies(ties);
      OutcomeSpark.CoxFit fit = OutcomeSpark.cox(table, "time", "event", List.of("age", "female", "score"),
          Optional.of("region"), config);
      Results.assertSame(Results.cox(config.fit(g.sample)), Results.cox(fit.result()));
      assertThat(fit.rowsRead()).isEqualTo(20_000);
    }
    // the robust variance summed within clusters (here, the strata's region as a cluster of 10,000)
    CoxPh robust = FOLDABLE.withVariance(Variance.ROBUST);
    OutcomeSpark.CoxFit fit = OutcomeSpark.cox(table, "time", "event", List.of("age", "female", "score"),
        Optional.empty(), Optional.of("region"), robust);
    SurvivalSample clustered = SurvivalSample.builder(g.sample.times(), g.sample.events())
        .covariate("age", g.sample.covariates().get(0).values()).covariate("female", g.sample.covariates().get(1).values())
        .covariate("score", g.sample.covariates().get(2).values()).cluster(g.sample.strata().orElseThrow()).build();
    Results.assertSame(Results.cox(robust.fit(clustered)), Results.cox(fit.result()));
  }

  @Test
  void rowsMissingACovariateAreLeftOutAndCountedAndNothingElseChanges() {
    Generated g = Generated.of(7L, 600);
    List<Row> rows = new ArrayList<>(g.rows);
    rows.add(RowFactory.create(12.0, 1, null, 0.0, 3.0, "north"));
    rows.add(RowFactory.create(40.0, 0, 51.0, Double.NaN, 3.0, "south"));
    rows.add(RowFactory.create(null, 1, 51.0, 1.0, 3.0, "south"));
    Dataset<Row> table = SparkTests.spark().createDataFrame(rows, Generated.SCHEMA).repartition(3);

    OutcomeSpark.CoxFit fit = OutcomeSpark.cox(table, "time", "event", List.of("age", "female", "score"),
        Optional.of("region"), FOLDABLE);

    assertThat(fit.rowsRead()).isEqualTo(603);
    assertThat(fit.omittedRows()).isEqualTo(3);
    Results.assertSame(Results.cox(FOLDABLE.fit(g.sample)), Results.cox(fit.result()));
    // numbered in the table's order: the rows as given, before the repartitioning shuffled them
    Dataset<Row> inOrder = SparkTests.spark().createDataFrame(rows, Generated.SCHEMA);
    assertThat(OutcomeSpark.rowsMissingAValue(inOrder, List.of("time", "age", "female")))
        .containsExactly(601L, 602L, 603L);
  }

  @Test
  void badValuesAreRefusedWithTheirCountNeverTheirContent() {
    Generated g = Generated.of(8L, 50);
    List<Row> rows = new ArrayList<>(g.rows);
    rows.add(RowFactory.create(12.0, 1, Double.POSITIVE_INFINITY, 0.0, 3.0, "north"));
    rows.add(RowFactory.create(-4.0, 2, 50.0, 0.0, 3.0, "north"));
    Dataset<Row> table = SparkTests.spark().createDataFrame(rows, Generated.SCHEMA);

    assertThatThrownBy(() -> OutcomeSpark.cox(table, "time", "event", List.of("age", "female"), Optional.empty(),
        FOLDABLE)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Object::toString).containsExactly(
                "column time: 1 row has a time that is negative or not finite",
                "column age: 1 row has an infinite value"));
    rows.remove(rows.size() - 1);
    rows.remove(rows.size() - 1);
    rows.add(RowFactory.create(4.0, 2, 50.0, 0.0, 3.0, "north")); // a 2 among 0s and 1s: R's Surv makes the 0s NA
    Dataset<Row> mixed = SparkTests.spark().createDataFrame(rows, Generated.SCHEMA);
    assertThatThrownBy(() -> OutcomeSpark.cox(mixed, "time", "event", List.of("age", "female"), Optional.empty(),
        FOLDABLE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("column event: the codes mix codings")
        .hasMessageContaining("2 on 1 row;");
    assertThatThrownBy(() -> OutcomeSpark.cox(table, "time", "event", List.of("region"), Optional.empty(), FOLDABLE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("the table does not have the columns");
  }

  /** The covariates in model order: the fixture's terms. */
  private static List<String> terms(Fixture f) {
    Object terms = f.expected().get("terms");
    return terms instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(terms.toString());
  }

  private static Dataset<Row> table(Fixture f, List<String> covariates, Optional<String> strata,
      Optional<String> cluster, int partitions) {
    StructType schema = new StructType().add("time", DataTypes.DoubleType).add("event", DataTypes.IntegerType);
    for (String c : covariates) {
      schema = schema.add(c, DataTypes.DoubleType);
    }
    if (strata.isPresent()) {
      schema = schema.add(strata.get(), DataTypes.StringType);
    }
    if (cluster.isPresent()) {
      schema = schema.add(cluster.get(), DataTypes.StringType);
    }
    double[] time = f.numbers("time");
    boolean[] event = f.flags("event");
    List<double[]> x = covariates.stream().map(f::numbers).toList();
    String[] s = strata.map(f::texts).orElse(null);
    String[] k = cluster.map(f::texts).orElse(null);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < time.length; i++) {
      List<Object> values = new ArrayList<>(List.of(time[i], event[i] ? 1 : 0));
      for (double[] column : x) {
        values.add(column[i]);
      }
      if (s != null) {
        values.add(s[i]);
      }
      if (k != null) {
        values.add(k[i]);
      }
      rows.add(RowFactory.create(values.toArray()));
    }
    return SparkTests.table(rows, schema, partitions);
  }

  /** A seeded cohort with covariates: whole-day times (many ties), two strata. */
  private record Generated(List<Row> rows, SurvivalSample sample) {
    static final StructType SCHEMA = new StructType().add("time", DataTypes.DoubleType)
        .add("event", DataTypes.IntegerType).add("age", DataTypes.DoubleType).add("female", DataTypes.DoubleType)
        .add("score", DataTypes.DoubleType).add("region", DataTypes.StringType);

    static Generated of(long seed, int n) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] time = new double[n];
      boolean[] event = new boolean[n];
      double[] age = new double[n];
      double[] female = new double[n];
      double[] score = new double[n];
      String[] region = new String[n];
      List<Row> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        age[i] = 18 + random.nextInt(60);
        female[i] = random.nextInt(2);
        score[i] = 14 + random.nextInt(57);
        region[i] = random.nextBoolean() ? "north" : "south";
        double rate = 0.002 * Math.exp(0.01 * (age[i] - 40) - 0.3 * female[i] - 0.02 * (score[i] - 40));
        double t = -Math.log1p(-random.nextDouble()) / rate;
        double c = 30 + 1065 * random.nextDouble();
        time[i] = Math.max(1, Math.ceil(Math.min(t, c)));
        event[i] = t <= c;
        rows.add(RowFactory.create(time[i], event[i] ? 1 : 0, age[i], female[i], score[i], region[i]));
      }
      SurvivalSample sample = SurvivalSample.builder(time, event).covariate("age", age).covariate("female", female)
          .covariate("score", score).strata(Factor.of(region)).build();
      return new Generated(List.copyOf(rows), sample);
    }
  }
}
