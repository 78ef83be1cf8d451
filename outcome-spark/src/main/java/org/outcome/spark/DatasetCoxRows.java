package org.outcome.spark;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.outcome.stats.survival.cox.ClusterSums;
import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.stats.survival.cox.RowFold;
import org.outcome.stats.survival.cox.RowFunction;
import scala.Tuple2;

/**
 * A Cox model's rows in a Spark RDD of {@code (time double, event int, stratum text, x1..xp double)}:
 * each fold runs on every partition from its own copy of the zero value, and the partitions'
 * results are merged in a tree ({@code treeReduce}), so the driver merges a few of them only.
 */
final class DatasetCoxRows implements CoxRows {
  private final JavaRDD<Row> rows;
  private final List<String> covariates;
  private final int strata;
  private final Map<String, Integer> strataIndex;
  private final boolean clustered;

  /**
   * @param rows {@code (time, event, stratum, x1..xp)} and, when {@code clustered}, the cluster
   *     (text) last
   */
  DatasetCoxRows(JavaRDD<Row> rows, List<String> covariates, int strata, Map<String, Integer> strataIndex,
      boolean clustered) {
    this.rows = rows;
    this.covariates = List.copyOf(covariates);
    this.strata = strata;
    this.strataIndex = new HashMap<>(strataIndex);
    this.clustered = clustered;
  }

  @Override
  public boolean clustered() {
    return clustered;
  }

  /**
   * Each row's value, summed by cluster with a shuffle ({@code reduceByKey}) when there is a
   * cluster column, then the sums' cross products added up in a tree: the driver receives p × p
   * numbers. Without a cluster column each row is its own cluster and there is no shuffle.
   */
  @Override
  public ClusterSums clusterSums(RowFunction value, int p) {
    int covariateCount = covariates.size();
    HashMap<String, Integer> index = new HashMap<>(strataIndex);
    JavaRDD<double[]> sums;
    if (clustered) {
      sums = rows.mapToPair(r -> new Tuple2<>(r.getString(3 + covariateCount), value(r, value, covariateCount, index)))
          .reduceByKey((a, b) -> {
            for (int j = 0; j < a.length; j++) {
              a[j] += b[j];
            }
            return a;
          }).values();
    } else {
      sums = rows.map(r -> value(r, value, covariateCount, index));
    }
    return sums.treeAggregate(new ClusterSums.Accumulator(p), ClusterSums.Accumulator::add,
        ClusterSums.Accumulator::merge).result();
  }

  private static double[] value(Row r, RowFunction value, int p, Map<String, Integer> index) {
    double[] x = new double[p];
    return value.apply(read(r, x, index), r.getDouble(0), r.getInt(1) == 1, x);
  }

  /** A row's covariates into {@code x}; returns its stratum. */
  private static int read(Row r, double[] x, Map<String, Integer> index) {
    for (int j = 0; j < x.length; j++) {
      x[j] = r.getDouble(3 + j);
    }
    return index.isEmpty() ? 0 : index.get(r.getString(2));
  }

  @Override
  public List<String> covariates() {
    return covariates;
  }

  @Override
  public int strata() {
    return strata;
  }

  @Override
  public <A extends RowFold<A>> A fold(A zero) {
    return fold(rows, zero, covariates.size(), new HashMap<>(strataIndex));
  }

  /** Static, so that the closure Spark ships holds the zero value, p and the strata only. */
  private static <A extends RowFold<A>> A fold(JavaRDD<Row> rows, A zero, int p, HashMap<String, Integer> index) {
    FlatMapFunction<Iterator<Row>, A> partition = it -> {
      A a = zero.copy();
      double[] x = new double[p];
      while (it.hasNext()) {
        Row r = it.next();
        int stratum = read(r, x, index);
        a = a.add(stratum, r.getDouble(0), r.getInt(1) == 1, x);
      }
      return List.of(a).iterator();
    };
    return rows.mapPartitions(partition).treeReduce((a, b) -> a.merge(b));
  }
}
