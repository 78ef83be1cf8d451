package org.outcome.spark;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.stats.survival.cox.RowFold;

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

  DatasetCoxRows(JavaRDD<Row> rows, List<String> covariates, int strata, Map<String, Integer> strataIndex) {
    this.rows = rows;
    this.covariates = List.copyOf(covariates);
    this.strata = strata;
    this.strataIndex = new HashMap<>(strataIndex);
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
        for (int j = 0; j < p; j++) {
          x[j] = r.getDouble(3 + j);
        }
        a = a.add(index.isEmpty() ? 0 : index.get(r.getString(2)), r.getDouble(0), r.getInt(1) == 1, x);
      }
      return List.of(a).iterator();
    };
    return rows.mapPartitions(partition).treeReduce((a, b) -> a.merge(b));
  }
}
