package org.outcome.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.outcome.api.InvalidInputException;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.tenure.CensorReason;
import org.outcome.tenure.InputFile;
import org.outcome.tenure.Readmission;
import org.outcome.tenure.Rejection;
import org.outcome.tenure.RowCounts;
import org.outcome.tenure.Setting;
import org.outcome.tenure.TenureBatch;
import org.outcome.tenure.TenureFlag;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResult;
import org.outcome.tenure.TenureResults;
import org.outcome.tenure.TenureSummary;
import org.outcome.tenure.TimeToReadmission;

/**
 * Community tenure on Spark: the rows of both tables are numbered, sent to partitions by subject
 * (every row of a subject to the same partition), sorted there by table and row, and each
 * partition is one {@link TenureBatch}. Because every rule of tenure looks at one subject at a
 * time, the partitions' results, rejections and counts are exactly the single-machine run's,
 * whatever the number of partitions.
 */
final class SparkTenure {
  static final String PERSON = "person";
  static final String REJECTED = "rejected";
  static final String COUNTS = "counts";

  /**
   * The people columns of {@link #SCHEMA}: the row, the thirteen that {@code outcome tenure --format
   * csv} writes, then the dates and the reason follow-up ended, and the readmission history.
   */
  static final List<String> PEOPLE_COLUMNS = List.of("row", "subject", "time", "event", "censorReason",
      "daysFollowed", "daysInCommunity", "bedDays", "readmissions", "readmitted30", "readmitted90", "mergedStays",
      "flags", "group", "indexDate", "followUpEnd", "followUpEndReason", "firstReadmission", "readmissionDays");

  static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("row", DataTypes.LongType, true)
      .add("subject", DataTypes.StringType, true)
      .add("time", DataTypes.IntegerType, true)
      .add("event", DataTypes.IntegerType, true)
      .add("censorReason", DataTypes.StringType, true)
      .add("daysFollowed", DataTypes.IntegerType, true)
      .add("daysInCommunity", DataTypes.IntegerType, true)
      .add("bedDays", DataTypes.IntegerType, true)
      .add("readmissions", DataTypes.IntegerType, true)
      .add("readmitted30", DataTypes.IntegerType, true)
      .add("readmitted90", DataTypes.IntegerType, true)
      .add("mergedStays", DataTypes.IntegerType, true)
      .add("flags", DataTypes.createArrayType(DataTypes.StringType, false), true)
      .add("group", DataTypes.StringType, true)
      .add("indexDate", DataTypes.DateType, true)
      .add("followUpEnd", DataTypes.DateType, true)
      .add("followUpEndReason", DataTypes.StringType, true)
      .add("firstReadmission", DataTypes.DateType, true)
      .add("readmissionDays", DataTypes.createArrayType(DataTypes.IntegerType, false), true)
      .add("file", DataTypes.StringType, true)
      .add("reasons", DataTypes.createArrayType(new StructType()
          .add("location", DataTypes.StringType, false)
          .add("message", DataTypes.StringType, false), false), true)
      .add("peopleRead", DataTypes.LongType, true)
      .add("episodesRead", DataTypes.LongType, true)
      .add("episodesOutsideSettings", DataTypes.LongType, true);

  private static final int FIELDS = SCHEMA.size();
  /** A row of either table on its way to its subject's partition: the people's five cells, or the episodes' four. */
  private static final StructType KEYED = new StructType()
      .add("part", DataTypes.IntegerType, false)
      .add("order", DataTypes.LongType, false)
      .add("c0", DataTypes.StringType, true)
      .add("c1", DataTypes.StringType, true)
      .add("c2", DataTypes.StringType, true)
      .add("c3", DataTypes.StringType, true)
      .add("c4", DataTypes.StringType, true);
  /** Episode rows sort after every people row of their partition. */
  private static final long EPISODES = 1L << 62;

  private SparkTenure() {}

  static OutcomeSpark.Tenure tenure(Dataset<Row> people, Dataset<Row> episodes, TenureOptions options) {
    List<Violation> missing = new ArrayList<>();
    List<Column> p = columns(people, "people", List.of("subject", "index_date"),
        List.of("end_date", "death_date", "group"), missing);
    List<Column> e = columns(episodes, "episodes", List.of("subject", "admission_date", "discharge_date"),
        List.of("setting"), missing);
    if (!missing.isEmpty()) {
      throw new InvalidInputException("the tables are not people and episodes tables", missing);
    }
    boolean hasSetting = List.of(episodes.columns()).contains("setting");
    SparkSession session = people.sparkSession();
    JavaRDD<Row> peopleRows = people.select(p.toArray(Column[]::new)).javaRDD();
    JavaRDD<Row> episodeRows = episodes.select(e.toArray(Column[]::new)).javaRDD();
    // as many partitions for the work as the inputs have: each about the size of an input split
    int partitions = peopleRows.getNumPartitions() + episodeRows.getNumPartitions();
    // TenureOptions is not serializable: its parts are, and each task makes the options again
    Integer window = options.windowDays().isPresent() ? options.windowDays().getAsInt() : null;
    int gap = options.gapDays();
    LocalDate extraction = options.extractionDate().orElse(null);
    EnumSet<Setting> settings = EnumSet.copyOf(options.settings());
    // the shuffle goes through Spark SQL (its compact binary rows), not the RDD one (Java serialization)
    JavaRDD<Row> all = session.createDataFrame(numbered(peopleRows, 0, partitions)
            .union(numbered(episodeRows, EPISODES, partitions)), KEYED)
        .repartition(partitions, col("part"))
        .sortWithinPartitions("order")
        .javaRDD()
        .mapPartitions(rows -> batch(rows, options(window, gap, extraction, settings), hasSetting));
    return new OutcomeSpark.Tenure(session.createDataFrame(all, SCHEMA), options);
  }

  private static TenureOptions options(Integer window, int gap, LocalDate extraction, EnumSet<Setting> settings) {
    TenureOptions options = TenureOptions.withDefaults().withGapDays(gap).withSettings(settings);
    options = window == null ? options : options.withWindowDays(window);
    return extraction == null ? options : options.withExtractionDate(extraction);
  }

  /**
   * The columns as text, trimmed later; an optional column that is absent is a null column.
   * A date column ({@code DATE}) becomes ISO text; other types their Spark text.
   */
  private static List<Column> columns(Dataset<Row> table, String name, List<String> required, List<String> optional,
      List<Violation> missing) {
    List<String> present = List.of(table.columns());
    List<Column> columns = new ArrayList<>();
    for (String c : required) {
      if (!present.contains(c)) {
        missing.add(Violation.at("column " + c, "missing from the " + name + " table"));
      }
      columns.add(col(c).cast("string"));
    }
    for (String c : optional) {
      columns.add(present.contains(c) ? col(c).cast("string") : lit(null).cast("string"));
    }
    return columns;
  }

  /** Rows numbered from 1 in the table's order, as (partition of the subject, order within it, the cells). */
  private static JavaRDD<Row> numbered(JavaRDD<Row> table, long offset, int partitions) {
    return table.zipWithIndex().map(t -> {
      long row = t._2() + 1;
      Row r = t._1();
      String subject = SparkCells.text(r, 0);
      // every row of a subject in one partition; rows without a subject stand alone, spread by row
      int part = Math.floorMod(subject.isEmpty() ? Long.hashCode(row * 0x9E3779B97F4A7C15L) : subject.hashCode(),
          partitions);
      Object[] v = new Object[KEYED.size()];
      v[0] = part;
      v[1] = offset + row;
      for (int i = 0; i < r.size(); i++) {
        v[2 + i] = r.get(i);
      }
      return RowFactory.create(v);
    });
  }

  /** One partition: its rows through a batch, then its people, its rejections and one counts row. */
  private static Iterator<Row> batch(Iterator<Row> rows, TenureOptions options, boolean hasSetting) {
    TenureBatch batch = TenureBatch.of(options);
    while (rows.hasNext()) {
      Row r = rows.next();
      long order = r.getLong(1);
      if (order < EPISODES) {
        batch.person(order, SparkCells.text(r, 2), SparkCells.text(r, 3), optional(r, 4), optional(r, 5),
            optional(r, 6));
      } else {
        batch.episode(order - EPISODES, SparkCells.text(r, 2), SparkCells.text(r, 3), SparkCells.text(r, 4),
            hasSetting ? Optional.of(SparkCells.text(r, 5)) : Optional.empty());
      }
    }
    TenureResults results = batch.finish();
    List<TenureResult> people = results.people();
    List<Rejection> rejected = results.rejected();
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i <= people.size() + rejected.size();
      }

      @Override
      public Row next() {
        int at = i++;
        if (at < people.size()) {
          return person(batch.peopleRow(at), people.get(at));
        }
        if (at < people.size() + rejected.size()) {
          return rejection(rejected.get(at - people.size()));
        }
        Object[] v = new Object[FIELDS];
        v[0] = COUNTS;
        v[FIELDS - 3] = results.peopleCounts().read();
        v[FIELDS - 2] = results.episodeCounts().read();
        v[FIELDS - 1] = results.episodesOutsideSettings();
        return RowFactory.create(v);
      }
    };
  }

  private static Optional<String> optional(Row r, int i) {
    String s = SparkCells.text(r, i);
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  static Row person(long row, TenureResult r) {
    Object[] v = new Object[FIELDS];
    v[0] = PERSON;
    v[1] = row;
    v[2] = r.subject().value();
    v[3] = r.time().isPresent() ? r.time().getAsInt() : null;
    v[4] = r.event().map(x -> x ? 1 : 0).orElse(null);
    v[5] = r.censorReason().map(CensorReason::label).orElse(null);
    v[6] = r.daysFollowed();
    v[7] = r.daysInCommunity();
    v[8] = r.bedDays();
    v[9] = r.readmissions();
    v[10] = r.readmitted30().map(x -> x ? 1 : 0).orElse(null);
    v[11] = r.readmitted90().map(x -> x ? 1 : 0).orElse(null);
    v[12] = r.mergedStays();
    v[13] = r.flags().stream().map(TenureFlag::label).toArray(String[]::new);
    v[14] = r.group().orElse(null);
    v[15] = Date.valueOf(r.indexDate());
    v[16] = Date.valueOf(r.followUpEnd());
    v[17] = r.followUpEndReason().label();
    v[18] = r.firstReadmission().map(Date::valueOf).orElse(null);
    v[19] = r.history().map(SparkTenure::days).orElse(null);
    return RowFactory.create(v);
  }

  /** The result a people row of {@link #SCHEMA} holds (the inverse of {@link #person}). */
  static TenureResult result(Row v) {
    Optional<TimeToReadmission> time = Optional.empty();
    if (!v.isNullAt(v.fieldIndex("time"))) {
      int days = v.getInt(v.fieldIndex("time"));
      time = Optional.of(v.getInt(v.fieldIndex("event")) == 1 ? TimeToReadmission.readmitted(days)
          : TimeToReadmission.censored(days, label(CensorReason.class, v.getString(v.fieldIndex("censorReason")))));
    }
    EnumSet<TenureFlag> flags = EnumSet.noneOf(TenureFlag.class);
    for (String f : v.<String>getList(v.fieldIndex("flags"))) {
      flags.add(label(TenureFlag.class, f));
    }
    return new TenureResult(SubjectId.of(v.getString(v.fieldIndex("subject"))),
        Optional.ofNullable(v.getString(v.fieldIndex("group"))),
        v.getDate(v.fieldIndex("indexDate")).toLocalDate(), v.getDate(v.fieldIndex("followUpEnd")).toLocalDate(),
        label(CensorReason.class, v.getString(v.fieldIndex("followUpEndReason"))), time,
        Optional.ofNullable(v.getDate(v.fieldIndex("firstReadmission"))).map(Date::toLocalDate),
        v.getInt(v.fieldIndex("daysFollowed")), v.getInt(v.fieldIndex("daysInCommunity")),
        v.getInt(v.fieldIndex("bedDays")), v.getInt(v.fieldIndex("readmissions")),
        flag(v, "readmitted30"), flag(v, "readmitted90"), v.getInt(v.fieldIndex("mergedStays")), flags,
        history(v));
  }

  /** A readmission history as pairs of days: admission, then discharge or -1 while open. */
  private static Integer[] days(List<Readmission> history) {
    Integer[] out = new Integer[2 * history.size()];
    for (int k = 0; k < history.size(); k++) {
      out[2 * k] = history.get(k).day();
      out[2 * k + 1] = history.get(k).dischargeDay().orElse(-1);
    }
    return out;
  }

  private static Optional<List<Readmission>> history(Row v) {
    int i = v.fieldIndex("readmissionDays");
    if (v.isNullAt(i)) {
      return Optional.empty();
    }
    List<Integer> days = v.getList(i);
    List<Readmission> out = new ArrayList<>();
    for (int k = 0; k < days.size(); k += 2) {
      int discharge = days.get(k + 1);
      out.add(new Readmission(days.get(k), discharge < 0 ? OptionalInt.empty() : OptionalInt.of(discharge)));
    }
    return Optional.of(out);
  }

  private static Optional<Boolean> flag(Row v, String column) {
    int i = v.fieldIndex(column);
    return v.isNullAt(i) ? Optional.empty() : Optional.of(v.getInt(i) == 1);
  }

  private static <E extends Enum<E>> E label(Class<E> type, String label) {
    return Enum.valueOf(type, label.toUpperCase(Locale.ROOT));
  }

  private static Row rejection(Rejection r) {
    Object[] v = new Object[FIELDS];
    v[0] = REJECTED;
    v[1] = r.row();
    v[FIELDS - 5] = r.file().label();
    v[FIELDS - 4] = r.reasons().stream().map(x -> RowFactory.create(x.location(), x.message())).toArray(Row[]::new);
    return RowFactory.create(v);
  }

  /** The rejection a rejected row of {@link #SCHEMA} holds. */
  static Rejection rejection(Row v) {
    List<Violation> reasons = new ArrayList<>();
    for (Row x : v.<Row>getList(v.fieldIndex("reasons"))) {
      reasons.add(Violation.at(x.getString(0), x.getString(1)));
    }
    return new Rejection(label(InputFile.class, v.getString(v.fieldIndex("file"))), v.getLong(v.fieldIndex("row")),
        reasons);
  }

  /** The run's counts and the people's summary, added up over the rows of {@link #SCHEMA} in one pass. */
  static final class Totals implements Serializable {
    private static final long serialVersionUID = 1L;
    final TenureSummary.Tally tally = new TenureSummary.Tally();
    long peopleRead;
    long episodesRead;
    long outside;
    long peopleRejected;
    long episodesRejected;

    Totals add(Row v) {
      switch (v.getString(0)) {
        case PERSON -> tally.add(result(v));
        case REJECTED -> {
          if (v.getString(v.fieldIndex("file")).equals(InputFile.PEOPLE.label())) {
            peopleRejected++;
          } else {
            episodesRejected++;
          }
        }
        default -> {
          peopleRead += v.getLong(FIELDS - 3);
          episodesRead += v.getLong(FIELDS - 2);
          outside += v.getLong(FIELDS - 1);
        }
      }
      return this;
    }

    Totals merge(Totals o) {
      tally.merge(o.tally);
      peopleRead += o.peopleRead;
      episodesRead += o.episodesRead;
      outside += o.outside;
      peopleRejected += o.peopleRejected;
      episodesRejected += o.episodesRejected;
      return this;
    }

    RowCounts people() {
      return new RowCounts(peopleRead, peopleRead - peopleRejected, peopleRejected);
    }

    RowCounts episodes() {
      return new RowCounts(episodesRead, episodesRead - episodesRejected, episodesRejected);
    }

    TenureSummary summary() {
      return tally.summary(people(), episodes(), outside);
    }
  }
}
