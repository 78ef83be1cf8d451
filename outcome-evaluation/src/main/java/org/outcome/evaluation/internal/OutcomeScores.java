package org.outcome.evaluation.internal;

import java.util.List;
import org.outcome.api.SubjectId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationData;
import org.outcome.instruments.batch.ScoresByPerson;
import org.outcome.instruments.batch.TimepointScores;

/**
 * One outcome's scores at baseline and follow-up per person, read by {@link ScoresByPerson} with
 * every row accounted for: rows the instrument rejects, rows of people not accepted from the
 * people file, rows at another time point, and second rows for the same person and time point are
 * rejected with the reason; a row whose score could not be computed (too many items missing)
 * counts as no score and is noted.
 */
final class OutcomeScores {
  private final TimepointScores scores;
  private final String followUp;
  final Accounting account;

  private OutcomeScores(TimepointScores scores, String followUp, Accounting account) {
    this.scores = scores;
    this.followUp = followUp;
    this.account = account;
  }

  static OutcomeScores read(EvaluationConfig config, EvaluationConfig.Answers answers, Instrument instrument,
      SubscaleId subscale, Participants participants, EvaluationData data) {
    EvaluationConfig.Timepoints time = config.timepoints();
    TimepointScores scores = ScoresByPerson.of(instrument).withSubscale(subscale)
        .withTimepoints(time.baseline(), time.followUp())
        .withSubjects(participants.people(), "the people file (or the person's row there was rejected)")
        .read(sink -> data.score(answers.file(), instrument, sink));
    Accounting account = new Accounting(answers.file().name());
    account.read(scores.read());
    scores.rejected().forEach(row -> account.rejectViolations(row.row(), row.reasons()));
    if (scores.notScored() > 0) {
      account.note(scores.notScored() + " rows were read but the score could not be computed (too many items missing)");
    }
    return new OutcomeScores(scores, time.followUp(), account);
  }

  /** The baseline scores of these people, in order; NaN where a person has none. */
  double[] before(List<SubjectId> people) {
    return scores.baseline(people);
  }

  /** The follow-up scores of these people, in order; NaN where a person has none. */
  double[] after(List<SubjectId> people) {
    return scores.at(people, followUp);
  }
}
