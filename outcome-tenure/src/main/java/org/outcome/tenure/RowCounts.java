package org.outcome.tenure;

/**
 * How many rows of one input were read, accepted and rejected; {@code read = accepted + rejected}.
 *
 * @param read data rows read
 * @param accepted rows used
 * @param rejected rows rejected, each with a {@link Rejection}
 */
public record RowCounts(long read, long accepted, long rejected) {
  public RowCounts {
    if (accepted < 0 || rejected < 0 || read != accepted + rejected) {
      throw new IllegalArgumentException("row counts must satisfy read = accepted + rejected, got "
          + read + ", " + accepted + ", " + rejected);
    }
  }
}
