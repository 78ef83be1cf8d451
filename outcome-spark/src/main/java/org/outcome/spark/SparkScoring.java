package org.outcome.spark;


import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.RejectedRow;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.ScoredRow;
import scala.Tuple2;

/**
 * Scoring a table of administrations on Spark with the same engine and row rules as
 * {@code outcome score} ({@link BatchScorer#scoreRow}), one output row per input row.
 */
final class SparkScoring {
  private static final Pattern ITEM_COLUMN = Pattern.compile("q([0-9]+)");
  /** Each executor JVM resolves an instrument once, from its own registry. */
  private static final Map<String, BatchScorer> SCORERS = new ConcurrentHashMap<>();

  private SparkScoring() {}

  static OutcomeSpark.Scored score(Dataset<Row> answers, InstrumentId id) {
    Instrument instrument = InstrumentRegistry.load().require(id);
    List<Item> items = instrument.definition().items();
    List<String> columns = List.of(answers.columns());
    List<Violation> header = new ArrayList<>();
    for (String required : List.of("subject", "timepoint")) {
      if (!columns.contains(required)) {
        header.add(Violation.at("column " + required, "missing from the table"));
      }
    }
    List<Column> selected = new ArrayList<>(List.of(cell("subject"), cell("timepoint")));
    for (Item item : items) {
      String name = "q" + item.number();
      if (!columns.contains(name)) {
        header.add(Violation.at("column " + name, "missing from the table: " + id + " has item " + item.number()));
      }
      selected.add(cell(name));
    }
    for (String name : columns) {
      Matcher m = ITEM_COLUMN.matcher(name);
      if (m.matches() && items.stream().noneMatch(i -> name.equals("q" + i.number()))) {
        header.add(Violation.at("column " + name, id + " has no item " + m.group(1)));
      }
    }
    if (!header.isEmpty()) {
      throw new InvalidInputException("the table is not a table of " + id + " answers", header);
    }
    List<String> subscales = instrument.definition().subscales().stream().map(s -> s.id().value()).toList();
    StructType schema = schema(instrument);
    String idValue = id.value();
    int itemCount = items.size();
    FlatMapFunction<Iterator<Tuple2<Row, Long>>, Row> partition = rows -> new Iterator<>() {
      private final BatchScorer scorer = SCORERS.computeIfAbsent(idValue,
          k -> BatchScorer.of(InstrumentRegistry.load().require(InstrumentId.of(k))));
      private final Row[] made = new Row[1];
      private final BatchSink sink = BatchSink.of(s -> made[0] = scored(s, subscales.size()),
          r -> made[0] = rejected(r, subscales.size()));

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Tuple2<Row, Long> numbered = rows.next();
        Row r = numbered._1();
        String[] cells = new String[itemCount];
        for (int i = 0; i < itemCount; i++) {
          cells[i] = SparkCells.text(r, 2 + i);
        }
        scorer.scoreRow(numbered._2() + 1, SparkCells.text(r, 0), SparkCells.text(r, 1), cells, sink);
        return made[0];
      }
    };
    JavaRDD<Row> tagged = answers.select(selected.toArray(Column[]::new)).javaRDD().zipWithIndex()
        .mapPartitions(partition);
    return new OutcomeSpark.Scored(answers.sparkSession().createDataFrame(tagged, schema), subscales);
  }

  /** A cell as text (numbers as Spark writes them, which parse back to the same value); null stays null. */
  private static Column cell(String name) {
    return SparkCells.column(name).cast("string");
  }

  private static StructType schema(Instrument instrument) {
    StructType schema = new StructType()
        .add("row", DataTypes.LongType, false)
        .add("scored", DataTypes.BooleanType, false)
        .add("subject", DataTypes.StringType, true)
        .add("timepoint", DataTypes.StringType, true);
    for (Subscale s : instrument.definition().subscales()) {
      schema = schema.add(s.id().value(), DataTypes.DoubleType, true);
    }
    return schema.add("missing_items", DataTypes.StringType, true)
        .add("prorated", DataTypes.BooleanType, true)
        .add("not_scored", DataTypes.StringType, true)
        .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false), true)
        .add(DETAILS, DataTypes.createArrayType(new StructType()
            .add("missing_items", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("prorated", DataTypes.BooleanType, false)
            .add("not_scored", DataTypes.StringType, true), false), true)
        .add(REASON_PARTS, DataTypes.createArrayType(new StructType()
            .add("location", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false), false), true);
  }

  /** Per subscale of a scored row: its missing items, whether prorated, why not scored. */
  static final String DETAILS = "subscale_details";
  /** The reasons of a rejected row as (location, message). */
  static final String REASON_PARTS = "reason_parts";

  /** The scored row an {@link OutcomeSpark.Scored#all()} row of a scored administration holds. */
  static ScoredRow scoredRow(Row r, Instrument instrument) {
    List<Subscale> subscales = instrument.definition().subscales();
    List<Row> details = r.getList(r.fieldIndex(DETAILS));
    List<SubscaleScore> scores = new ArrayList<>();
    for (int s = 0; s < subscales.size(); s++) {
      Row d = details.get(s);
      List<Integer> missing = d.getList(0);
      SubscaleId id = subscales.get(s).id();
      scores.add(d.isNullAt(2) ? SubscaleScore.scored(id, r.getDouble(4 + s), missing, d.getBoolean(1))
          : SubscaleScore.notScored(id, missing, d.getString(2)));
    }
    Score score = new Score(instrument.id(), instrument.definition().version(),
        instrument.definition().primary(), scores);
    return new ScoredRow(r.getLong(0), SubjectId.of(r.getString(2)), r.getString(3), score);
  }

  /** The rejected row an {@link OutcomeSpark.Scored#all()} row of a rejected administration holds. */
  static RejectedRow rejectedRow(Row r) {
    List<Violation> reasons = new ArrayList<>();
    for (Row v : r.<Row>getList(r.fieldIndex(REASON_PARTS))) {
      reasons.add(Violation.at(v.getString(0), v.getString(1)));
    }
    return new RejectedRow(r.getLong(0), reasons);
  }

  private static Row scored(ScoredRow row, int subscales) {
    Object[] values = new Object[4 + subscales + 6];
    values[0] = row.row();
    values[1] = true;
    values[2] = row.subject().value();
    values[3] = row.timepoint();
    List<String> notScored = new ArrayList<>();
    List<SubscaleScore> scores = row.score().subscales();
    for (int s = 0; s < subscales; s++) {
      SubscaleScore score = scores.get(s);
      if (score.isScored()) {
        values[4 + s] = score.value().getAsDouble();
      } else {
        notScored.add(score.subscale().value() + ": " + score.notScoredReason().orElseThrow());
      }
    }
    values[4 + subscales] = String.join(" ", row.score().missingItems().stream().map(String::valueOf).toList());
    values[5 + subscales] = row.score().prorated();
    values[6 + subscales] = notScored.isEmpty() ? null : String.join("; ", notScored);
    values[8 + subscales] = scores.stream().map(score -> RowFactory.create(score.missingItems().toArray(),
        score.prorated(), score.notScoredReason().orElse(null))).toArray(Row[]::new);
    return RowFactory.create(values);
  }

  /** A rejected row: its number and reasons, never its subject, timepoint or cells. */
  private static Row rejected(RejectedRow row, int subscales) {
    Object[] values = new Object[4 + subscales + 6];
    values[0] = row.row();
    values[1] = false;
    values[7 + subscales] = row.reasons().stream().map(Violation::toString).toArray(String[]::new);
    values[9 + subscales] = row.reasons().stream().map(v -> RowFactory.create(v.location(), v.message()))
        .toArray(Row[]::new);
    return RowFactory.create(values);
  }
}
