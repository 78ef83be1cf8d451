package org.outcome.evaluation.internal;

import java.util.HashMap;
import java.util.Map;
import org.outcome.api.RejectedRow;
import org.outcome.api.SubjectId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.ScoredRow;

/**
 * One outcome's scores at baseline and follow-up per person, scored from an answers file with
 * every row accounted for: rows the instrument rejects, rows of people not in the people file,
 * rows at another timepoint, and second rows for the same person and timepoint are rejected with
 * the reason; a row whose score could not be computed (too many items missing) counts as no score.
 */
final class OutcomeScores {
  private final Map<SubjectId, double[]> scores = new HashMap<>();
  final Accounting account;
  long notScored;

  private OutcomeScores(String file) {
    this.account = new Accounting(file);
  }

  static OutcomeScores read(EvaluationConfig config, EvaluationConfig.Answers answers, Instrument instrument,
      SubscaleId subscale, Participants participants) {
    OutcomeScores out = new OutcomeScores(answers.file().getFileName().toString());
    String baseline = config.timepoints().baseline();
    String followUp = config.timepoints().followUp();
    Map<String, Long> firstRow = new HashMap<>();
    BatchScorer.of(instrument).score(answers.file(), new BatchSink() {
      @Override
      public void scored(ScoredRow row) {
        out.account.read();
        int slot = row.timepoint().equals(baseline) ? 0 : row.timepoint().equals(followUp) ? 1 : -1;
        if (participants.group(row.subject()).isEmpty()) {
          out.account.reject(row.row(), "column subject: not a person of the people file (or the person's row was rejected)");
          return;
        }
        if (slot < 0) {
          out.account.reject(row.row(), "column timepoint: '" + row.timepoint() + "' is neither '" + baseline
              + "' nor '" + followUp + "'");
          return;
        }
        Long earlier = firstRow.putIfAbsent(row.subject().value() + '\u0000' + slot, row.row());
        if (earlier != null) {
          out.account.reject(row.row(), "the same person and timepoint as row " + earlier);
          return;
        }
        SubscaleScore s = row.score().subscale(subscale).orElseThrow();
        double[] pair = out.scores.computeIfAbsent(row.subject(), k -> new double[] {Double.NaN, Double.NaN});
        if (s.isScored()) {
          pair[slot] = s.value().getAsDouble();
        } else {
          out.notScored++;
        }
      }

      @Override
      public void rejected(RejectedRow row) {
        out.account.read();
        out.account.rejectViolations(row.row(), row.reasons());
      }
    });
    if (out.notScored > 0) {
      out.account.note(out.notScored + " rows were read but the score could not be computed (too many items missing)");
    }
    return out;
  }

  double before(SubjectId subject) {
    double[] pair = scores.get(subject);
    return pair == null ? Double.NaN : pair[0];
  }

  double after(SubjectId subject) {
    double[] pair = scores.get(subject);
    return pair == null ? Double.NaN : pair[1];
  }
}
