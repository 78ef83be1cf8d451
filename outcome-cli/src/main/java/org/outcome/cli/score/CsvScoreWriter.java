package org.outcome.cli.score;

import java.io.PrintWriter;
import java.util.List;
import org.outcome.api.RejectedRow;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.cli.io.CsvCells;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.ScoredRow;

/**
 * Writes scored rows as CSV as they arrive: {@code row, subject, timepoint}, one column per
 * subscale (empty when not scored), {@code missing_items} (space-separated item numbers),
 * {@code prorated} and {@code not_scored} ({@code subscale: reason}, joined by {@code "; "}).
 * Rejected rows go to the error stream, one line per reason.
 */
final class CsvScoreWriter implements BatchSink {
  private final PrintWriter out;
  private final PrintWriter err;
  private final int subscales;
  private final StringBuilder line = new StringBuilder(256);

  CsvScoreWriter(PrintWriter out, PrintWriter err, Instrument instrument) {
    this.out = out;
    this.err = err;
    List<Subscale> list = instrument.definition().subscales();
    this.subscales = list.size();
    StringBuilder header = new StringBuilder("row,subject,timepoint");
    for (Subscale s : list) {
      header.append(',').append(s.id().value());
    }
    out.println(header.append(",missing_items,prorated,not_scored"));
  }

  @Override
  public void scored(ScoredRow row) {
    line.setLength(0);
    line.append(row.row()).append(',');
    appendCell(row.subject().value());
    line.append(',');
    appendCell(row.timepoint());
    StringBuilder notScored = null;
    List<SubscaleScore> scores = row.score().subscales();
    for (int s = 0; s < subscales; s++) {
      SubscaleScore score = scores.get(s);
      line.append(',');
      if (score.isScored()) {
        line.append(score.value().getAsDouble());
      } else {
        notScored = notScored == null ? new StringBuilder() : notScored.append("; ");
        notScored.append(score.subscale().value()).append(": ").append(score.notScoredReason().orElseThrow());
      }
    }
    line.append(',');
    List<Integer> missing = row.score().missingItems();
    for (int i = 0; i < missing.size(); i++) {
      if (i > 0) {
        line.append(' ');
      }
      line.append(missing.get(i));
    }
    line.append(',').append(row.score().prorated()).append(',');
    if (notScored != null) {
      appendCell(notScored.toString());
    }
    out.append(line).append('\n');
  }

  @Override
  public void rejected(RejectedRow row) {
    for (Violation v : row.reasons()) {
      err.println("score: rejected " + v);
    }
  }

  /** Appends a text cell: formulas neutralised, quoted as RFC 4180 asks ({@link CsvCells}). */
  private void appendCell(String value) {
    line.append(CsvCells.cell(value));
  }

}
