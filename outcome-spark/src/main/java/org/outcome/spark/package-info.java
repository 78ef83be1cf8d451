/**
 * The survival analyses of {@code outcome-stats} over Apache Spark tables
 * ({@link org.outcome.spark.OutcomeSpark}): the rows are reduced on the cluster to
 * {@link org.outcome.stats.survival.SurvivalCounts} (events and censorings per stratum, group and
 * time), and the single-machine engines compute Kaplan–Meier curves, log-rank tests and
 * restricted mean survival times from those counts on the driver, with the same numbers.
 *
 * <p>Spark is a {@code provided} dependency (Spark 4.2, Scala 2.13): the application runs where
 * Spark is. On Java 17 the JVM needs the {@code --add-opens} options Spark's own launcher passes
 * ({@code spark-submit} does this; a test or embedded JVM must be given them).
 */
package org.outcome.spark;
