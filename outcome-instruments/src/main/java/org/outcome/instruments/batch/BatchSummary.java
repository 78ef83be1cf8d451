package org.outcome.instruments.batch;

/**
 * The accounting of a batch: every row read was either scored or rejected.
 *
 * @param read data rows read (after the header)
 * @param scored rows whose answers were valid (a score may still be absent under a missing-item rule)
 * @param rejected rows rejected, each reported to the sink with its reasons
 */
public record BatchSummary(long read, long scored, long rejected) {
  public BatchSummary {
    if (read < 0 || scored < 0 || rejected < 0 || scored + rejected != read) {
      throw new IllegalArgumentException("scored (" + scored + ") + rejected (" + rejected
          + ") must equal read (" + read + ")");
    }
  }
}
