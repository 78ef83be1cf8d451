/**
 * The instrument model: an {@link org.outcome.api.instrument.InstrumentDefinition} is data (items,
 * response scales, keying, subscales, scoring rules, missing-item rules, psychometric constants and
 * the provenance of every scoring fact), and an {@link org.outcome.api.instrument.Instrument}
 * scores a {@link org.outcome.api.instrument.ResponseSet} into a
 * {@link org.outcome.api.instrument.Score}.
 *
 * <h2>Scoring contract</h2>
 * For each subscale: every answered item is validated against its response scale; reverse-keyed
 * answers are recoded as {@code min + max - x}; the answered items are aggregated
 * ({@link org.outcome.api.instrument.Aggregation#SUM} or
 * {@link org.outcome.api.instrument.Aggregation#MEAN}); if fewer items are answered than the
 * subscale's {@link org.outcome.api.instrument.MissingItemRule} requires, the subscale is not
 * scored and says why; if some but few enough items are missing, the score is prorated (a sum
 * becomes mean &times; item count) and flagged; then the subscale's
 * {@link org.outcome.api.instrument.Transform}s apply in order.
 *
 * <h2>Licensed instruments</h2>
 * Definitions never carry copyrighted item wording: {@link org.outcome.api.instrument.Item#label()}
 * is the project's own short neutral label. Each definition records, per scoring fact, its source
 * and whether it was checked against the primary source ({@link org.outcome.api.instrument.ScoringFact}).
 */
package org.outcome.api.instrument;
