package org.outcome.spark;

import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.outcome.api.instrument.Instrument;
import org.outcome.evaluation.EvaluationData;
import org.outcome.evaluation.TableLocation;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.io.CsvRecords;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;

/**
 * An evaluation's tables read by Spark, its answers scored and its tenure derived on the cluster:
 * give it to {@code Evaluation.withData} and {@code EvaluationConfigReader.read}, and the report
 * is the one the evaluation gives on the same rows in one process.
 *
 * <pre>{@code
 * EvaluationData onSpark = SparkEvaluationData.of(location -> spark.read().option("header", "true").csv(location));
 * EvaluationConfig config = EvaluationConfigReader.read(Path.of("evaluation.json"), instruments, analyses, onSpark);
 * EvaluationReport report = Evaluation.of(config, instruments, analyses).withData(onSpark).run(ProgressListener.silent());
 * }</pre>
 *
 * <p>A class of its own, so that {@link OutcomeSpark} needs no {@code outcome-evaluation} on the
 * class path of a job that does not evaluate.
 */
public final class SparkEvaluationData implements EvaluationData {
  private final Function<String, Dataset<Row>> tables;

  private SparkEvaluationData(Function<String, Dataset<Row>> tables) {
    this.tables = tables;
  }

  /**
   * @param tables reads a location of the configuration (an absolute path, or a URI as written)
   *     into a table, with a header for CSV; every column is read as text
   */
  public static SparkEvaluationData of(Function<String, Dataset<Row>> tables) {
    return new SparkEvaluationData(Objects.requireNonNull(tables, "tables"));
  }

  /** The table's rows brought to the driver one partition at a time ({@link OutcomeSpark#records}). */
  @Override
  public CsvRecords open(TableLocation table) {
    return OutcomeSpark.records(tables.apply(table.value()), "file " + table.name());
  }

  /** Scored on the cluster, every row's result brought back in order ({@link OutcomeSpark#scoreInto}). */
  @Override
  public BatchSummary score(TableLocation answers, Instrument instrument, BatchSink sink) {
    return OutcomeSpark.scoreInto(tables.apply(answers.value()), instrument, sink);
  }

  /** Derived on the cluster, one result per person brought back ({@link OutcomeSpark#tenure}). */
  @Override
  public TenureResults tenure(TableLocation people, TableLocation episodes, TenureOptions options) {
    return OutcomeSpark.tenure(tables.apply(people.value()), tables.apply(episodes.value()), options).collect();
  }

  @Override
  public String toString() {
    return "Spark";
  }
}
