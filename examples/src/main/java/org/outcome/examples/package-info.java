/**
 * Short programs an evaluator copies and adapts, one per design: {@link
 * org.outcome.examples.BeforeAndAfterExample before-and-after}, {@link
 * org.outcome.examples.ComparisonGroupExample comparison group}, {@link
 * org.outcome.examples.TenureSurvivalExample community tenure survival} and {@link
 * org.outcome.examples.WholeEvaluationExample a whole evaluation}. Each reads the synthetic data in
 * {@code examples/data} unless given file names, prints a small table, and runs with
 * {@code examples/run <Program> [files...]}.
 */
package org.outcome.examples;
