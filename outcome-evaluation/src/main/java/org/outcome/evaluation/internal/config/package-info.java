/**
 * Not exported: the JSON form of {@code evaluation.json}
 * ({@link org.outcome.evaluation.internal.config.ConfigDocument}) with its field-level rules, read
 * by the library's one JSON reader; the cross-field checks and the mapping to
 * {@link org.outcome.evaluation.EvaluationConfig} are in
 * {@link org.outcome.evaluation.EvaluationConfigReader}.
 */
package org.outcome.evaluation.internal.config;
