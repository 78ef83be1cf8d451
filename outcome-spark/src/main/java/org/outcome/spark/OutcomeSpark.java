package org.outcome.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.FractionalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.io.CsvRecords;
import org.outcome.io.EventCoding;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.AncovaSummary;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoGroupSummary;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.PairedSummary;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.SurvivalCounts;
import org.outcome.stats.survival.TimeMatching;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.tenure.BedDayComparator;
import org.outcome.tenure.BedDaysSaved;
import org.outcome.tenure.Rejection;
import org.outcome.tenure.TenureBatch;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResult;
import org.outcome.tenure.TenureResults;
import org.outcome.tenure.TenureSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kaplan–Meier, log-rank and restricted mean survival time over a Spark table: the rows are
 * reduced on the cluster to events and censorings per (stratum, group, time), only those counts
 * are collected to the driver, and the engines of {@code outcome-stats} compute the estimates from
 * them ({@link SurvivalCounts}). The numbers are those the single-machine path gives for the same
 * rows ({@code SurvivalCounts.of(sample)}), whatever the partitioning.
 *
 * <p><b>Columns.</b> {@code time} is a numeric column (any Spark numeric type); {@code event} is
 * numeric (0 or 1), boolean, or text ({@code "0"} or {@code "1"}); a group or strata column is
 * any column of atomic type, its levels being the values cast to text. Text cells are trimmed, as
 * the command-line reader trims CSV cells. Level order is R's, as {@link Factor#of}: numerically
 * when every level is a number, otherwise by code point.
 *
 * <p><b>Missing and bad values</b>, as the command line's survival input: a row with a missing
 * value in any column the analysis uses (null, NaN, or an empty text cell) is left out, as R's
 * {@code na.omit}, and counted ({@link Counted#omittedRows()}, also logged as a count). A value
 * that is present but wrong (a time that is not a positive finite number, an event that is not 0
 * or 1) is an {@link InvalidInputException} with one {@link Violation} per column, giving the
 * number of bad rows (a Spark table has no row numbers); no message quotes a cell.
 *
 * <p>Each call runs one Spark job (one aggregation with one shuffle); the driver receives one row
 * per distinct (stratum, group, time) plus one per kind of left-out row: with whole-day times at
 * most strata × groups × days, however many rows; with continuous times up to one per row. The
 * group and stratum levels are those of the rows used, read from that same result (no second
 * pass). Stateless and thread-safe; the table is not cached or changed.
 */
public final class OutcomeSpark {
  private static final Logger LOG = LoggerFactory.getLogger(OutcomeSpark.class);

  /** Row status codes, computed on the cluster. */
  private static final int USED = 0;
  private static final int OMITTED = 1;
  private static final int BAD_TIME = 2;
  private static final int BAD_EVENT = 3;
  private static final int BAD_BOTH = 4;
  private static final String BAD_TIME_TEXT = " a time that is negative or not finite";
  private static final String BAD_EVENT_TEXT = " an event that is not an event code (0/1, 1/2 or TRUE/FALSE, as R's"
      + " Surv reads)";

  private OutcomeSpark() {}

  /**
   * Counts from a Spark table, with the rows left out for a missing value.
   *
   * @param counts the counts of the rows used
   * @param rowsRead every row of the table
   * @param omittedRows the rows left out for a missing value in a used column ({@code na.omit});
   *     {@code counts.rows() + omittedRows == rowsRead}
   * @param eventCoding how the event column was coded (decided from every row with an event, as
   *     R's {@code Surv} decides)
   */
  public record Counted(SurvivalCounts counts, long rowsRead, long omittedRows, EventCoding eventCoding) {
    /**
     * @throws NullPointerException if {@code counts} or {@code eventCoding} is null
     * @throws IllegalArgumentException unless the rows add up
     */
    public Counted {
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(eventCoding, "eventCoding");
      if (omittedRows < 0 || counts.rows() + omittedRows != rowsRead) {
        throw new IllegalArgumentException("rows used (" + counts.rows() + ") and omitted (" + omittedRows
            + ") do not add up to the rows read (" + rowsRead + ")");
      }
    }
  }

  /**
   * The survival counts of a table, with R's time matching ({@link TimeMatching#R_TOLERANCE}).
   *
   * @see #count(Dataset, String, String, Optional, Optional, TimeMatching)
   */
  public static SurvivalCounts survivalCounts(Dataset<Row> data, String time, String event, Optional<String> group,
      Optional<String> strata) {
    return count(data, time, event, group, strata, TimeMatching.R_TOLERANCE).counts();
  }

  /**
   * The survival counts of a table, computed on the cluster: for each (stratum, group, time) the
   * number of events and of censorings. The result equals {@code SurvivalCounts.of(sample,
   * matching)} for a sample of the same rows (after leaving out those with a missing value), with
   * the same group and stratum levels in the same order.
   *
   * @param data the table
   * @param time the column of times
   * @param event the column of event indicators: 0/1, 1/2 or TRUE/FALSE, decided from the
   *     values present as R's {@code Surv} decides ({@link EventCoding})
   * @param group the group column, if any
   * @param strata the strata column, if any
   * @param matching how near-equal times are matched (applied on the driver to the distinct times)
   * @throws InvalidInputException if a column is absent or of a type that cannot hold its values,
   *     if present values are invalid (one violation per column, with the number of bad rows), or
   *     if the group or strata column has a different value on every row (it looks like an
   *     identifier, as {@link Factor#grouping} refuses)
   * @throws DegenerateDataException if no row has every value the analysis uses
   */
  public static Counted count(Dataset<Row> data, String time, String event, Optional<String> group,
      Optional<String> strata, TimeMatching matching) {
    return count(data, time, event, group, Optional.empty(), strata, matching);
  }

  /**
   * The survival counts of a table, as {@link #count(Dataset, String, String, Optional, Optional,
   * TimeMatching)}, with the group levels in a given order ({@link Factor#withLevelOrder}).
   *
   * @param groupOrder every group level of the rows used, once, in the order wanted
   * @throws InvalidInputException also if {@code groupOrder} names a level the rows lack, names one
   *     twice or leaves one out
   */
  public static Counted count(Dataset<Row> data, String time, String event, Optional<String> group,
      Optional<List<String>> groupOrder, Optional<String> strata, TimeMatching matching) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(groupOrder, "groupOrder");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(strata, "strata");
    Objects.requireNonNull(matching, "matching");

    Map<String, DataType> types = types(data);
    List<Violation> schema = new ArrayList<>();
    Columns cols = new Columns(
        timeColumn(time, types.get(time), schema),
        eventColumn(event, types.get(event), schema),
        group.map(g -> levelColumn(g, types.get(g), schema)),
        strata.map(s -> levelColumn(s, types.get(s), schema)));
    if (!schema.isEmpty()) {
      throw new InvalidInputException("the table does not have the survival columns asked for", schema);
    }

    Column missing = cols.time.missing.or(cols.event.missing);
    Column badTime = cols.time.bad;
    Column badEvent = cols.event.bad;
    for (Part p : cols.levels()) {
      missing = missing.or(p.missing);
    }
    Column status = when(missing, OMITTED)
        .when(badTime.and(badEvent), BAD_BOTH)
        .when(badTime, BAD_TIME)
        .when(badEvent, BAD_EVENT)
        .otherwise(USED);
    Column used = status.equalTo(USED);
    // rows not used collapse to one group per status: their keys are null
    Dataset<Row> keyed = data.select(
        status.as("status"),
        when(used, cols.strata.map(p -> p.value).orElse(lit(""))).as("s"),
        when(used, cols.group.map(p -> p.value).orElse(lit(""))).as("g"),
        when(used, cols.time.value).as("t"),
        cols.event.value.as("e"));
    // per cell, the rows holding each event code: the coding is decided on the driver from the
    // codes of every row with an event (left-out rows too, as Surv sees the column before na.omit)
    List<Column> perCode = new ArrayList<>();
    for (EventCoding.Code code : EventCoding.Code.values()) {
      perCode.add(countWhen(col("e").equalTo(code.ordinal())));
    }
    perCode.add(functions.count(lit(1)).as("n"));
    List<Row> cells = keyed.groupBy("status", "s", "g", "t")
        .agg(perCode.get(0), perCode.subList(1, perCode.size()).toArray(Column[]::new))
        .collectAsList();
    int codes = EventCoding.Code.values().length;

    long read = 0;
    long omitted = 0;
    long[] bad = new long[BAD_BOTH + 1];
    Set<String> strataSeen = new LinkedHashSet<>();
    Set<String> groupsSeen = new LinkedHashSet<>();
    List<Row> usedCells = new ArrayList<>();
    Map<EventCoding.Code, Long> codeCounts = new EnumMap<>(EventCoding.Code.class);
    for (Row r : cells) {
      int st = r.getInt(0);
      long n = r.getLong(4 + codes);
      read += n;
      for (EventCoding.Code code : EventCoding.Code.values()) {
        codeCounts.merge(code, r.getLong(4 + code.ordinal()), Long::sum);
      }
      if (st == USED) {
        usedCells.add(r);
        strataSeen.add(r.getString(1));
        groupsSeen.add(r.getString(2));
      } else if (st == OMITTED) {
        omitted += n;
      } else {
        bad[st] += n;
      }
    }
    List<Violation> values = new ArrayList<>();
    if (bad[BAD_TIME] + bad[BAD_BOTH] > 0) {
      values.add(Violation.at("column " + time,
          rows(bad[BAD_TIME] + bad[BAD_BOTH]) + BAD_TIME_TEXT));
    }
    if (bad[BAD_EVENT] + bad[BAD_BOTH] > 0) {
      values.add(Violation.at("column " + event, rows(bad[BAD_EVENT] + bad[BAD_BOTH]) + BAD_EVENT_TEXT));
    }
    if (!values.isEmpty()) {
      throw new InvalidInputException("invalid values in the survival table", values);
    }
    EventCoding coding = EventCoding.of(event, codeCounts);
    int eventCode = coding.event().ordinal();
    if (usedCells.isEmpty()) {
      throw DegenerateDataException.noCompleteRow("table", read);
    }
    long rowsUsed = read - omitted;
    Optional<List<String>> groupLevels = group.map(g -> levels(g, groupsSeen, rowsUsed)).map(l ->
        groupOrder.map(order -> Factor.withLevels(l.toArray(String[]::new), l).withLevelOrder(order).levels())
            .orElse(l));
    Optional<List<String>> strataLevels = strata.map(s -> levels(s, strataSeen, rowsUsed));
    Map<String, Integer> groupIndex = index(groupLevels);
    Map<String, Integer> strataIndex = index(strataLevels);
    SurvivalCounts.Builder b = SurvivalCounts.builder(groupLevels, strataLevels).timeMatching(matching);
    for (Row r : usedCells) {
      long events = r.getLong(4 + eventCode);
      long n = r.getLong(4 + codes);
      b.add(strataIndex.getOrDefault(r.getString(1), 0), groupIndex.getOrDefault(r.getString(2), 0), r.getDouble(3),
          events, n - events);
    }
    if (omitted > 0) {
      LOG.info("{} of {} rows with a missing value in a used column left out of the analysis (as R's na.omit)",
          omitted, read);
    }
    return new Counted(b.build(), read, omitted, coding);
  }


  /**
   * Kaplan–Meier curves of a table: {@code config.fit} on the counts of the table made with the
   * configuration's time matching. Without group and strata columns there is one curve.
   *
   * @throws InvalidInputException as {@link #count}
   * @throws DegenerateDataException as {@link #count}
   */
  public static KaplanMeier.Result km(Dataset<Row> data, String time, String event, Optional<String> group,
      Optional<String> strata, KaplanMeier config) {
    Objects.requireNonNull(config, "config");
    return config.fit(count(data, time, event, group, strata, config.timeMatching()).counts());
  }

  /**
   * The log-rank (or G-rho) test of a table's groups, stratified when a strata column is given:
   * {@code config.test} on the counts made with the configuration's time matching.
   *
   * @throws InvalidInputException as {@link #count}
   * @throws DegenerateDataException as {@link #count}, and as {@link LogRank#test(SurvivalCounts)}
   *     (fewer than two groups with rows, no events, a singular variance)
   */
  public static LogRank.Result logRank(Dataset<Row> data, String time, String event, String group,
      Optional<String> strata, LogRank config) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(config, "config");
    return config.test(count(data, time, event, Optional.of(group), strata, config.timeMatching()).counts());
  }

  /**
   * Restricted mean survival time per group of a table, with R's time matching:
   * {@code config.compare} on the counts. ({@link Rmst} does not expose its time-matching
   * setting, so the counts are made with R's rule, {@link TimeMatching#R_TOLERANCE}, the default
   * of every configuration; use {@link #count} and {@link Rmst#compare(SurvivalCounts)} for
   * another.) RMST is not stratified, so there is no strata column.
   *
   * @throws InvalidInputException as {@link #count} and {@link Rmst#compare(SurvivalCounts)}
   * @throws DegenerateDataException as {@link #count} and {@link Rmst#compare(SurvivalCounts)}
   */
  public static Rmst.Result rmst(Dataset<Row> data, String time, String event, Optional<String> group,
      Rmst config) {
    Objects.requireNonNull(config, "config");
    return config.compare(count(data, time, event, group, Optional.empty(), TimeMatching.R_TOLERANCE).counts());
  }

  /**
   * A table of administrations scored on Spark: one row per input row, in one dataset with a
   * {@code scored} flag, and the two views of it. Each view recomputes the scoring unless
   * {@link #all()} is persisted first ({@code scored.all().persist()}).
   *
   * @param all every row: {@code row} (its number from 1 in the table's order), {@code scored},
   *     then for scored rows {@code subject}, {@code timepoint}, one column per subscale (null when
   *     not scored), {@code missing_items}, {@code prorated} and {@code not_scored}, and for
   *     rejected rows {@code reasons}; then, for reading rows back into the library's types, the
   *     same in parts: {@code subscale_details} (per subscale: missing items, prorated, why not
   *     scored) and {@code reason_parts} (location, message)
   * @param subscales the subscale columns, in the instrument's order
   */
  public record Scored(Dataset<Row> all, List<String> subscales) {
    /** Validates and copies. */
    public Scored {
      Objects.requireNonNull(all, "all");
      subscales = List.copyOf(subscales);
    }

    /**
     * The scored rows, as {@code outcome score} writes them: {@code row, subject, timepoint}, the
     * subscales, {@code missing_items, prorated, not_scored}.
     */
    public Dataset<Row> scores() {
      return all.filter(col("scored")).drop("scored", "reasons", SparkScoring.DETAILS, SparkScoring.REASON_PARTS);
    }

    /** The rejected rows: {@code row} and {@code reasons} (row, column and problem; never a cell's content). */
    public Dataset<Row> rejected() {
      return all.filter(functions.not(col("scored"))).select("row", "reasons");
    }
  }

  /**
   * Scores a table of administrations of a registered instrument (built in, or a plugin on the
   * executors' class path too), with the engine and the row rules of {@code outcome score}
   * ({@link org.outcome.instruments.batch.BatchScorer}): columns {@code subject},
   * {@code timepoint} and {@code q1 ... qN} of any type (cells are read as text and trimmed of
   * spaces and tabs, as the CSV reader trims them: a missing value is a missing answer), other
   * columns ignored. Every row comes out scored or rejected with its
   * number and every reason, so scored + rejected = read. Lazy: nothing runs until a view is
   * used (then one pass numbering the rows, one scoring them).
   *
   * @throws IllegalArgumentException if no registered instrument has this id
   * @throws InvalidInputException naming every missing column, and every {@code q} column of an
   *     item the instrument does not have
   */
  public static Scored score(Dataset<Row> answers, InstrumentId instrument) {
    return SparkScoring.score(Objects.requireNonNull(answers, "answers"), Objects.requireNonNull(instrument,
        "instrument"));
  }

  /**
   * Community tenure computed on the cluster: one row per accepted person, one per rejected row and
   * one of counts per partition, tagged by {@code kind}, and the views of them. Each view
   * recomputes the tenure unless {@link #all()} is persisted first ({@code tenure.all().persist()}).
   *
   * @param all every output row, tagged {@code kind} = {@code person}, {@code rejected} or
   *     {@code counts}
   * @param options the options used
   */
  public record Tenure(Dataset<Row> all, TenureOptions options) {
    /** Validates. */
    public Tenure {
      Objects.requireNonNull(all, "all");
      Objects.requireNonNull(options, "options");
    }

    /**
     * One row per accepted person: {@code row} (the people table's row, from 1), then the columns
     * {@code outcome tenure --format csv} writes ({@code subject, time, event, censorReason,
     * daysFollowed, daysInCommunity, bedDays, readmissions, readmitted30, readmitted90,
     * mergedStays, flags} (an array), {@code group}), then {@code indexDate, followUpEnd,
     * followUpEndReason, firstReadmission}, and {@code readmissionDays}: each readmission's admission
     * and discharge day from the index date, in pairs (-1 while open). {@code time} and {@code event} are null for a person a
     * flag excludes from time to readmission, so that {@link #km} and {@link #cox} on this table
     * leave them out as missing. Not in any order: sort by {@code row} for the input's.
     */
    public Dataset<Row> people() {
      return all.filter(col("kind").equalTo(SparkTenure.PERSON)).select(
          SparkTenure.PEOPLE_COLUMNS.stream().map(functions::col).toArray(Column[]::new));
    }

    /**
     * The rejected rows: {@code file} ({@code people} or {@code episodes}), {@code row} and
     * {@code reasons} (an array of {@code location, message}); never a cell's content.
     */
    public Dataset<Row> rejected() {
      return all.filter(col("kind").equalTo(SparkTenure.REJECTED)).select("file", "row", "reasons");
    }

    /** The counts and totals of the run, from one pass over {@link #all()} (one row per person, not gathered). */
    public TenureSummary summary() {
      return totals().summary();
    }

    /** Bed-days saved against a comparator, from the same one pass as {@link #summary()}. */
    public BedDaysSaved bedDaysSaved(BedDayComparator comparator) {
      return totals().tally.bedDaysSaved(comparator);
    }

    private SparkTenure.Totals totals() {
      return all.javaRDD().treeAggregate(new SparkTenure.Totals(), SparkTenure.Totals::add,
          SparkTenure.Totals::merge);
    }

    /**
     * The whole run on the driver, equal to {@link TenureCalculator#read} on the same rows: people
     * in the people table's order, rejections people first, each in row order. Brings every person
     * to the driver (for printing a report); use the views to keep them on the cluster.
     */
    public TenureResults collect() {
      SparkTenure.Totals totals = new SparkTenure.Totals();
      List<Map.Entry<Long, TenureResult>> people = new ArrayList<>();
      List<Rejection> rejected = new ArrayList<>();
      for (Row r : all.collectAsList()) { // one job; sorted here, as every row comes here anyway
        switch (r.getString(0)) {
          case SparkTenure.PERSON -> { // made once, for the tally and the list
            TenureResult person = SparkTenure.result(r);
            totals.tally.add(person);
            people.add(Map.entry(r.getLong(1), person));
          }
          case SparkTenure.REJECTED -> {
            totals.add(r);
            rejected.add(SparkTenure.rejection(r));
          }
          default -> totals.add(r);
        }
      }
      people.sort(Map.Entry.comparingByKey());
      rejected.sort(Comparator.comparing(Rejection::file).thenComparingLong(Rejection::row));
      return new TenureResults(options, people.stream().map(Map.Entry::getValue).toList(), rejected,
          totals.people(), totals.episodes(), totals.outside);
    }
  }

  /**
   * Community tenure from a people table and an episodes table, with exactly the rules, rejections
   * and messages of {@link TenureCalculator#read(java.nio.file.Path, java.nio.file.Path)} on the
   * same rows (row numbers from 1 in each table's order), whatever the partitioning. Columns as the
   * files': people {@code subject, index_date} and optionally {@code end_date, death_date, group};
   * episodes {@code subject, admission_date, discharge_date} and optionally {@code setting}; other
   * columns ignored. Cells are read as text (a {@code DATE} column as {@code YYYY-MM-DD}, a null
   * as an empty cell) and trimmed of spaces and tabs, as the CSV reader trims them.
   *
   * <p>How: both tables are numbered (one pass each), every row goes to the partition of its
   * subject (as many partitions as the two tables have together) sorted by table and row, and each
   * partition runs the single-machine rules ({@link TenureBatch}) on its subjects. No row reaches
   * the driver; memory per partition is the single-machine path's for that partition's rows.
   * Lazy: nothing runs until a view is used.
   *
   * @throws InvalidInputException naming every required column missing from either table
   */
  public static Tenure tenure(Dataset<Row> people, Dataset<Row> episodes, TenureOptions options) {
    return SparkTenure.tenure(Objects.requireNonNull(people, "people"), Objects.requireNonNull(episodes, "episodes"),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * Scores a table on the cluster as {@link #score} does and gives every row back to {@code sink}
   * on the driver, in row order, as the library's own types: what
   * {@link BatchScorer#score(java.nio.file.Path, BatchSink)} gives for the same rows. For printing
   * or writing every score where the driver runs ({@code outcome spark score}); to keep the
   * scores on the cluster, use {@link #score}.
   *
   * @throws InvalidInputException as {@link #score}
   */
  public static BatchSummary scoreInto(Dataset<Row> answers, Instrument instrument, BatchSink sink) {
    Objects.requireNonNull(sink, "sink");
    Scored scored = score(answers, instrument.id());
    long read = 0;
    long rejected = 0;
    // the rows come partition after partition, each in its order: the table's order, no sort needed
    for (Iterator<Row> rows = scored.all().toLocalIterator(); rows.hasNext(); ) {
      Row r = rows.next();
      read++;
      if (r.getBoolean(1)) {
        sink.scored(SparkScoring.scoredRow(r, instrument));
      } else {
        rejected++;
        sink.rejected(SparkScoring.rejectedRow(r));
      }
    }
    return new BatchSummary(read, read - rejected, rejected);
  }

  /**
   * A table's rows on the driver, in order, as the tool's CSV reader gives a CSV file's
   * ({@link CsvRecords#open(java.nio.file.Path)}): every column as text (numbers as Spark writes
   * them, dates as {@code YYYY-MM-DD}), trimmed of spaces and tabs, a null an empty cell, rows
   * numbered from 1. The rows come one partition at a time (Spark's local iterator), so the driver
   * holds one partition, not the table: for the checks of an evaluation's configuration and its
   * people and sessions tables, one row per person.
   *
   * @param table the table
   * @param source names the table in messages, for example {@code "file people.csv"}
   */
  public static CsvRecords records(Dataset<Row> table, String source) {
    String[] header = table.columns();
    // quoted, so that a name with a dot is a column, not a field of one
    Column[] text = Arrays.stream(header).map(c -> SparkCells.column(c).cast("string"))
        .toArray(Column[]::new);
    return CsvRecords.of(new RowsAsCsv(header, table.select(text).toLocalIterator()), source);
  }

  /**
   * A before-and-after analysis of a table, summarised on the cluster: each row is a person with
   * a baseline score, a follow-up score and optionally a dose; {@code set} chooses the pairs as
   * {@link AnalysisSet#select} does (null or NaN marks a missing value), and the summary gives,
   * through the analyses of {@code outcome-stats}, what they give on the same rows in one process:
   * counts and ranks exactly (so the signed-rank V and its p-value) and the reliable change tally
   * when a rule is given ({@link ReliableChange#summarise}), means and SDs to rounding
   * error (a relative difference of the order of 1e-15, merged from parts). Three Spark jobs: one
   * summarising each partition, two ranking the non-zero differences (a count per distinct
   * absolute difference, then its sort); only one small summary per partition reaches the driver.
   *
   * @param data the table
   * @param before the column of baseline scores (numeric)
   * @param after the column of follow-up scores (numeric)
   * @param dose the column of doses (numeric), needed for an as-treated set
   * @param set the analysis set
   * @param ranking the signed-rank test whose ranking ({@code mu}, {@code digits.rank}) the
   *     summary follows
   * @param reliableChange a reliable change rule whose tally to take, if any
   * @throws InvalidInputException if a column is absent or not numeric, an as-treated set has no
   *     dose column, or values are not finite or doses negative (one violation per column, with
   *     the number of bad rows; no message quotes a cell)
   */
  public static PairedSummary paired(Dataset<Row> data, String before, String after, Optional<String> dose, AnalysisSet set,
      WilcoxonSignedRankTest ranking, Optional<ReliableChange> reliableChange) {
    return SparkComparisons.paired(Objects.requireNonNull(data, "data"), Objects.requireNonNull(before, "before"),
        Objects.requireNonNull(after, "after"), Objects.requireNonNull(dose, "dose"), Objects.requireNonNull(set, "set"),
        Objects.requireNonNull(ranking, "ranking"), Objects.requireNonNull(reliableChange, "reliableChange"));
  }

  /**
   * A table's rows summarised on the cluster, with the rows read and those left out.
   *
   * @param summary what the analyses need of the rows used
   * @param rowsRead every row of the table
   * @param rowsMissing the rows left out for a missing value (complete cases)
   * @param <S> the kind of summary
   */
  public record Summarised<S>(S summary, long rowsRead, long rowsMissing) {
    /** Validates. */
    public Summarised {
      Objects.requireNonNull(summary, "summary");
      if (rowsMissing < 0 || rowsMissing > rowsRead) {
        throw new IllegalArgumentException("rows missing (" + rowsMissing + ") outside 0 .. " + rowsRead);
      }
    }
  }

  /**
   * A two-group comparison of a table, summarised on the cluster: a numeric value column and a
   * group column (levels as {@link #count}'s, in R's order); rows without a value or a group are
   * left out and counted (as R's {@code na.omit}), and {@code choice} picks the two groups among
   * the levels of the rows used. The analyses on
   * the summary give what they give on the same rows in one process: counts and ranks exactly (so
   * W and its p-value), means and SDs to rounding error. Four Spark jobs: the levels, one
   * summarising each partition, two ranking the values; no row reaches the driver.
   *
   * @param data the table
   * @param value the column of values (numeric)
   * @param group the column of groups
   * @param choice which two groups, in which order
   * @param ranking the Mann–Whitney test whose ranking ({@code mu}, {@code digits.rank}) the
   *     summary follows
   * @throws InvalidInputException if a column is absent or of the wrong type, a value is not
   *     finite, the group column looks like an identifier, or the choice
   *     names a group that is not there or is ambiguous
   * @throws DegenerateDataException if no row has a value
   */
  public static Summarised<TwoGroupSummary> compare(Dataset<Row> data, String value, String group,
      GroupChoice choice, MannWhitneyTest ranking) {
    return SparkComparisons.compare(Objects.requireNonNull(data, "data"), Objects.requireNonNull(value, "value"),
        Objects.requireNonNull(group, "group"), Objects.requireNonNull(choice, "choice"),
        Objects.requireNonNull(ranking, "ranking"));
  }

  /**
   * An analysis of covariance of a table, summarised on the cluster: numeric baseline and
   * follow-up columns and a group column (levels as {@link #count}'s, in R's order; the first is
   * the reference unless {@link Ancova#withReference} names another). A row without a baseline, a
   * follow-up value or a group is left out and counted (as R's {@code na.omit}).
   * {@link Ancova#fit(AncovaSummary)} on the summary gives what
   * {@link Ancova#fit(org.outcome.api.sample.GroupedPrePostSample)} gives on the same rows in one
   * process, to rounding error. Two Spark jobs (the levels, then each partition's per-group sums,
   * a few numbers a group); no row reaches the driver.
   *
   * @throws InvalidInputException if a column is absent or of the wrong type, a value is not
   *     finite, or the group column looks like an identifier
   * @throws DegenerateDataException if no row has both values
   */
  public static Summarised<AncovaSummary> ancova(Dataset<Row> data, String pre, String post, String group) {
    return SparkComparisons.ancova(Objects.requireNonNull(data, "data"), Objects.requireNonNull(pre, "pre"),
        Objects.requireNonNull(post, "post"), Objects.requireNonNull(group, "group"));
  }

  /**
   * A Cox model fitted to a table, with the rows left out for a missing value.
   *
   * @param result the fit
   * @param rowsRead every row of the table
   * @param omittedRows the rows left out for a missing value in a used column ({@code na.omit})
   */
  public record CoxFit(CoxPh.Result result, long rowsRead, long omittedRows, EventCoding eventCoding) {
    /** Validates. */
    public CoxFit {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(eventCoding, "eventCoding");
    }
  }

  /**
   * The Cox model of a table: {@link CoxPh#fit(CoxRows)} with the table's rows as the rows, each
   * fold one Spark job over the rows kept for the fit in Spark SQL's columnar cache (memory, then
   * disk). The driver receives, per Newton–Raphson iteration, the risk sums of each (stratum, distinct time),
   * O(strata × times × p²) numbers, never a row; the coefficients, variance and tests equal those
   * of {@link CoxPh#fit(SurvivalSample)} on the same rows up to the order of floating-point sums.
   * Not computed on Spark (see {@link CoxPh#fit(CoxRows)}): the concordance (absent, with a
   * warning when {@code config} asks for it); {@code cox.zph} is, from two more passes. The robust variance, when
   * {@code config} asks for it, treats each row as its own cluster.
   *
   * <p>Columns as {@link #count}, and each covariate a numeric column (a missing value, null or
   * NaN, leaves the row out; an infinite value is an error).
   *
   * @throws InvalidInputException as {@link #count}, for an absent or non-numeric covariate, for
   *     infinite covariate values (with the number of rows), and as {@link CoxPh#fit(CoxRows)}
   * @throws DegenerateDataException as {@link CoxPh#fit(SurvivalSample)}
   */
  public static CoxFit cox(Dataset<Row> data, String time, String event, List<String> covariates,
      Optional<String> strata, CoxPh config) {
    return cox(data, time, event, covariates, strata, Optional.empty(), config);
  }

  /**
   * The Cox model of a table with a cluster column: as {@link #cox(Dataset, String, String, List,
   * Optional, CoxPh)}, with the robust variance summed within clusters (automatic, as R's
   * {@code cluster()}, unless {@code config} asks for the model-based one). The robust variance
   * (here, or asked for without clusters) takes four more passes and, with clusters, one shuffle
   * of a p-vector per row.
   *
   * @param cluster the cluster column (any atomic type; a missing value leaves the row out)
   */
  public static CoxFit cox(Dataset<Row> data, String time, String event, List<String> covariates,
      Optional<String> strata, Optional<String> cluster, CoxPh config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(covariates, "covariates");
    Objects.requireNonNull(strata, "strata");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(config, "config");
    Map<String, DataType> types = types(data);
    List<Violation> schema = new ArrayList<>();
    Part t = timeColumn(time, types.get(time), schema);
    Part e = eventColumn(event, types.get(event), schema);
    Optional<Part> s = strata.map(name -> levelColumn(name, types.get(name), schema));
    Optional<Part> c = cluster.map(name -> levelColumn(name, types.get(name), schema));
    List<Part> xs = new ArrayList<>();
    for (String name : covariates) {
      xs.add(covariateColumn(name, types.get(name), schema));
    }
    if (!schema.isEmpty()) {
      throw new InvalidInputException("the table does not have the columns of the model", schema);
    }
    Column missing = t.missing.or(e.missing);
    for (Optional<Part> level : List.of(s, c)) {
      if (level.isPresent()) {
        missing = missing.or(level.get().missing);
      }
    }
    for (Part x : xs) {
      missing = missing.or(x.missing);
    }
    Column used = functions.not(missing);
    List<Column> checks = new ArrayList<>(List.of(functions.count(lit(1)), countWhen(missing),
        countWhen(used.and(t.bad)), countWhen(used.and(e.bad))));
    for (Part x : xs) {
      checks.add(countWhen(used.and(x.bad)));
    }
    for (EventCoding.Code code : EventCoding.Code.values()) {
      checks.add(countWhen(e.value.equalTo(code.ordinal()))); // every row with an event, as Surv sees the column
    }
    Row counted = data.agg(checks.get(0), checks.subList(1, checks.size()).toArray(Column[]::new)).first();
    long read = counted.getLong(0);
    long omitted = counted.getLong(1);
    List<Violation> values = new ArrayList<>();
    if (counted.getLong(2) > 0) {
      values.add(Violation.at("column " + time, rows(counted.getLong(2)) + BAD_TIME_TEXT));
    }
    if (counted.getLong(3) > 0) {
      values.add(Violation.at("column " + event, rows(counted.getLong(3)) + BAD_EVENT_TEXT));
    }
    for (int j = 0; j < xs.size(); j++) {
      long bad = counted.getLong(4 + j);
      if (bad > 0) {
        values.add(Violation.at("column " + covariates.get(j), rows(bad) + " an infinite value"));
      }
    }
    if (!values.isEmpty()) {
      throw new InvalidInputException("invalid values in the survival table", values);
    }
    Map<EventCoding.Code, Long> codeCounts = new EnumMap<>(EventCoding.Code.class);
    for (EventCoding.Code code : EventCoding.Code.values()) {
      codeCounts.put(code, counted.getLong(4 + xs.size() + code.ordinal()));
    }
    EventCoding coding = EventCoding.of(event, codeCounts);
    Column isEvent = when(e.value.equalTo(coding.event().ordinal()), 1).otherwise(0);
    List<Column> selected = new ArrayList<>(List.of(t.value, isEvent, s.map(p -> p.value).orElse(lit(""))));
    xs.forEach(x -> selected.add(x.value));
    c.ifPresent(p -> selected.add(p.value));
    Dataset<Row> rows = data.filter(used).select(selected.toArray(Column[]::new));
    Optional<List<String>> strataLevels = strata.map(name -> {
      Set<String> seen = new LinkedHashSet<>();
      rows.select(SparkCells.column(rows.columns()[2])).distinct().collectAsList()
          .forEach(r -> seen.add(r.getString(0)));
      return levels(name, seen, read - omitted);
    });
    Map<String, Integer> strataIndex = index(strataLevels);
    int strataCount = strataLevels.map(l -> Math.max(1, l.size())).orElse(1);
    if (omitted > 0) {
      LOG.info("{} of {} rows with a missing value in a used column left out of the model (as R's na.omit)",
          omitted, read);
    }
    if (read == omitted) {
      throw new DegenerateDataException(read == 0 ? "the table has no rows"
          : "every row (" + read + ") has a missing value in a column the model uses",
          "give at least one row with a time, an event and every covariate");
    }
    // kept in Spark SQL's compressed columnar cache, not as Java row objects: at 100M rows the
    // objects spilled 14 GB to disk, read back and deserialized in every pass
    Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      CoxPh.Result result = config.fit(new DatasetCoxRows(kept.javaRDD(), covariates, strataCount, strataIndex,
          cluster.isPresent()));
      return new CoxFit(result, read, omitted, coding);
    } finally {
      kept.unpersist(false);
    }
  }

  /**
   * The rows (numbered from 1 in the table's order, which for one CSV or Parquet file is the
   * file's) that have a missing value in any of these columns: null, NaN, or text that is empty
   * after trimming. One Spark job (two when the table has several partitions); the numbers reach
   * the driver, so use it where such rows are few.
   *
   * @throws InvalidInputException if a column is absent
   */
  public static List<Long> rowsMissingAValue(Dataset<Row> data, List<String> columns) {
    Map<String, DataType> types = types(data);
    List<Violation> absent = new ArrayList<>();
    Column missing = lit(false);
    for (String c : columns) {
      DataType type = types.get(c);
      if (!present(c, type, absent)) {
        continue;
      }
      Column v = SparkCells.column(c);
      missing = missing.or(v.isNull());
      if (type instanceof StringType) {
        missing = missing.or(trim(v).equalTo(""));
      } else if (type instanceof NumericType) {
        missing = missing.or(isnan(v.cast("double")));
      }
    }
    if (!absent.isEmpty()) {
      throw new InvalidInputException("the table does not have the columns asked for", absent);
    }
    return data.select(missing.as("m")).javaRDD().zipWithIndex()
        .filter(r -> r._1().getBoolean(0)).map(r -> r._2() + 1).collect();
  }

  private static Column countWhen(Column condition) {
    return coalesce(sum(when(condition, 1L).otherwise(0L)), lit(0L));
  }

  static Map<String, DataType> types(Dataset<Row> data) {
    Map<String, DataType> types = new HashMap<>();
    for (StructField f : data.schema().fields()) {
      types.put(f.name(), f.dataType());
    }
    return types;
  }

  private static Part covariateColumn(String name, DataType type, List<Violation> problems) {
    Column x = numeric(name, type, "a covariate", problems);
    return x == null ? null : new Part(x, SparkCells.column(name).isNull().or(isnan(x)),
        x.equalTo(Double.POSITIVE_INFINITY)
        .or(x.equalTo(Double.NEGATIVE_INFINITY)));
  }

  /** A numeric column as doubles, or {@code null} with the problem noted when it is absent or not numeric. */
  static Column numeric(String name, DataType type, String what, List<Violation> problems) {
    if (!present(name, type, problems)) {
      return null;
    }
    if (!(type instanceof NumericType)) {
      problems.add(Violation.at("column " + name, what + " must be a numeric column, not " + type.simpleString()));
      return null;
    }
    return SparkCells.column(name).cast("double");
  }

  static String rows(long n) {
    return n == 1 ? "1 row has" : n + " rows have";
  }

  /** The levels in R's order; refused when every row has its own level (an identifier). */
  static List<String> levels(String column, Set<String> seen, long rowsUsed) {
    if (rowsUsed >= Factor.IDENTIFIER_ROWS && seen.size() == rowsUsed) {
      throw InvalidInputException.of("not a grouping column", Violation.at("column " + column,
          "column '" + column + "' has a different value on every row: it looks like an identifier, not a group"));
    }
    return Factor.of(seen.toArray(String[]::new)).levels();
  }

  private static Map<String, Integer> index(Optional<List<String>> levels) {
    Map<String, Integer> index = new HashMap<>();
    levels.ifPresent(l -> {
      for (int i = 0; i < l.size(); i++) {
        index.put(l.get(i), i);
      }
    });
    return index;
  }

  /** A used column as expressions: its value, whether it is missing, whether it is present but bad. */
  record Part(Column value, Column missing, Column bad) {}

  private record Columns(Part time, Part event, Optional<Part> group, Optional<Part> strata) {
    List<Part> levels() {
      List<Part> l = new ArrayList<>(2);
      group.ifPresent(l::add);
      strata.ifPresent(l::add);
      return l;
    }
  }

  private static Part timeColumn(String name, DataType type, List<Violation> problems) {
    Column t = numeric(name, type, "times", problems);
    if (t == null) {
      return null;
    }
    Column missing = SparkCells.column(name).isNull().or(isnan(t));
    Column bad = t.lt(0).or(t.equalTo(Double.POSITIVE_INFINITY));
    return new Part(t, missing, bad);
  }

  /**
   * An event column as the {@link EventCoding.Code} ordinal of each row's value, -1 for a value
   * that is no code (bad), null where the value is missing.
   */
  private static Part eventColumn(String name, DataType type, List<Violation> problems) {
    if (!present(name, type, problems)) {
      return null;
    }
    Column c = SparkCells.column(name);
    if (type instanceof BooleanType) {
      return new Part(when(c, EventCoding.Code.TRUE.ordinal()).otherwise(EventCoding.Code.FALSE.ordinal()),
          c.isNull(), lit(false));
    }
    Column number;
    Column missing;
    Column code = null;
    if (type instanceof NumericType) {
      number = c.cast("double");
      missing = c.isNull().or(isnan(number));
    } else if (type instanceof StringType) {
      Column e = trim(c);
      number = SparkCells.number(e);
      missing = c.isNull().or(e.equalTo(""));
      for (EventCoding.Code logical : List.of(EventCoding.Code.TRUE, EventCoding.Code.FALSE)) {
        Column spelled = e.isin(logical.spellings().toArray());
        code = code == null ? when(spelled, logical.ordinal()) : code.when(spelled, logical.ordinal());
      }
    } else {
      problems.add(Violation.at("column " + name,
          "events must be a numeric, boolean or text column (0/1, 1/2 or TRUE/FALSE), not " + type.simpleString()));
      return null;
    }
    for (EventCoding.Code numeric : List.of(EventCoding.Code.ZERO, EventCoding.Code.ONE, EventCoding.Code.TWO)) {
      Column is = number.equalTo(numeric.value());
      code = code == null ? when(is, numeric.ordinal()) : code.when(is, numeric.ordinal());
    }
    code = code.otherwise(-1);
    return new Part(when(functions.not(missing), code), missing, functions.not(missing).and(code.equalTo(-1)));
  }


  static Part levelColumn(String name, DataType type, List<Violation> problems) {
    if (!present(name, type, problems)) {
      return null;
    }
    if (type instanceof StringType) {
      Column v = trim(SparkCells.column(name));
      return new Part(v, v.isNull().or(v.equalTo("")), lit(false));
    }
    if (type instanceof FractionalType || type instanceof DecimalType) {
      // a number as R writes it (1 and 1.5, not Spark's 1.0 or 1.50), so that a Parquet double or
      // decimal column gives the levels its CSV gives; NaN is missing, as in a numeric column
      Column x = SparkCells.column(name).cast("double");
      Column whole = x.equalTo(functions.floor(x)).and(functions.abs(x).lt(1e15));
      Column v = when(whole, x.cast("long").cast("string")).otherwise(x.cast("string"));
      return new Part(v, x.isNull().or(x.isNaN()), lit(false));
    }
    if (type instanceof NumericType || type instanceof BooleanType || isDateOrTime(type)) {
      Column v = SparkCells.column(name).cast("string");
      return new Part(v, v.isNull(), lit(false));
    }
    problems.add(Violation.at("column " + name, "a group or strata column must hold single values, not "
        + type.simpleString()));
    return null;
  }

  private static boolean isDateOrTime(DataType type) {
    String t = type.typeName();
    return t.equals("date") || t.startsWith("timestamp");
  }

  private static boolean present(String name, DataType type, List<Violation> problems) {
    if (type == null) {
      problems.add(Violation.at("column " + name, "the table has no column '" + name + "'"));
      return false;
    }
    return true;
  }
}
