package org.outcome.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;

/**
 * A seeded synthetic cohort in two forms, Spark rows and a single-machine sample of the same
 * people: whole-day times up to three years (many ties), about 60% events, three groups whose
 * labels sort differently as numbers and as text ({@code 2 < 9 < 10}), two strata.
 *
 * @param rows the rows: {@code time} (double), {@code event} (int 0/1), {@code group}, {@code region}
 * @param sample the same rows as a sample, levels ordered by {@link Factor#of}
 */
record Cohort(List<Row> rows, SurvivalSample sample) {
  static final StructType SCHEMA = new StructType()
      .add("time", DataTypes.DoubleType, false)
      .add("event", DataTypes.IntegerType, false)
      .add("group", DataTypes.StringType, false)
      .add("region", DataTypes.StringType, false);

  private static final String[] GROUPS = {"10", "9", "2"};
  private static final String[] REGIONS = {"north", "south"};

  static Cohort of(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    String[] group = new String[n];
    String[] region = new String[n];
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int g = random.nextInt(GROUPS.length);
      int s = random.nextInt(REGIONS.length);
      double rate = 0.002 * (1 + 0.3 * g) * (s == 0 ? 1 : 1.4);
      double t = -Math.log1p(-random.nextDouble()) / rate;
      double c = 30 + 1065 * random.nextDouble();
      time[i] = Math.max(1, Math.ceil(Math.min(t, c)));
      event[i] = t <= c;
      group[i] = GROUPS[g];
      region[i] = REGIONS[s];
      rows.add(RowFactory.create(time[i], event[i] ? 1 : 0, group[i], region[i]));
    }
    SurvivalSample sample = SurvivalSample.builder(time, event)
        .group(Factor.of(group)).strata(Factor.of(region)).build();
    return new Cohort(List.copyOf(rows), sample);
  }

  /** The same people without the strata column. */
  SurvivalSample unstratified() {
    return SurvivalSample.builder(sample.times(), sample.events()).group(sample.group().orElseThrow()).build();
  }
}
