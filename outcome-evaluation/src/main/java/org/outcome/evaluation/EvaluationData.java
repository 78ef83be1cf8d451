package org.outcome.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.io.CsvRecords;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;

/**
 * Where an evaluation's tables are read and its two row-heavy steps done: scoring each answers
 * table and deriving community tenure from the episodes. {@link #files()} reads files on this
 * machine; a cluster engine (for example {@code outcome spark evaluate}) reads its tables (URIs,
 * Parquet) and does both steps where the rows are, handing back the same rows' results, so that
 * everything else (the checks of the configuration against its data, the people, the analysis
 * sets, every analysis and the report) is the same code on the same values, and the report is the
 * same report.
 *
 * <p>Contract, for any implementation, on the same rows: {@link #open} gives the header and the
 * rows, in order, as {@link CsvRecords#open(Path)} gives those of a CSV file (cells as text, trimmed,
 * a missing value an empty cell); {@link #score} gives every row of the answers table to the sink in
 * row order, scored or rejected exactly as {@link BatchScorer#score(Path, BatchSink)} would;
 * {@link #tenure} returns what {@link TenureCalculator#read(Path, Path)} returns.
 */
public interface EvaluationData {
  /**
   * The rows of a table, in order, for the checks of a configuration and the people and sessions
   * tables. The caller closes it.
   *
   * @throws org.outcome.api.InvalidInputException if the table does not exist or cannot be read
   */
  CsvRecords open(TableLocation table);

  /**
   * Scores every row of an answers table with an instrument, giving each to {@code sink} in row order.
   *
   * @throws org.outcome.api.InvalidInputException if the table cannot be read or lacks columns
   */
  BatchSummary score(TableLocation answers, Instrument instrument, BatchSink sink);

  /**
   * Community tenure of the people in a people table from their episodes.
   *
   * @throws org.outcome.api.InvalidInputException if a table cannot be read or lacks columns
   */
  TenureResults tenure(TableLocation people, TableLocation episodes, TenureOptions options);

  /**
   * CSV files on this machine, read directly. A URI or a folder is refused (with the advice to run
   * the evaluation on an engine that reads it).
   */
  static EvaluationData files() {
    return new EvaluationData() {
      @Override
      public CsvRecords open(TableLocation table) {
        return CsvRecords.open(file(table));
      }

      @Override
      public BatchSummary score(TableLocation answers, Instrument instrument, BatchSink sink) {
        return BatchScorer.of(instrument).score(file(answers), sink);
      }

      @Override
      public TenureResults tenure(TableLocation people, TableLocation episodes, TenureOptions options) {
        return TenureCalculator.of(options).read(file(people), file(episodes));
      }

      private Path file(TableLocation table) {
        Path file = table.file().orElseThrow(() -> InvalidInputException.of("cannot read input", Violation.at(
            table.value(), "a URI, which only an engine reads: run 'outcome spark evaluate', or give a file path")));
        if (Files.isDirectory(file)) {
          throw InvalidInputException.of("cannot read input", Violation.at(table.value(), "a folder (of Parquet"
              + " files?), which only an engine reads: run 'outcome spark evaluate', or give a CSV file"));
        }
        return file;
      }

      @Override
      public String toString() {
        return "files on this machine";
      }
    };
  }
}
