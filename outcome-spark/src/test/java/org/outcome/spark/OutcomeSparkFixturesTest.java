package org.outcome.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.ConfType;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.RmeanHorizon;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.RmstGroup;
import org.outcome.stats.survival.SurvivalCounts;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.FixtureComparison;

/**
 * Every Kaplan–Meier and log-rank R fixture, its data loaded into a Spark table of 1 and of 5
 * partitions: the Spark path gives R's numbers and the single-machine path's (same engine on
 * {@code SurvivalCounts.of(sample)}) to 1e-9 relative, and RMST at the fixture's τ gives R's
 * {@code rmean} and its standard error.
 */
class OutcomeSparkFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  static Stream<Arguments> kaplanMeier() {
    return withPartitions("kaplan-meier");
  }

  static Stream<Arguments> logRank() {
    return withPartitions("log-rank");
  }

  private static Stream<Arguments> withPartitions(String kind) {
    return Fixture.ofKind(FIXTURES, kind).stream()
        .flatMap(f -> Stream.of(Arguments.of(f, 1), Arguments.of(f, 5)));
  }

  @Test
  void theFixturesAreThere() {
    assertThat(Fixture.ofKind(FIXTURES, "kaplan-meier")).hasSize(3);
    assertThat(Fixture.ofKind(FIXTURES, "log-rank")).hasSize(4);
  }

  @ParameterizedTest(name = "{0}, {1} partitions")
  @MethodSource("kaplanMeier")
  void kaplanMeierMatchesRAndTheSingleMachinePath(Fixture f, int partitions) {
    String group = groupColumn(f);
    KaplanMeier km = KaplanMeier.withDefaults()
        .withConfType(confType(f.option("confType").orElseThrow()))
        .withConfLevel(f.option("confLevel", Double.NaN))
        .withTimes(30, 90, 365);
    if (f.option("rmeanTau").isPresent()) {
      km = km.withRmeanHorizon(RmeanHorizon.at(f.option("rmeanTau", Double.NaN)));
    }
    Dataset<Row> table = table(f, group, Optional.empty(), partitions);
    SurvivalSample sample = sample(f, group, Optional.empty());

    SurvivalCounts counts = OutcomeSpark.survivalCounts(table, "time", "event", Optional.of(group), Optional.empty());
    assertThat(counts).isEqualTo(SurvivalCounts.of(sample));

    KaplanMeier.Result spark = OutcomeSpark.km(table, "time", "event", Optional.of(group), Optional.empty(), km);
    Map<String, Object> actual = Results.km(spark, group, null);
    f.assertMatches(actual);
    Results.assertSame(Results.km(km.fit(sample), group, null), actual);
  }

  @ParameterizedTest(name = "{0}, {1} partitions")
  @MethodSource("kaplanMeier")
  void rmstAtTheFixturesTauMatchesRsRestrictedMean(Fixture f, int partitions) {
    String group = groupColumn(f);
    Rmst rmst = Rmst.withDefaults().withHorizon(
        f.option("rmeanTau").isPresent() ? RmeanHorizon.at(f.option("rmeanTau", Double.NaN)) : RmeanHorizon.common());
    Dataset<Row> table = table(f, group, Optional.empty(), partitions);

    Rmst.Result spark = OutcomeSpark.rmst(table, "time", "event", Optional.of(group), rmst);
    Results.assertSame(Results.rmst(rmst.compare(sample(f, group, Optional.empty()))), Results.rmst(spark));
    List<Map<String, Object>> actual = new ArrayList<>();
    for (RmstGroup g : spark.groups()) {
      actual.add(Map.of("stratum", group + "=" + g.group(), "rmean", g.rmean(), "rmeanSe", g.stdErr()));
    }
    // R's curves hold more fields than RMST has: only the restricted means are compared
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Object curve : (List<?>) f.expected().get("strata")) {
      Map<?, ?> c = (Map<?, ?>) curve;
      expected.add(Map.of("stratum", c.get("stratum"), "rmean", c.get("rmean"), "rmeanSe", c.get("rmeanSe")));
    }
    assertThat(FixtureComparison.differences(Map.of("strata", expected), Map.of("strata", actual), f.tolerance()))
        .as(f.id() + " (" + f.source() + ")").isEmpty();
  }

  @ParameterizedTest(name = "{0}, {1} partitions")
  @MethodSource("logRank")
  void logRankMatchesRAndTheSingleMachinePath(Fixture f, int partitions) {
    Optional<String> strata = f.option("strata");
    String group = groupColumn(f);
    LogRank test = LogRank.withDefaults().withRho(f.option("rho", Double.NaN));
    Dataset<Row> table = table(f, group, strata, partitions);
    SurvivalSample sample = sample(f, group, strata);

    assertThat(OutcomeSpark.survivalCounts(table, "time", "event", Optional.of(group), strata))
        .isEqualTo(SurvivalCounts.of(sample));
    LogRank.Result spark = OutcomeSpark.logRank(table, "time", "event", group, strata, test);
    Map<String, Object> actual = Results.logRank(spark, group);
    f.assertMatches(actual);
    Results.assertSame(Results.logRank(test.test(sample), group), actual);
  }

  /** The group column: the one that is neither time, event nor the strata column (fixtures README). */
  private static String groupColumn(Fixture f) {
    Optional<String> strata = f.option("strata");
    List<String> rest = f.columns().stream()
        .filter(c -> !c.equals("time") && !c.equals("event") && !strata.equals(Optional.of(c))).toList();
    assertThat(rest).as("group column of " + f.id()).hasSize(1);
    return rest.get(0);
  }

  private static SurvivalSample sample(Fixture f, String group, Optional<String> strata) {
    SurvivalSample.Builder b = SurvivalSample.builder(f.numbers("time"), f.flags("event"))
        .group(Factor.of(f.texts(group)));
    strata.ifPresent(s -> b.strata(Factor.of(f.texts(s))));
    return b.build();
  }

  /** The fixture's rows as a table: time (double), event (int 0/1), group and strata as text. */
  private static Dataset<Row> table(Fixture f, String group, Optional<String> strata, int partitions) {
    double[] time = f.numbers("time");
    boolean[] event = f.flags("event");
    String[] g = f.texts(group);
    String[] s = strata.map(f::texts).orElse(null);
    List<StructField> fields = new ArrayList<>(List.of(
        DataTypes.createStructField("time", DataTypes.DoubleType, false),
        DataTypes.createStructField("event", DataTypes.IntegerType, false),
        DataTypes.createStructField(group, DataTypes.StringType, false)));
    strata.ifPresent(name -> fields.add(DataTypes.createStructField(name, DataTypes.StringType, false)));
    List<Row> rows = new ArrayList<>(time.length);
    for (int i = 0; i < time.length; i++) {
      rows.add(s == null ? RowFactory.create(time[i], event[i] ? 1 : 0, g[i])
          : RowFactory.create(time[i], event[i] ? 1 : 0, g[i], s[i]));
    }
    return SparkTests.table(rows, new StructType(fields.toArray(StructField[]::new)), partitions);
  }

  private static ConfType confType(String r) {
    for (ConfType t : ConfType.values()) {
      if (t.rName().equals(r)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown conf.type " + r);
  }
}
