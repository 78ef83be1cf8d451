package org.outcome.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.stats.common.RankSums;
import org.outcome.stats.descriptive.Descriptives;
import org.outcome.stats.groups.AncovaSummary;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.TwoGroupSummary;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.AnalysisSet.Exclusion;
import org.outcome.stats.paired.PairedSummary;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;

/**
 * Before-and-after, two-group and ANCOVA summaries computed on the cluster
 * ({@link OutcomeSpark#paired}, {@link OutcomeSpark#compare}, {@link OutcomeSpark#ancova}). Two
 * kinds of pass: one over the rows in which each partition summarises its own rows (counts,
 * {@link Descriptives} merged chunk by chunk, a reliable change {@link ReliableChange.Tally}, per
 * group sums for ANCOVA) and the driver merges one small summary per partition; and one
 * that ranks: the values as the rank test ranks them are counted per distinct value (a Spark SQL
 * aggregation), sorted, and each partition of the sorted counts gives the {@link RankSums} of its
 * range of values, joined on the driver in partition order. No row reaches the driver.
 */
final class SparkComparisons {
  /** Values summarised at a time within a partition: bounded memory, moments as accurate as R's two passes over each chunk. */
  private static final int CHUNK = 4096;

  private static final StructType RANKED = new StructType()
      .add("v", DataTypes.DoubleType, false)
      .add("first", DataTypes.IntegerType, false);

  private SparkComparisons() {}

  /** Descriptives of a stream of values, summarised a chunk at a time and merged. */
  static final class Chunked {
    private final double[] buffer = new double[CHUNK];
    private int size;
    private Descriptives merged = Descriptives.empty();

    void add(double value) {
      buffer[size++] = value;
      if (size == CHUNK) {
        flush();
      }
    }

    Descriptives result() {
      flush();
      return merged;
    }

    private void flush() {
      if (size > 0) {
        merged = merged.merge(Descriptives.of(java.util.Arrays.copyOf(buffer, size)));
        size = 0;
      }
    }
  }

  /** The analysis set's rule in a form that travels to the executors (a dose rule's unit does not matter there). */
  private record SetRule(boolean asTreated, double threshold, boolean inclusive) implements Serializable {
    static SetRule of(AnalysisSet set) {
      return set instanceof AnalysisSet.AsTreated t ? new SetRule(true, t.rule().threshold(), t.rule().inclusive())
          : new SetRule(false, 0, false);
    }

    AnalysisSet set() {
      return asTreated ? AnalysisSet.asTreated(new AnalysisSet.DoseRule(threshold, inclusive))
          : AnalysisSet.intentionToTreat();
    }
  }

  /** How a rank test ranks, in a form that travels to the executors. */
  private record Ranking(double mu, int digits) implements Serializable {
    static Ranking of(double mu, OptionalInt digits) {
      return new Ranking(mu, digits.orElse(0));
    }

    WilcoxonSignedRankTest signedRank() {
      WilcoxonSignedRankTest w = WilcoxonSignedRankTest.withDefaults().withMu(mu);
      return digits == 0 ? w : w.withDigitsRank(digits);
    }

    MannWhitneyTest rankSum() {
      MannWhitneyTest m = MannWhitneyTest.withDefaults().withMu(mu);
      return digits == 0 ? m : m.withDigitsRank(digits);
    }
  }

  /** One partition's before-and-after summary; merged on the driver in partition order. */
  static final class PairedPart implements Serializable {
    private static final long serialVersionUID = 1L;
    long enrolled;
    final long[] excluded = new long[Exclusion.values().length];
    long zeros;
    long infiniteBefore;
    long infiniteAfter;
    long badDose;
    Descriptives before = Descriptives.empty();
    Descriptives after = Descriptives.empty();
    Descriptives differences = Descriptives.empty();
    ReliableChange.Tally tally;

    PairedPart merge(PairedPart o) {
      enrolled += o.enrolled;
      for (int k = 0; k < excluded.length; k++) {
        excluded[k] += o.excluded[k];
      }
      zeros += o.zeros;
      infiniteBefore += o.infiniteBefore;
      infiniteAfter += o.infiniteAfter;
      badDose += o.badDose;
      before = before.merge(o.before);
      after = after.merge(o.after);
      differences = differences.merge(o.differences);
      tally = tally == null ? o.tally : o.tally == null ? tally : tally.merge(o.tally);
      return this;
    }
  }

  static PairedSummary paired(Dataset<Row> data, String before, String after, Optional<String> dose,
      AnalysisSet set, WilcoxonSignedRankTest ranking, Optional<ReliableChange> reliableChange) {
    Map<String, DataType> types = OutcomeSpark.types(data);
    List<Violation> problems = new ArrayList<>();
    Column b = OutcomeSpark.numeric(before, types.get(before), "scores", problems);
    Column a = OutcomeSpark.numeric(after, types.get(after), "scores", problems);
    Column d = dose.map(c -> OutcomeSpark.numeric(c, types.get(c), "doses", problems)).orElse(lit(null));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the table does not have the columns asked for", problems);
    }
    if (set instanceof AnalysisSet.AsTreated && dose.isEmpty()) {
      throw InvalidInputException.of("as-treated analysis needs doses",
          Violation.at("dose", "no dose column was given for the as-treated rule"));
    }
    JavaRDD<Row> rows = data.select(b, a, d.cast("double")).javaRDD();
    SetRule rule = SetRule.of(set);
    Ranking rank = Ranking.of(ranking.mu(), ranking.digitsRank());
    ReliableChange rc = reliableChange.orElse(null);

    FlatMapFunction<Iterator<Row>, PairedPart> summarise = it -> {
      AnalysisSet s = rule.set();
      WilcoxonSignedRankTest w = rank.signedRank();
      PairedPart p = new PairedPart();
      Chunked bs = new Chunked();
      Chunked as = new Chunked();
      Chunked ds = new Chunked();
      ReliableChange.Tally tally = rc == null ? null : rc.emptyTally();
      while (it.hasNext()) {
        Row r = it.next();
        double x = value(r, 0);
        double y = value(r, 1);
        double z = value(r, 2);
        p.enrolled++;
        p.infiniteBefore += Double.isInfinite(x) ? 1 : 0;
        p.infiniteAfter += Double.isInfinite(y) ? 1 : 0;
        p.badDose += z < 0 || Double.isInfinite(z) ? 1 : 0;
        Optional<Exclusion> out = s.exclusion(x, y, z);
        if (out.isPresent()) {
          p.excluded[out.get().ordinal()]++;
          continue;
        }
        bs.add(x);
        as.add(y);
        double diff = y - x;
        ds.add(diff);
        if (w.rankedDifference(diff) == 0) {
          p.zeros++;
        }
        if (tally != null) {
          tally = tally.merge(rc.tally(x, y));
        }
      }
      p.before = bs.result();
      p.after = as.result();
      p.differences = ds.result();
      p.tally = tally;
      return List.of(p).iterator();
    };
    PairedPart all = new PairedPart();
    for (PairedPart p : rows.mapPartitions(summarise).collect()) {
      all.merge(p);
    }
    List<Violation> bad = new ArrayList<>();
    if (all.infiniteBefore > 0) {
      bad.add(Violation.at("column " + before, OutcomeSpark.rows(all.infiniteBefore) + " a value that is not finite"));
    }
    if (all.infiniteAfter > 0) {
      bad.add(Violation.at("column " + after, OutcomeSpark.rows(all.infiniteAfter) + " a value that is not finite"));
    }
    if (all.badDose > 0) {
      bad.add(Violation.at("column " + dose.orElseThrow(), OutcomeSpark.rows(all.badDose)
          + " a dose that is not a non-negative finite number"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidInputException("invalid values in the before-and-after table", bad);
    }

    FlatMapFunction<Iterator<Row>, Row> signed = it -> {
      AnalysisSet s = rule.set();
      WilcoxonSignedRankTest w = rank.signedRank();
      return lazily(it, r -> {
        double x = value(r, 0);
        double y = value(r, 1);
        if (s.exclusion(x, y, value(r, 2)).isPresent()) {
          return null;
        }
        double v = w.rankedDifference(y - x);
        return v == 0 ? null : RowFactory.create(Math.abs(v), v > 0 ? 1 : 0);
      });
    };
    RankSums ranks = ranks(data.sparkSession(), rows.mapPartitions(signed));
    Map<Exclusion, Long> excluded = new EnumMap<>(Exclusion.class);
    for (Exclusion e : Exclusion.values()) {
      excluded.put(e, all.excluded[e.ordinal()]);
    }
    return new PairedSummary(set, all.enrolled, excluded, all.before, all.after, all.differences, all.zeros, ranks,
        ranking.mu(), ranking.digitsRank(), Optional.ofNullable(all.tally));
  }

  /** One partition's two-group summary. */
  static final class GroupPart implements Serializable {
    private static final long serialVersionUID = 1L;
    Descriptives first = Descriptives.empty();
    Descriptives second = Descriptives.empty();

    GroupPart merge(GroupPart o) {
      first = first.merge(o.first);
      second = second.merge(o.second);
      return this;
    }
  }

  static OutcomeSpark.Summarised<TwoGroupSummary> compare(Dataset<Row> data, String value, String group, GroupChoice choice,
      MannWhitneyTest ranking) {
    Map<String, DataType> types = OutcomeSpark.types(data);
    List<Violation> problems = new ArrayList<>();
    Column v = OutcomeSpark.numeric(value, types.get(value), "values", problems);
    OutcomeSpark.Part g = OutcomeSpark.levelColumn(group, types.get(group), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the table does not have the columns asked for", problems);
    }
    Grouping grouping = grouping(data, group, g, Map.of(value, v), "the two-group table");
    Column missingValue = v.isNull().or(v.isNaN());
    GroupChoice.Levels levels = choice.choose(grouping.levels());
    String firstLevel = levels.first();
    String secondLevel = levels.second();
    JavaRDD<Row> rows = data.select(when(g.missing().or(missingValue), lit(null)).otherwise(g.value()).as("g"),
            v.as("v"))
        .where(col("g").isin(firstLevel, secondLevel)).javaRDD();

    FlatMapFunction<Iterator<Row>, GroupPart> summarise = it -> {
      Chunked x = new Chunked();
      Chunked y = new Chunked();
      while (it.hasNext()) {
        Row r = it.next();
        (firstLevel.equals(r.getString(0)) ? x : y).add(r.getDouble(1));
      }
      GroupPart p = new GroupPart();
      p.first = x.result();
      p.second = y.result();
      return List.of(p).iterator();
    };
    GroupPart all = new GroupPart();
    for (GroupPart p : rows.mapPartitions(summarise).collect()) {
      all.merge(p);
    }
    Ranking rank = Ranking.of(ranking.mu(), ranking.digitsRank());
    FlatMapFunction<Iterator<Row>, Row> ranked = it -> {
      MannWhitneyTest m = rank.rankSum();
      return lazily(it, r -> {
        boolean first = firstLevel.equals(r.getString(0));
        double x = r.getDouble(1);
        return RowFactory.create(first ? m.rankedFirst(x) : m.rankedSecond(x), first ? 1 : 0);
      });
    };
    RankSums ranks = ranks(data.sparkSession(), rows.mapPartitions(ranked));
    return new OutcomeSpark.Summarised<>(new TwoGroupSummary(firstLevel, all.first, secondLevel, all.second, ranks,
        ranking.mu(), ranking.digitsRank()), grouping.read(), grouping.missing());
  }

  /**
   * The levels of the rows used (in R's order), with the rows read and those left out for a
   * missing value.
   */
  private record Grouping(List<String> levels, long read, long missing) {}

  /**
   * One aggregation over the table: a row without a group or a value is left out and counted (as
   * R's {@code na.omit}); a value that is not finite is refused; the levels of the others are
   * checked as {@link OutcomeSpark#levels} checks them.
   */
  private static Grouping grouping(Dataset<Row> data, String group, OutcomeSpark.Part g, Map<String, Column> values,
      String table) {
    Column missing = lit(false);
    List<Column> selected = new ArrayList<>();
    List<Column> infinite = new ArrayList<>();
    int k = 0;
    for (Column v : values.values()) {
      missing = missing.or(v.isNull()).or(v.isNaN());
      selected.add(when(v.equalTo(Double.POSITIVE_INFINITY).or(v.equalTo(Double.NEGATIVE_INFINITY)), 1L)
          .otherwise(0L).as("inf" + k));
      infinite.add(sum("inf" + k++));
    }
    selected.add(0, when(g.missing(), lit(null)).otherwise(g.value()).as("g"));
    selected.add(1, missing.as("m"));
    List<Row> cells = data.select(selected.toArray(Column[]::new)).groupBy("g", "m")
        .agg(count(lit(1)).as("n"), infinite.toArray(Column[]::new)).collectAsList();
    long read = 0;
    long left = 0;
    long[] infinities = new long[values.size()];
    Set<String> seen = new LinkedHashSet<>();
    for (Row r : cells) {
      long n = r.getLong(2);
      read += n;
      for (int j = 0; j < infinities.length; j++) {
        infinities[j] += r.getLong(3 + j);
      }
      if (r.isNullAt(0) || r.getBoolean(1)) {
        left += n;
      } else {
        seen.add(r.getString(0));
      }
    }
    List<Violation> bad = new ArrayList<>();
    int j = 0;
    for (String name : values.keySet()) {
      long n = infinities[j++];
      if (n > 0) {
        bad.add(Violation.at("column " + name, OutcomeSpark.rows(n) + " a value that is not finite"));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidInputException("invalid values in " + table, bad);
    }
    long used = read - left;
    if (used == 0) {
      throw new DegenerateDataException(read == 0 ? "the table has no rows"
          : "every row (" + read + ") misses a value", "give values for the groups to compare");
    }
    return new Grouping(OutcomeSpark.levels(group, seen, used), read, left);
  }

  static OutcomeSpark.Summarised<AncovaSummary> ancova(Dataset<Row> data, String pre, String post, String group) {
    Map<String, DataType> types = OutcomeSpark.types(data);
    List<Violation> problems = new ArrayList<>();
    Column x = OutcomeSpark.numeric(pre, types.get(pre), "baseline scores", problems);
    Column y = OutcomeSpark.numeric(post, types.get(post), "follow-up scores", problems);
    OutcomeSpark.Part g = OutcomeSpark.levelColumn(group, types.get(group), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the table does not have the columns asked for", problems);
    }
    Map<String, Column> values = new java.util.LinkedHashMap<>();
    values.put(pre, x);
    values.put(post, y);
    Grouping grouping = grouping(data, group, g, values, "the pre-post table");
    Column complete = x.isNotNull().and(x.isNaN().unary_$bang()).and(y.isNotNull()).and(y.isNaN().unary_$bang());
    JavaRDD<Row> rows = data.where(g.missing().unary_$bang().and(complete)).select(g.value(), x, y).javaRDD();
    FlatMapFunction<Iterator<Row>, Map<String, AncovaSummary.Group>> summarise = it -> {
      Map<String, PairChunks> parts = new java.util.HashMap<>();
      while (it.hasNext()) {
        Row r = it.next();
        parts.computeIfAbsent(r.getString(0), k -> new PairChunks()).add(r.getDouble(1), r.getDouble(2));
      }
      Map<String, AncovaSummary.Group> out = new java.util.HashMap<>();
      parts.forEach((level, chunks) -> out.put(level, chunks.result()));
      return List.of(out).iterator();
    };
    Map<String, AncovaSummary.Group> merged = new java.util.LinkedHashMap<>();
    for (String level : grouping.levels()) {
      merged.put(level, AncovaSummary.Group.empty());
    }
    for (Map<String, AncovaSummary.Group> part : rows.mapPartitions(summarise).collect()) {
      part.forEach((level, group1) -> merged.merge(level, group1, AncovaSummary.Group::merge));
    }
    return new OutcomeSpark.Summarised<>(new AncovaSummary(merged), grouping.read(), grouping.missing());
  }

  /** A group's baseline and follow-up pairs, summarised a chunk at a time and merged. */
  static final class PairChunks {
    private final double[] pre = new double[CHUNK];
    private final double[] post = new double[CHUNK];
    private int size;
    private AncovaSummary.Group merged = AncovaSummary.Group.empty();

    void add(double x, double y) {
      pre[size] = x;
      post[size++] = y;
      if (size == CHUNK) {
        flush();
      }
    }

    AncovaSummary.Group result() {
      flush();
      return merged;
    }

    private void flush() {
      if (size > 0) {
        merged = merged.merge(AncovaSummary.Group.of(java.util.Arrays.copyOf(pre, size),
            java.util.Arrays.copyOf(post, size)));
        size = 0;
      }
    }
  }

  /**
   * The rank sums of values tagged first (1) or second (0): counted per distinct value, sorted,
   * each sorted partition folded to the rank sums of its range, the ranges joined in order.
   */
  private static RankSums ranks(SparkSession session, JavaRDD<Row> tagged) {
    FlatMapFunction<Iterator<Row>, RankSums> fold = it -> {
      RankSums r = RankSums.empty();
      while (it.hasNext()) {
        Row g = it.next();
        r = r.then(RankSums.group(g.getLong(1), g.getLong(2)));
      }
      return List.of(r).iterator();
    };
    List<RankSums> ranges = session.createDataFrame(tagged, RANKED)
        .groupBy("v").agg(sum("first").as("first"), count(lit(1)).as("n"))
        .orderBy("v").javaRDD().mapPartitions(fold).collect();
    RankSums all = RankSums.empty();
    for (RankSums r : ranges) {
      all = all.then(r);
    }
    return all;
  }

  /** A partition mapped row by row as it is read (never held whole), the rows mapped to null left out. */
  private static Iterator<Row> lazily(Iterator<Row> rows, java.util.function.Function<Row, Row> f) {
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          next = f.apply(rows.next());
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  private static double value(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }
}
