package org.outcome.instruments.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.outcome.api.InvalidInputException;
import org.outcome.api.RejectedRow;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.io.CsvRecord;
import org.outcome.io.CsvRecords;
import org.outcome.io.MissingValues;
import org.outcome.io.Numbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a CSV file of administrations of one instrument, streaming.
 *
 * <h2>Input</h2>
 * A UTF-8 CSV file with a header row holding {@code subject}, {@code timepoint} and one column
 * {@code q1} ... {@code qN} per item of the instrument, numbered as on the instrument's own form;
 * other columns are ignored. An empty item cell, or one holding {@code NA} (R's mark of a missing
 * value; {@link #withMissing} names others), is a missing answer. The header is checked before
 * any row: a missing column, or a {@code q} column for an item the instrument does not have, fails
 * the whole file with an {@link InvalidInputException} naming every such column.
 *
 * <h2>Rows</h2>
 * Each data row is scored or rejected. A row is rejected, with every reason, when it has more
 * cells than the header, an empty {@code subject} or {@code timepoint}, an item cell that is not a
 * number, not a whole number or outside the item's scale, or when the instrument rejects the
 * answers. Reasons name the row and column; they never contain a cell's content or the subject.
 * A row with valid answers is scored even when a missing-item rule leaves a score absent: the
 * score carries the reason. Malformed CSV quoting fails the whole file (its rows cannot be told
 * apart any more).
 *
 * <p>Immutable and thread-safe; each call reads its own file.
 */
public final class BatchScorer {
  /** Why a row without a subject or time point is rejected. */
  private static final String MISSING = "is missing (empty, or a missing-value marker such as NA)";
  private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);
  private static final Pattern ITEM_COLUMN = Pattern.compile("q([0-9]+)");

  private final Instrument instrument;
  private final int[] itemNumbers;
  private final String[] itemColumns;
  private final int[] min;
  private final int[] max;
  private final MissingValues missing;

  private BatchScorer(Instrument instrument, MissingValues missing) {
    this.instrument = instrument;
    this.missing = missing;
    InstrumentDefinition definition = instrument.definition();
    List<Item> items = definition.items();
    this.itemNumbers = new int[items.size()];
    this.itemColumns = new String[items.size()];
    this.min = new int[items.size()];
    this.max = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      itemNumbers[i] = item.number();
      itemColumns[i] = "q" + item.number();
      min[i] = item.scale().min();
      max[i] = item.scale().max();
    }
  }

  /**
   * A batch scorer for an instrument (built in or from a plugin), reading an empty item cell or
   * {@code NA} as a missing answer ({@link MissingValues#R_DEFAULT}).
   */
  public static BatchScorer of(Instrument instrument) {
    return new BatchScorer(Objects.requireNonNull(instrument, "instrument"), MissingValues.R_DEFAULT);
  }

  /** This scorer reading an item cell holding one of these markers (or empty) as a missing answer. */
  public BatchScorer withMissing(MissingValues markers) {
    return new BatchScorer(instrument, Objects.requireNonNull(markers, "markers"));
  }

  /** The instrument this batch scores. */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Scores a CSV file.
   *
   * @throws InvalidInputException if the file cannot be read, its header is invalid, or its CSV is malformed
   */
  public BatchSummary score(Path csv, BatchSink sink) {
    try (CsvRecords records = CsvRecords.open(csv)) {
      return score(records, sink);
    }
  }

  /**
   * Scores the records of an open CSV reader (which the caller closes), handing each row to the
   * sink as soon as it is done.
   *
   * @throws InvalidInputException if the header is invalid or the CSV is malformed
   */
  public BatchSummary score(CsvRecords records, BatchSink sink) {
    Objects.requireNonNull(sink, "sink");
    int[] columns = columns(records);
    int subjectColumn = records.columnIndex("subject");
    int timepointColumn = records.columnIndex("timepoint");
    int width = records.header().size();
    long read = 0;
    long scored = 0;
    records.acceptWideRecords();
    for (CsvRecord record : records) {
      read++;
      long row = record.row();
      List<Violation> reasons = null;
      if (record.width() > width) {
        reasons = add(reasons, Violation.atRow(row, "has " + record.width() + " cells but the header has "
            + width + " columns"));
      }
      String[] cells = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        cells[i] = record.get(columns[i]);
      }
      if (scoreRow(row, record.get(subjectColumn), record.get(timepointColumn), cells, reasons, sink)) {
        scored++;
      }
    }
    BatchSummary summary = new BatchSummary(read, scored, read - scored);
    // counts only: never a subject, a timepoint or a cell
    LOG.info("batch scored: read {} rows, scored {}, rejected {}", summary.read(), summary.scored(),
        summary.rejected());
    return summary;
  }

  /**
   * Scores one administration given as text cells, as {@link #score(CsvRecords, BatchSink)} scores
   * each row of a file, and hands it to the sink: for callers whose rows come from elsewhere (a
   * Spark partition, a database). A {@code null} or empty cell, or one holding a missing-value
   * marker, is a missing answer (an empty subject or timepoint is a reason to reject).
   *
   * @param row the row's number, from 1, used in the reasons of a rejected row
   * @param itemCells one cell per item, in the order of the instrument's items
   * @return whether the row was scored (else rejected)
   * @throws IllegalArgumentException if {@code itemCells} does not have one cell per item
   */
  public boolean scoreRow(long row, String subject, String timepoint, String[] itemCells, BatchSink sink) {
    if (itemCells.length != itemNumbers.length) {
      throw new IllegalArgumentException(instrument.id() + " has " + itemNumbers.length + " items, got "
          + itemCells.length + " cells");
    }
    return scoreRow(row, subject, timepoint, itemCells, null, Objects.requireNonNull(sink, "sink"));
  }

  private boolean scoreRow(long row, String subjectCell, String timepointCell, String[] cells, List<Violation> found,
      BatchSink sink) {
    List<Violation> reasons = found;
    String subject = subjectCell == null ? "" : subjectCell;
    String timepoint = timepointCell == null ? "" : timepointCell;
    // one wording for an empty cell and a marker: a cluster engine reads both as null
    if (missing.isMissing(subject)) {
      reasons = add(reasons, Violation.atCell(row, "subject", MISSING));
    }
    if (missing.isMissing(timepoint)) {
      reasons = add(reasons, Violation.atCell(row, "timepoint", MISSING));
    }
    ResponseSet.Builder answers = ResponseSet.builder(instrument.id());
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      if (missing.isMissing(cell)) {
        answers.missing(itemNumbers[i]);
        continue;
      }
      double value = parse(cell);
      String problem = null;
      if (Double.isNaN(value)) {
        problem = "not a number";
      } else if (value != Math.rint(value)) {
        problem = "not a whole number";
      } else if (value < min[i] || value > max[i]) {
        problem = "outside the scale " + min[i] + "-" + max[i];
      }
      if (problem != null) {
        reasons = add(reasons, Violation.atCell(row, itemColumns[i], problem));
      } else {
        answers.answer(itemNumbers[i], value);
      }
    }
    Score score = null;
    if (reasons == null) {
      try {
        score = instrument.score(answers.build());
      } catch (InvalidInputException e) {
        for (Violation v : e.violations()) {
          reasons = add(reasons, located(row, v));
        }
      }
    }
    if (reasons != null) {
      sink.rejected(new RejectedRow(row, reasons));
      return false;
    }
    sink.scored(new ScoredRow(row, SubjectId.of(subject), timepoint, score));
    return true;
  }

  /**
   * Checks a file's header without reading any row, so that a caller can fail before it opens
   * its output. {@link #score} checks it again.
   *
   * @throws InvalidInputException naming every missing or unknown column
   */
  public void checkHeader(CsvRecords records) {
    columns(records);
  }

  private int[] columns(CsvRecords records) {
    List<Violation> violations = new ArrayList<>();
    for (String required : List.of("subject", "timepoint")) {
      if (!records.hasColumn(required)) {
        violations.add(Violation.at("column " + required, "missing from the header"));
      }
    }
    int[] columns = new int[itemColumns.length];
    for (int i = 0; i < itemColumns.length; i++) {
      columns[i] = records.columnIndex(itemColumns[i]);
      if (columns[i] < 0) {
        violations.add(Violation.at("column " + itemColumns[i], "missing from the header: " + instrument.id()
            + " has item " + itemNumbers[i]));
      }
    }
    for (String name : records.header()) {
      var m = ITEM_COLUMN.matcher(name);
      if (m.matches() && instrument.definition().item(parseItemNumber(m.group(1))).isEmpty()) {
        violations.add(Violation.at("column " + name, instrument.id() + " has no item " + m.group(1)));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("cannot score " + instrument.id() + " from this file", violations);
    }
    return columns;
  }

  private static int parseItemNumber(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Whole numbers 0-9 without allocation; anything else through the one strict number parser
   * ({@link Numbers}: plain decimals only, so {@code 0x1p1}, {@code 2f} or {@code NaN} are not
   * answers); NaN if not a finite number.
   */
  private static double parse(String cell) {
    if (cell.length() == 1) {
      char c = cell.charAt(0);
      return c >= '0' && c <= '9' ? c - '0' : Double.NaN;
    }
    return Numbers.parse(cell);
  }

  /** An instrument's violation at {@code item N} becomes one at column {@code qN} of this row. */
  private static Violation located(long row, Violation v) {
    if (v.location().startsWith("item ")) {
      return Violation.atCell(row, "q" + v.location().substring(5), v.message());
    }
    return Violation.atRow(row, v.toString());
  }

  private static List<Violation> add(List<Violation> list, Violation v) {
    List<Violation> out = list == null ? new ArrayList<>() : list;
    out.add(v);
    return out;
  }
}
