/**
 * Property-based testing of instruments: generators of response sets derived from any
 * {@link org.outcome.api.instrument.InstrumentDefinition} ({@link
 * org.outcome.testkit.instruments.ResponseSets}), and a reusable contract that checks any
 * {@link org.outcome.api.instrument.Instrument} against its own definition
 * ({@link org.outcome.testkit.instruments.InstrumentContract}).
 *
 * <pre>{@code
 * @Test
 * void scoresAsItsDefinitionSays() {
 *   InstrumentContract.of(myInstrument).verify();
 * }
 * }</pre>
 *
 * <p>The contract treats the definition as the specification and the instrument's
 * {@code score} method as the implementation under test, so it catches implementation faults
 * (a reverse key dropped, a lookup table read off by one, a proration dividing by the wrong count,
 * a missing-item threshold off by one, an out-of-range answer accepted) with a small
 * counterexample. It cannot catch a wrong definition: that is what hand-worked examples are for.
 */
package org.outcome.testkit.instruments;
