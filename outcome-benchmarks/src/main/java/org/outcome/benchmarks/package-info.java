/**
 * JMH benchmarks. Run all with {@code java -jar outcome-benchmarks/target/benchmarks.jar}, or one
 * with a regular expression: {@code java -Xmx2g -jar outcome-benchmarks/target/benchmarks.jar Survival}.
 * Speed is measured here, never in timed tests.
 */
package org.outcome.benchmarks;
