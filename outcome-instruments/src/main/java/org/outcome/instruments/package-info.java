/**
 * Instruments as data. {@link org.outcome.instruments.Instruments} reads and checks a JSON
 * definition and turns a definition into a scoring {@link org.outcome.api.instrument.Instrument};
 * {@link org.outcome.instruments.BuiltInInstruments} provides the shipped instruments to the
 * {@link org.outcome.api.plugin.InstrumentRegistry}.
 *
 * <p>Scoring is exact: answers are validated in one pass (unknown item, the same item twice, a
 * value that is not a whole number or lies outside the item's scale, answers for another
 * instrument or version: every violation reported together, naming the item and the value);
 * reverse-keyed answers on scale {@code [min, max]} become {@code min + max - x}; each subscale is
 * the sum or mean of its answered items, prorated (mean of answered &times; item count for a sum)
 * when at least the missing-item rule's minimum are answered, absent with the reason otherwise;
 * then linear steps {@code (x + shift) * factor} and lookup tables apply in order.
 */
package org.outcome.instruments;
