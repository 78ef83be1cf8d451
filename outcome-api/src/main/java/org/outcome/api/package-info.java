/**
 * The vocabulary shared by every outcome module: typed identifiers ({@link org.outcome.api.SubjectId},
 * {@link org.outcome.api.InstrumentId}, {@link org.outcome.api.AnalysisId}) and the one small
 * unchecked exception hierarchy rooted at {@link org.outcome.api.OutcomeException}.
 *
 * <h2>Privacy contract</h2>
 * No type in this module ever renders a subject identifier in {@code toString()}, in an exception
 * message or in a {@link org.outcome.api.Violation}: {@link org.outcome.api.SubjectId#toString()}
 * is redacted, and violations name the row, column, item or value at fault instead.
 *
 * <h2>Logging</h2>
 * The library logs through the SLF4J API and ships no provider: the application chooses one
 * (Logback, Log4j 2, {@code slf4j-simple}...), as the {@code outcome} command does with Logback.
 * Loggers are named after their classes, all under {@code org.outcome}: plugin discovery at DEBUG
 * ({@code org.outcome.api.plugin.InstrumentRegistry}, {@code AnalysisRegistry}: each id with its
 * provider class and module or jar), the row counts of a batch at INFO
 * ({@code org.outcome.instruments.batch.BatchScorer}, {@code org.outcome.tenure.TenureCalculator}),
 * and, in an evaluation ({@code org.outcome.evaluation.internal}), an analysis's own warnings at
 * INFO (the report lists them) and a result the report will not have (an analysis not run, an
 * effect size not computed, a primary outcome without a test) at WARN. No log line holds a subject identifier or the content
 * of a cell. With no provider at all, SLF4J prints a three-line "No SLF4J providers were found"
 * notice on standard error the first time a logger is created; an application that wants no log
 * adds {@code org.slf4j:slf4j-nop} as its provider (as the examples do), or starts the JVM with
 * {@code -Dslf4j.internal.verbosity=ERROR}.
 *
 * <h2>Null contract</h2>
 * No method in this API accepts or returns {@code null}; where a value may be absent the API uses
 * {@link java.util.Optional}, {@link java.util.OptionalDouble} or {@link java.util.OptionalInt}.
 */
package org.outcome.api;
