package org.outcome.tenure;

import java.util.Objects;
import java.util.Optional;
import org.outcome.tenure.internal.Assembler;
import org.outcome.tenure.internal.TenureCsv;

/**
 * Community tenure from rows that the caller reads (a database cursor, a Spark partition), with
 * the cells as text and exactly the rules, rejections and messages of
 * {@link TenureCalculator#read(java.nio.file.Path, java.nio.file.Path)}: offer every people row,
 * then every episode row, then {@link #finish()}. Not thread-safe; use once.
 *
 * <p>Rows carry their own numbers (from 1, as in the whole input), and each input's rows must be
 * offered in increasing row order. A batch may be given part of the inputs: when it is given
 * <em>every</em> row of some subjects (people and episodes), and any share of the rows with an
 * empty subject, its results, rejections and counts are exactly the whole run's restricted to those
 * rows, because every rule looks at one subject at a time. That is how the Spark module splits
 * the work; the parts' {@link TenureResults} then add up to the whole.
 *
 * <pre>{@code
 * TenureBatch batch = TenureBatch.of(TenureOptions.withDefaults());
 * batch.person(1, "p1", "2023-01-10", Optional.empty(), Optional.empty(), Optional.of("peer"));
 * batch.episode(1, "p1", "2023-03-01", "2023-03-09", Optional.empty());
 * TenureResults results = batch.finish();
 * }</pre>
 */
public final class TenureBatch {
  private final Assembler assembler;
  private boolean peopleClosed;
  private boolean finished;
  private long lastPeopleRow;
  private long lastEpisodeRow;

  private TenureBatch(TenureOptions options) {
    this.assembler = new Assembler(Objects.requireNonNull(options, "options"));
  }

  /** A batch with these options. */
  public static TenureBatch of(TenureOptions options) {
    return new TenureBatch(options);
  }

  /**
   * Offers a row of the people input. Empty text is an empty cell; an optional cell is empty when
   * it is empty or the input has no such column.
   *
   * @param row the row's number in the people input, from 1, greater than the last one offered
   * @throws IllegalStateException after the first episode row or {@link #finish()}
   * @throws IllegalArgumentException if {@code row} is not greater than the last people row
   */
  public void person(long row, String subject, String indexDate, Optional<String> endDate, Optional<String> deathDate,
      Optional<String> group) {
    if (peopleClosed || finished) {
      throw new IllegalStateException("offer every people row before the episodes");
    }
    lastPeopleRow = next(row, lastPeopleRow);
    TenureCsv.offerPerson(assembler, row, subject, indexDate, endDate, deathDate, group);
  }

  /**
   * Offers a row of the episodes input. An empty discharge date is an open episode.
   *
   * @param row the row's number in the episodes input, from 1, greater than the last one offered
   * @param setting the setting cell, or empty when the input has no setting column (every episode
   *     psychiatric); an empty cell in a setting column is rejected, as in the CSV file
   * @throws IllegalStateException after {@link #finish()}
   * @throws IllegalArgumentException if {@code row} is not greater than the last episode row
   */
  public void episode(long row, String subject, String admissionDate, String dischargeDate, Optional<String> setting) {
    checkOpen();
    closePeople();
    lastEpisodeRow = next(row, lastEpisodeRow);
    TenureCsv.offerEpisode(assembler, row, subject, admissionDate, dischargeDate, setting);
  }

  /** The results of the rows offered; the batch takes no more rows. */
  public TenureResults finish() {
    checkOpen();
    closePeople();
    finished = true;
    return assembler.finish();
  }

  /**
   * The people-input row of {@code results.people().get(i)}, for merging the results of several
   * batches in input order.
   *
   * @throws IllegalStateException before {@link #finish()}
   */
  public long peopleRow(int i) {
    if (!finished) {
      throw new IllegalStateException("finish the batch first");
    }
    return assembler.peopleRow(i);
  }

  private void closePeople() {
    if (!peopleClosed) {
      assembler.closePeople();
      peopleClosed = true;
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the batch is finished");
    }
  }

  private static long next(long row, long last) {
    if (row <= last) {
      throw new IllegalArgumentException("rows must be offered in increasing order from 1: row " + row
          + " after row " + last);
    }
    return row;
  }
}
