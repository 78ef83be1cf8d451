package org.outcome.instruments.batch;

import org.outcome.api.RejectedRow;

/**
 * Receives each row of a batch as soon as it is scored or rejected, in file order, so that a
 * million rows never sit in memory: write them out, count them, or collect them in a test.
 */
public interface BatchSink {
  /** A row whose answers were valid; its score says per subscale whether it could be computed. */
  void scored(ScoredRow row);

  /** A row that could not be used, with its row number and every reason. */
  void rejected(RejectedRow row);
}
