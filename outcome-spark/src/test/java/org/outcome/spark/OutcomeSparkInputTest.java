package org.outcome.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.io.EventCoding;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.SurvivalCounts;
import org.outcome.stats.survival.TimeMatching;

/**
 * The input rules, as the command line's survival input: rows with a missing value left out and
 * counted, bad present values refused by column with a count and never quoted, R's level order,
 * the column types accepted, and time matching applied to the collected times as on one machine.
 */
class OutcomeSparkInputTest {
  private static final Optional<String> GROUP = Optional.of("group");

  private static Dataset<Row> table(DataType eventType, DataType groupType, Object[]... rows) {
    StructType schema = new StructType()
        .add("time", DataTypes.DoubleType, true)
        .add("event", eventType, true)
        .add("group", groupType, true);
    return SparkTests.table(Arrays.stream(rows).map(RowFactory::create).toList(), schema, 2);
  }

  private static Object[] row(Object time, Object event, Object group) {
    return new Object[] {time, event, group};
  }

  private static SurvivalSample sample(double[] time, boolean[] event, String... group) {
    return SurvivalSample.builder(time, event).group(Factor.of(group)).build();
  }

  @Test
  void rowsWithAMissingValueAreLeftOutAndCounted() {
    Dataset<Row> t = table(DataTypes.StringType, DataTypes.StringType,
        row(5.0, "1", "a"), row(8.0, " 0 ", "b"), row(3.0, "1", " a "), row(12.0, "0", "b"),
        row(null, "1", "a"), row(Double.NaN, "1", "a"), row(4.0, null, "b"), row(4.0, "", "b"),
        row(6.0, "1", null), row(6.0, "1", "  "),
        // missing comes first: a row with a missing group is left out even with a bad time
        row(-1.0, "1", ""));

    OutcomeSpark.Counted counted = OutcomeSpark.count(t, "time", "event", GROUP, Optional.empty(),
        TimeMatching.R_TOLERANCE);

    assertThat(counted.rowsRead()).isEqualTo(11);
    assertThat(counted.omittedRows()).isEqualTo(7);
    assertThat(counted.counts()).isEqualTo(SurvivalCounts.of(
        sample(new double[] {5, 8, 3, 12}, new boolean[] {true, false, true, false}, "a", "b", "a", "b")));
  }

  @Test
  void badPresentValuesAreRefusedByColumnWithACountAndNeverQuoted() {
    Dataset<Row> t = table(DataTypes.StringType, DataTypes.StringType,
        row(5.0, "1", "a"), row(0.0, "1", "a"), row(-987654.0, "0", "b"), row(Double.POSITIVE_INFINITY, "1", "b"),
        row(7.0, "NHS9434765919", "a"), row(-3.0, "2", "b"));

    assertThatThrownBy(() -> OutcomeSpark.survivalCounts(t, "time", "event", GROUP, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          // a time of 0 is a time (R's Surv accepts it); the 2 is a code, refused below for the mix
          assertThat(e.violations()).containsExactly(
              Violation.at("column time", "3 rows have a time that is negative or not finite"),
              Violation.at("column event", "1 row has an event that is not an event code (0/1, 1/2 or TRUE/FALSE,"
                  + " as R's Surv reads)"));
          assertThat(e.getMessage()).doesNotContain("987654").doesNotContain("9434765919");
        });
    Dataset<Row> mixed = table(DataTypes.StringType, DataTypes.StringType,
        row(5.0, "1", "a"), row(0.0, "0", "a"), row(3.0, "2", "b"), row(4.0, "2", ""));
    assertThatThrownBy(() -> OutcomeSpark.survivalCounts(mixed, "time", "event", GROUP, Optional.empty()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
            Violation.at("column event", "the codes mix codings: 0 on 1 row, 1 on 1 row, 2 on 2 rows; use one of"
                + " 0/1, 1/2 or TRUE/FALSE")));
  }

  @Test
  void oneTwoAndLogicalCodingsCountAsZeroOne() {
    // R: Surv(time, status) with status 1/2 (2 = event), or TRUE/FALSE, is Surv(time, status01)
    SurvivalCounts expected = SurvivalCounts.of(
        sample(new double[] {2, 0, 5}, new boolean[] {true, false, true}, "x", "y", "x"));
    Dataset<Row> oneTwo = table(DataTypes.StringType, DataTypes.StringType,
        row(2.0, "2", "x"), row(0.0, "1", "y"), row(5.0, "2.0", "x"), row(9.0, "1", ""));
    Dataset<Row> logical = table(DataTypes.StringType, DataTypes.StringType,
        row(2.0, "TRUE", "x"), row(0.0, "F", "y"), row(5.0, " true", "x"), row(9.0, "FALSE", ""));
    OutcomeSpark.Counted a = OutcomeSpark.count(oneTwo, "time", "event", GROUP, Optional.empty(),
        TimeMatching.R_TOLERANCE);
    OutcomeSpark.Counted b = OutcomeSpark.count(logical, "time", "event", GROUP, Optional.empty(),
        TimeMatching.R_TOLERANCE);
    assertThat(a.counts()).isEqualTo(expected);
    assertThat(a.eventCoding()).isEqualTo(EventCoding.ONE_TWO);
    assertThat(b.counts()).isEqualTo(expected);
    assertThat(b.eventCoding()).isEqualTo(EventCoding.LOGICAL);
  }

  @Test
  void numericBooleanAndTextEventsCountAlike() {
    SurvivalCounts expected = SurvivalCounts.of(
        sample(new double[] {2, 2, 5}, new boolean[] {true, false, true}, "x", "y", "x"));
    Object[][] events = {{1, 0, 1}, {1L, 0L, 1L}, {1.0, 0.0, 1.0}, {true, false, true}, {"1", "0", "1"}};
    DataType[] types = {DataTypes.IntegerType, DataTypes.LongType, DataTypes.DoubleType, DataTypes.BooleanType,
        DataTypes.StringType};
    for (int k = 0; k < types.length; k++) {
      Dataset<Row> t = table(types[k], DataTypes.StringType,
          row(2.0, events[k][0], "x"), row(2.0, events[k][1], "y"), row(5.0, events[k][2], "x"));
      assertThat(OutcomeSpark.survivalCounts(t, "time", "event", GROUP, Optional.empty()))
          .as(types[k].simpleString()).isEqualTo(expected);
    }
  }

  @Test
  void levelsAreInRsOrderNumbersNumericallyTextByCodePointNumbersFirst() {
    Dataset<Row> text = table(DataTypes.IntegerType, DataTypes.StringType,
        row(1.0, 1, "10"), row(2.0, 1, "9"), row(3.0, 0, "b"), row(4.0, 1, "A"), row(5.0, 0, "2"));
    assertThat(OutcomeSpark.survivalCounts(text, "time", "event", GROUP, Optional.empty()).groupLevels())
        .contains(List.of("2", "9", "10", "A", "b"))
        .contains(Factor.of("10", "9", "b", "A", "2").levels());

    Dataset<Row> numbers = table(DataTypes.IntegerType, DataTypes.IntegerType,
        row(1.0, 1, 10), row(2.0, 1, 9), row(3.0, 0, 2), row(4.0, 1, 10));
    assertThat(OutcomeSpark.survivalCounts(numbers, "time", "event", GROUP, Optional.empty()).groupLevels())
        .contains(List.of("2", "9", "10"));
  }

  @Test
  void aWholeNumberInADoubleOrDecimalColumnIsTheLevelItsTextGives() {
    SurvivalCounts expected = OutcomeSpark.survivalCounts(table(DataTypes.IntegerType, DataTypes.StringType,
        row(1.0, 1, "1"), row(2.0, 0, "2"), row(3.0, 1, "1.5"), row(4.0, 1, "2"), row(6.0, 0, "1")),
        "time", "event", GROUP, Optional.empty());
    SurvivalCounts doubles = OutcomeSpark.survivalCounts(table(DataTypes.IntegerType, DataTypes.DoubleType,
        row(1.0, 1, 1.0), row(2.0, 0, 2.0), row(3.0, 1, 1.5), row(4.0, 1, 2.0), row(6.0, 0, 1.0),
        row(7.0, 1, Double.NaN), row(8.0, 1, null)), "time", "event", GROUP, Optional.empty());
    SurvivalCounts decimals = OutcomeSpark.survivalCounts(table(DataTypes.IntegerType, DataTypes.createDecimalType(5, 2),
        row(1.0, 1, new java.math.BigDecimal("1.00")), row(2.0, 0, new java.math.BigDecimal("2.00")),
        row(3.0, 1, new java.math.BigDecimal("1.50")), row(4.0, 1, new java.math.BigDecimal("2.00")),
        row(6.0, 0, new java.math.BigDecimal("1.00"))), "time", "event", GROUP, Optional.empty());

    assertThat(expected.groupLevels()).contains(List.of("1", "1.5", "2"));
    assertThat(doubles).isEqualTo(expected);
    assertThat(decimals.groupLevels()).contains(List.of("1", "1.5", "2"));
  }

  @Test
  void aGroupColumnWithADifferentValueOnEveryRowIsRefusedAsAnIdentifier() {
    Dataset<Row> t = table(DataTypes.IntegerType, DataTypes.StringType,
        row(1.0, 1, "p1"), row(2.0, 1, "p2"), row(3.0, 0, "p3"), row(4.0, 1, "p4"), row(5.0, 0, "p5"),
        row(6.0, 1, "p6"));
    assertThatThrownBy(() -> OutcomeSpark.survivalCounts(t, "time", "event", GROUP, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("looks like an identifier")
        .hasMessageNotContaining("p1");
  }

  @Test
  void absentColumnsAndUnusableTypesAreNamedTogether() {
    StructType schema = new StructType()
        .add("time", DataTypes.StringType)
        .add("event", DataTypes.DateType)
        .add("group", DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> t = SparkTests.spark().createDataFrame(List.<Row>of(), schema);
    assertThatThrownBy(() -> OutcomeSpark.survivalCounts(t, "time", "event", GROUP, Optional.of("strata")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location)
            .containsExactly("column time", "column event", "column group", "column strata"));
  }

  @Test
  void noUsableRowIsDegenerate() {
    Dataset<Row> empty = table(DataTypes.IntegerType, DataTypes.StringType);
    assertThatThrownBy(() -> OutcomeSpark.survivalCounts(empty, "time", "event", GROUP, Optional.empty()))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("no rows");
    Dataset<Row> allMissing = table(DataTypes.IntegerType, DataTypes.StringType, row(null, 1, "a"), row(3.0, 1, null));
    assertThatThrownBy(() -> OutcomeSpark.survivalCounts(allMissing, "time", "event", GROUP, Optional.empty()))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("every row (2)");
  }

  @Test
  void logRankWithOneGroupIsTheEnginesDegenerateData() {
    Dataset<Row> t = table(DataTypes.IntegerType, DataTypes.StringType, row(1.0, 1, "a"), row(2.0, 0, "a"));
    assertThatThrownBy(() -> OutcomeSpark.logRank(t, "time", "event", "group", Optional.empty(), LogRank.withDefaults()))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("only one group");
  }

  @Test
  void nearEqualTimesAreMatchedOnTheDriverAsOnOneMachine() {
    double near = 1.0 + 1e-12;
    Dataset<Row> t = table(DataTypes.IntegerType, DataTypes.StringType,
        row(1.0, 1, "a"), row(near, 0, "a"), row(2.0, 1, "b"), row(near, 1, "b"));
    SurvivalSample s = sample(new double[] {1.0, near, 2.0, near}, new boolean[] {true, false, true, true},
        "a", "a", "b", "b");
    for (TimeMatching m : TimeMatching.values()) {
      SurvivalCounts spark = OutcomeSpark.count(t, "time", "event", GROUP, Optional.empty(), m).counts();
      assertThat(spark).as(m.name()).isEqualTo(SurvivalCounts.of(s, m));
    }
    assertThat(OutcomeSpark.count(t, "time", "event", GROUP, Optional.empty(), TimeMatching.R_TOLERANCE)
        .counts().cell(0, 0).size()).isEqualTo(1);
  }
}
