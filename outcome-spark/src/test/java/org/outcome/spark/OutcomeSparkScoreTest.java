package org.outcome.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.RejectedRow;
import org.outcome.api.Violation;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.instruments.batch.ScoredRow;

/**
 * Scoring on Spark gives what {@code outcome score} gives for the same rows: the same row
 * numbers, scores, missing items, proration and not-scored reasons, and the same rejected rows
 * with the same reasons, whatever the partitioning; scored + rejected = read; no reason holds a
 * subject or a cell.
 */
class OutcomeSparkScoreTest {
  private static final InstrumentId GSE = InstrumentId.of("gse");

  @Test
  void givesWhatTheSingleMachineBatchGivesRowForRow(@TempDir Path dir) throws IOException {
    List<String> lines = lines(4_000);
    StructType schema = new StructType().add("subject", DataTypes.StringType).add("timepoint", DataTypes.StringType);
    for (int i = 1; i <= 10; i++) {
      schema = schema.add("q" + i, DataTypes.StringType);
    }
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      rows.add(RowFactory.create((Object[]) Arrays.stream(line.split(",", -1)).map(c -> c.isEmpty() ? null : c)
          .toArray(String[]::new)));
    }
    List<ScoredRow> scored = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    Path csv = Files.writeString(dir.resolve("gse.csv"), "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n"
        + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    BatchSummary summary = BatchScorer.of(InstrumentRegistry.load().require(GSE)).score(csv,
        BatchSink.of(scored::add, rejected::add));
    assertThat(summary.rejected()).isPositive();

    for (int partitions : new int[] {1, 3}) {
      Dataset<Row> table = SparkTests.spark().createDataFrame(rows, schema).coalesce(partitions);
      OutcomeSpark.Scored onSpark = OutcomeSpark.score(table, GSE);
      List<Row> scores = onSpark.scores().orderBy("row").collectAsList();
      List<Row> refused = onSpark.rejected().orderBy("row").collectAsList();

      assertThat(scores.size() + refused.size()).isEqualTo(lines.size());
      assertThat(scores).hasSize((int) summary.scored());
      for (int i = 0; i < scores.size(); i++) {
        Row r = scores.get(i);
        ScoredRow expected = scored.get(i);
        assertThat(r.getLong(0)).isEqualTo(expected.row());
        assertThat(r.getString(1)).isEqualTo(expected.subject().value());
        Object total = r.get(3);
        assertThat(total == null ? null : (Double) total)
            .isEqualTo(expected.score().primaryScore().value().isPresent()
                ? expected.score().primaryScore().value().getAsDouble() : null);
        assertThat(r.getString(4)).isEqualTo(String.join(" ",
            expected.score().missingItems().stream().map(String::valueOf).toList()));
        assertThat(r.getBoolean(5)).isEqualTo(expected.score().prorated());
      }
      assertThat(refused).hasSize(rejected.size());
      for (int i = 0; i < refused.size(); i++) {
        assertThat(refused.get(i).getLong(0)).isEqualTo(rejected.get(i).row());
        assertThat(refused.get(i).<String>getList(1))
            .isEqualTo(rejected.get(i).reasons().stream().map(Violation::toString).toList())
            .allSatisfy(reason -> assertThat(reason).doesNotContain("SUBJ"));
      }
    }
  }

  @Test
  void numericItemColumnsScoreLikeTextOnes() {
    StructType schema = new StructType().add("subject", DataTypes.StringType).add("timepoint", DataTypes.IntegerType);
    for (int i = 1; i <= 10; i++) {
      schema = schema.add("q" + i, i % 2 == 0 ? DataTypes.IntegerType : DataTypes.DoubleType);
    }
    Row row = RowFactory.create("A", 1, 1.0, 2, 3.0, 4, 1.0, 2, 3.0, 4, null, null);
    Row bad = RowFactory.create("B", 1, 1.5, 2, 3.0, 9, 1.0, 2, 3.0, 4, 1.0, 2);
    OutcomeSpark.Scored s = OutcomeSpark.score(SparkTests.spark().createDataFrame(List.of(row, bad), schema), GSE);

    Row scored = s.scores().first();
    assertThat(scored.getDouble(3)).isEqualTo((1 + 2 + 3 + 4 + 1 + 2 + 3 + 4) / 8.0 * 10);
    assertThat(scored.getString(4)).isEqualTo("9 10");
    assertThat(s.rejected().first().<String>getList(1))
        .containsExactly("row 2, column q1: not a whole number", "row 2, column q4: outside the scale 1-4");
  }

  @Test
  void cellsAreTrimmedAsTheCsvReaderTrimsThem() {
    StructType schema = new StructType().add("subject", DataTypes.StringType).add("timepoint", DataTypes.StringType);
    for (int i = 1; i <= 10; i++) {
      schema = schema.add("q" + i, DataTypes.StringType);
    }
    // Spark's CSV reader keeps spaces and tabs that the tool's reader trims
    Row padded = RowFactory.create(" A\t", " t0 ", " 1", "2 ", "\t3", "4", "1", "2", "3", "4", " ", "\t");
    Row plain = RowFactory.create("A", "t0", "1", "2", "3", "4", "1", "2", "3", "4", null, null);

    List<Row> scored = OutcomeSpark.score(SparkTests.spark().createDataFrame(List.of(padded, plain), schema), GSE)
        .scores().orderBy("row").collectAsList();

    assertThat(scored).hasSize(2);
    assertThat(scored.get(0).toSeq().drop(1)).isEqualTo(scored.get(1).toSeq().drop(1));
  }

  @Test
  void aTableWithoutTheInstrumentsColumnsIsRefusedWithEveryProblem() {
    StructType schema = new StructType().add("subject", DataTypes.StringType).add("q11", DataTypes.StringType);
    Dataset<Row> table = SparkTests.spark().createDataFrame(List.<Row>of(), schema);

    assertThatThrownBy(() -> OutcomeSpark.score(table, GSE)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.violations()).hasSize(12).contains(Violation.at("column timepoint", "missing from the table"),
            Violation.at("column q11", "gse has no item 11")));
  }

  /** Rows of GSE answers: most complete, some with missing answers, some with bad cells. */
  static List<String> lines(int n) {
    SplittableRandom random = new SplittableRandom(20_261_204L);
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      StringBuilder b = new StringBuilder(r % 97 == 0 ? "" : "SUBJ-" + r).append(",t").append(r % 3);
      for (int i = 0; i < 10; i++) {
        double u = random.nextDouble();
        String cell = u < 0.08 ? "" : u < 0.085 ? "5" : u < 0.088 ? "x" : u < 0.09 ? "2.5"
            : String.valueOf(1 + random.nextInt(4));
        b.append(',').append(cell);
      }
      lines.add(b.toString());
    }
    return lines;
  }
}
