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
 * <h2>Null contract</h2>
 * No method in this API accepts or returns {@code null}; where a value may be absent the API uses
 * {@link java.util.Optional}, {@link java.util.OptionalDouble} or {@link java.util.OptionalInt}.
 */
package org.outcome.api;
