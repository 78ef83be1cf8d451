/** The {@code spark-submit} entry point of the command-line tool ({@link org.outcome.spark.submit.Submit}). */
package org.outcome.spark.submit;
