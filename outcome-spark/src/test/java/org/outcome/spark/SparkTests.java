package org.outcome.spark;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The one {@link SparkSession} of the test JVM, started on first use and stopped by Spark's own
 * shutdown hook: {@code local[2]} (the machines have two cores), no web UI, the driver bound to
 * the loopback address, 4 shuffle partitions (Spark's 200 would make every small aggregation 200
 * tasks), and the warehouse under {@code target/}.
 */
final class SparkTests {
  private SparkTests() {}

  private static final class Holder {
    static final SparkSession SESSION = SparkSession.builder()
        .appName("outcome-spark tests")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString())
        .getOrCreate();
  }

  /** The shared session. */
  static SparkSession spark() {
    return Holder.SESSION;
  }

  /** A table of these rows, spread over {@code partitions} partitions. */
  static Dataset<Row> table(List<Row> rows, StructType schema, int partitions) {
    return spark().createDataFrame(rows, schema).repartition(partitions);
  }
}
