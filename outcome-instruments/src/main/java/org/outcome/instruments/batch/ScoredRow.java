package org.outcome.instruments.batch;

import java.util.Objects;
import org.outcome.api.SubjectId;
import org.outcome.api.instrument.Score;

/**
 * One administration from a batch, scored.
 *
 * @param row the data record's number, from 1 after the header
 * @param subject who answered ({@link SubjectId#toString()} is redacted; write {@code value()}
 *     only as this row's own output)
 * @param timepoint the administration's time point, as written in the file
 * @param score the scores, with missing items, proration flags and reasons for absent scores
 */
public record ScoredRow(long row, SubjectId subject, String timepoint, Score score) {
  public ScoredRow {
    if (row < 1) {
      throw new IllegalArgumentException("row numbers start at 1, got " + row);
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(timepoint, "timepoint");
    Objects.requireNonNull(score, "score");
  }
}
