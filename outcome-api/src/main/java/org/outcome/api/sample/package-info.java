/**
 * The samples analyses take: {@link org.outcome.api.sample.PairedSample} (before-and-after),
 * {@link org.outcome.api.sample.GroupedSample} and
 * {@link org.outcome.api.sample.GroupedPrePostSample} (comparison group),
 * {@link org.outcome.api.sample.SurvivalSample} (time to event), and the count tables
 * {@link org.outcome.api.sample.TwoByTwoTable}, {@link org.outcome.api.sample.PairedBinaryTable}
 * and {@link org.outcome.api.sample.PersonTimeCounts}.
 *
 * <p>Samples are immutable and validated on construction: every value finite, arrays of equal
 * length, survival times at least 0, counts non-negative. A violation throws
 * {@link org.outcome.api.InvalidInputException} naming the row (the 1-based position in the
 * arrays, which is the data row when the sample was built from every row in order) and the value.
 * Array accessors return copies; indexed accessors ({@code before(i)}) do not copy.
 */
package org.outcome.api.sample;
