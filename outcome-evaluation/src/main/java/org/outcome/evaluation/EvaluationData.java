package org.outcome.evaluation;

import java.nio.file.Path;
import org.outcome.api.instrument.Instrument;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;

/**
 * Where an {@link Evaluation} does its two row-heavy steps: scoring each answers file and
 * deriving community tenure from the episodes. {@link #files()} does both here, on this machine;
 * a cluster engine (for example {@code outcome spark evaluate}) does them where the rows are and
 * hands back the same rows' results, so that everything after those steps (the people, the
 * analysis sets, every analysis and the report) is the same code on the same values, and the
 * report is the same report.
 *
 * <p>Contract, for any implementation: {@link #score} gives every row of the answers table to the
 * sink in row order, scored or rejected exactly as {@link BatchScorer#score(Path, BatchSink)}
 * would on the same rows; {@link #tenure} returns what {@link TenureCalculator#read(Path, Path)}
 * returns on the same rows. The configuration's other files (people and sessions, one row per
 * person) and the checks of the configuration against its data are read on this machine.
 */
public interface EvaluationData {
  /**
   * Scores every row of an answers table with an instrument, giving each to {@code sink} in row order.
   *
   * @throws org.outcome.api.InvalidInputException if the table cannot be read or lacks columns
   */
  BatchSummary score(Path answers, Instrument instrument, BatchSink sink);

  /**
   * Community tenure of the people in a people table from their episodes.
   *
   * @throws org.outcome.api.InvalidInputException if a table cannot be read or lacks columns
   */
  TenureResults tenure(Path people, Path episodes, TenureOptions options);

  /** Both steps on this machine, reading the files directly. */
  static EvaluationData files() {
    return new EvaluationData() {
      @Override
      public BatchSummary score(Path answers, Instrument instrument, BatchSink sink) {
        return BatchScorer.of(instrument).score(answers, sink);
      }

      @Override
      public TenureResults tenure(Path people, Path episodes, TenureOptions options) {
        return TenureCalculator.of(options).read(people, episodes);
      }

      @Override
      public String toString() {
        return "files on this machine";
      }
    };
  }
}
