package org.outcome.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.tenure.BedDayComparator;
import org.outcome.tenure.Setting;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;
import org.outcome.testkit.samples.TenureTables;

/**
 * Community tenure on Spark equals the single-machine run on the same rows (people, rejections
 * with their reasons, counts, summary), whatever the partitioning of the input and of the work.
 * The tables are drawn with every kind of bad row ({@link TenureTables}).
 */
class OutcomeSparkTenureTest {
  /** Windows, gaps, extraction dates and settings that change which rows are rejected and how people end. */
  static final List<TenureOptions> OPTIONS = List.of(
      TenureOptions.withDefaults().withWindowDays(730).withGapDays(2),
      TenureOptions.withDefaults().withExtractionDate(LocalDate.of(2023, 4, 30)),
      TenureOptions.withDefaults().withWindowDays(180).withExtractionDate(LocalDate.of(2023, 1, 31)).withGapDays(0)
          .withSettings(Setting.PSYCHIATRIC, Setting.OTHER),
      TenureOptions.withDefaults().withSettings(Setting.OTHER));

  static TenureResults onOneMachine(TenureTables tables, TenureOptions options) {
    return TenureCalculator.of(options).read(new StringReader(tables.peopleCsv()),
        new StringReader(tables.episodesCsv()));
  }

  /** A table of text cells (an empty cell null, as Spark's CSV reader gives it) in {@code partitions} partitions, in order. */
  static Dataset<Row> table(List<List<String>> rows, int partitions) {
    StructType schema = new StructType();
    for (String c : rows.get(0)) {
      schema = schema.add(c, DataTypes.StringType);
    }
    List<Row> data = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      data.add(RowFactory.create(r.stream().map(c -> c.isEmpty() ? null : c).toArray()));
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(SparkTests.spark().sparkContext());
    return SparkTests.spark().createDataFrame(context.parallelize(data, partitions), schema);
  }

  static void assertSame(TenureResults actual, TenureResults expected) {
    assertThat(actual.people()).isEqualTo(expected.people());
    assertThat(actual.rejected()).isEqualTo(expected.rejected());
    assertThat(actual.peopleCounts()).isEqualTo(expected.peopleCounts());
    assertThat(actual.episodeCounts()).isEqualTo(expected.episodeCounts());
    assertThat(actual.episodesOutsideSettings()).isEqualTo(expected.episodesOutsideSettings());
  }

  @Test
  void equalsTheSingleMachineRunWhateverThePartitioning() {
    SplittableRandom random = new SplittableRandom(20261204);
    int withRejections = 0;
    for (int run = 0; run < 10; run++) {
      TenureTables tables = TenureTables.generator(60).next(random);
      TenureOptions options = OPTIONS.get(run % OPTIONS.size());
      TenureResults expected = onOneMachine(tables, options);
      withRejections += expected.rejected().isEmpty() ? 0 : 1;
      // the work runs in as many partitions as the two inputs have together
      OutcomeSpark.Tenure onSpark = OutcomeSpark.tenure(table(tables.people(), 1 + random.nextInt(4)),
          table(tables.episodes(), 1 + random.nextInt(4)), options);
      onSpark.all().persist();
      assertSame(onSpark.collect(), expected);
      assertThat(onSpark.summary()).isEqualTo(expected.summary());
      BedDayComparator comparator = BedDayComparator.ofBedDays(14.5, "test");
      assertThat(onSpark.bedDaysSaved(comparator)).isEqualTo(expected.bedDaysSaved(comparator));
      onSpark.all().unpersist();
    }
    assertThat(withRejections).as("runs with rejected rows").isGreaterThan(5);
  }

  @Test
  void readsTheCsvFilesAndDateColumnsAsTheToolDoes(@TempDir Path dir) throws IOException {
    TenureTables tables = TenureTables.generator(80).next(new SplittableRandom(11));
    TenureOptions options = OPTIONS.get(0);
    TenureResults expected = onOneMachine(tables, options);
    Path people = Files.writeString(dir.resolve("people.csv"), spaced(tables.peopleCsv()), StandardCharsets.UTF_8);
    Path episodes = Files.writeString(dir.resolve("episodes.csv"), tables.episodesCsv(), StandardCharsets.UTF_8);
    Dataset<Row> peopleCsv = csv(people);
    Dataset<Row> episodesCsv = csv(episodes);
    assertSame(OutcomeSpark.tenure(peopleCsv, episodesCsv, options).collect(), expected);

    // the same people with the index date as a DATE column (as Parquet holds it): the good dates read alike
    Dataset<Row> typed = peopleCsv.withColumn("index_date", col("index_date").try_cast("date"));
    TenureResults withDates = OutcomeSpark.tenure(typed, episodesCsv, options).collect();
    assertThat(withDates.people()).isEqualTo(expected.people());
  }

  /** Spaces around some cells, which the CSV reader trims. */
  private static String spaced(String csv) {
    return csv.replace(",peer", ", peer ");
  }

  private static Dataset<Row> csv(Path file) {
    return SparkTests.spark().read().option("header", "true").option("inferSchema", "false").csv(file.toString());
  }

  @Test
  void theViewsHoldThePeopleForSurvivalAndTheRejectionsWithoutContent() {
    TenureTables tables = TenureTables.generator(60).next(new SplittableRandom(5));
    TenureOptions options = OPTIONS.get(1);
    TenureResults expected = onOneMachine(tables, options);
    OutcomeSpark.Tenure onSpark = OutcomeSpark.tenure(table(tables.people(), 2), table(tables.episodes(), 2), options);

    Dataset<Row> people = onSpark.people();
    assertThat(people.columns()).startsWith("row", "subject", "time", "event", "censorReason", "daysFollowed");
    long included = expected.people().stream().filter(r -> r.included()).count();
    assertThat(people.filter(col("time").isNotNull()).count()).isEqualTo(included);
    OutcomeSpark.Counted counted = OutcomeSpark.count(people, "time", "event", java.util.Optional.empty(),
        java.util.Optional.empty(), org.outcome.stats.survival.TimeMatching.R_TOLERANCE);
    assertThat(counted.counts().rows()).isEqualTo(included);

    List<Row> rejected = onSpark.rejected().collectAsList();
    assertThat(rejected).hasSize(expected.rejected().size()).isNotEmpty();
    List<String> subjects = new ArrayList<>();
    tables.people().subList(1, tables.people().size()).forEach(r -> subjects.add(r.get(0)));
    tables.episodes().subList(1, tables.episodes().size()).forEach(r -> subjects.add(r.get(0)));
    for (Row r : rejected) {
      for (Row reason : r.<Row>getList(2)) {
        String message = reason.getString(0) + " " + reason.getString(1);
        assertThat(subjects).noneMatch(s -> !s.isEmpty() && message.contains(s));
      }
    }
  }

  @Test
  void aMissingColumnIsNamed() {
    Dataset<Row> people = table(List.of(List.of("subject", "index"), List.of("1", "2023-01-01")), 1);
    Dataset<Row> episodes = table(List.of(List.of("subject", "admission_date"), List.of("1", "2023-01-01")), 1);
    assertThatThrownBy(() -> OutcomeSpark.tenure(people, episodes, OPTIONS.get(0)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactly(
            Violation.at("column index_date", "missing from the people table"),
            Violation.at("column discharge_date", "missing from the episodes table")));
  }
}
