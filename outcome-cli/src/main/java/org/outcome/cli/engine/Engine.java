package org.outcome.cli.engine;

import org.outcome.api.instrument.Instrument;
import org.outcome.evaluation.EvaluationData;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.io.MissingValues;
import org.outcome.stats.groups.AncovaSummary;
import org.outcome.stats.groups.TwoGroupSummary;
import org.outcome.stats.paired.PairedSummary;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;

/**
 * Reads rows and runs analyses somewhere: the commands that can run on an engine ask it for their
 * data instead of reading the file themselves. Closed when the command is done.
 */
public interface Engine extends AutoCloseable {
  /** The engine's name, as the command line gives it. */
  String name();

  /**
   * The rows of a survival analysis, with those that miss a value the analysis uses left out (as
   * R's {@code na.omit}).
   *
   * @throws org.outcome.api.InvalidInputException if columns are missing or values are wrong
   */
  SurvivalData survival(SurvivalRequest request);

  /**
   * Community tenure from a people file and an episodes file (for Spark, any path or URI it
   * reads), equal to {@link org.outcome.tenure.TenureCalculator#read(java.nio.file.Path, java.nio.file.Path)} on the
   * same rows, every person brought back for the report.
   *
   * @throws org.outcome.api.InvalidInputException if required columns are missing
   */
  TenureResults tenure(String people, String episodes, TenureOptions options);

  /**
   * Scores a table of administrations (for Spark, any path or URI it reads) with the instrument's
   * engine and {@code outcome score}'s row rules, giving every row, in row order, to the sink:
   * what {@link org.outcome.instruments.batch.BatchScorer#score(java.nio.file.Path, BatchSink)}
   * gives for the same rows, with {@code missing} read as missing answers.
   *
   * @throws org.outcome.api.InvalidInputException if required columns are missing
   */
  BatchSummary score(String input, MissingValues missing, Instrument instrument, BatchSink sink);

  /**
   * The before-and-after summary of a table's rows (for Spark, any path or URI it reads): what
   * {@link PairedSummary#of(org.outcome.stats.paired.AnalysisSet.Selection,
   * org.outcome.stats.paired.WilcoxonSignedRankTest, java.util.Optional)} gives for the same rows,
   * means and SDs to rounding error, with the rows that miss a score (or, as treated, a dose)
   * numbered.
   *
   * @throws org.outcome.api.InvalidInputException if columns are missing or values are wrong
   */
  Summarised<PairedSummary> paired(PairedRequest request);

  /**
   * The two-group summary of a table's rows (for Spark, any path or URI it reads), rows without a
   * value left out: what {@link TwoGroupSummary#of} gives for the
   * complete rows, means and SDs to rounding error.
   *
   * @throws org.outcome.api.InvalidInputException if columns are missing or values are wrong
   */
  Summarised<TwoGroupSummary> compare(CompareRequest request);

  /**
   * The per-group summary of a table's rows for an analysis of covariance (for Spark, any path or
   * URI it reads), rows without a baseline or follow-up value left out: what
   * {@link AncovaSummary#of} gives for the complete rows, to rounding error.
   *
   * @throws org.outcome.api.InvalidInputException if columns are missing or values are wrong
   */
  Summarised<AncovaSummary> ancova(AncovaRequest request);

  /**
   * The engine as where an evaluation reads its tables (for Spark, any path or URI it reads, CSV
   * or Parquet), scores its answers and derives tenure: what {@link EvaluationData#files()} gives
   * for the same rows.
   */
  EvaluationData evaluationData();

  /** Stops the engine. */
  @Override
  void close();
}
