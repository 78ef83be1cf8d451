package org.outcome.instruments.batch;

import java.util.Objects;
import java.util.function.Consumer;
import org.outcome.api.RejectedRow;

/**
 * Receives each row of a batch as soon as it is scored or rejected, in file order, so that a
 * million rows never sit in memory: write them out, count them, or collect them in a test.
 *
 * <pre>{@code
 * BatchScorer.of(instrument).score(csv, BatchSink.of(scores::add, rejected::add));
 * }</pre>
 */
public interface BatchSink {
  /** A row whose answers were valid; its score says per subscale whether it could be computed. */
  void scored(ScoredRow row);

  /** A row that could not be used, with its row number and every reason. */
  void rejected(RejectedRow row);

  /** A sink from two functions, one for scored rows and one for rejected rows. */
  static BatchSink of(Consumer<? super ScoredRow> scored, Consumer<? super RejectedRow> rejected) {
    Objects.requireNonNull(scored, "scored");
    Objects.requireNonNull(rejected, "rejected");
    return new BatchSink() {
      @Override
      public void scored(ScoredRow row) {
        scored.accept(row);
      }

      @Override
      public void rejected(RejectedRow row) {
        rejected.accept(row);
      }
    };
  }
}
