/**
 * The Spark engine of the command-line tool: {@code outcome spark survival km|logrank|rmst|cox}
 * reads its file with Spark and runs the analysis through {@link org.outcome.spark.OutcomeSpark},
 * printing what the command prints without Spark. Found by the tool through
 * {@link java.util.ServiceLoader} ({@link org.outcome.spark.cli.SparkEngineProvider}).
 */
package org.outcome.spark.cli;
