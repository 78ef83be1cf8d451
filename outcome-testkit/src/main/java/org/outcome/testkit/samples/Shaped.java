package org.outcome.testkit.samples;

/**
 * A generated sample together with the shape it was drawn as, for properties whose expectation
 * depends on the shape (a degenerate shape expects a typed error) and for counterexamples that
 * say which edge case failed.
 *
 * @param shape the shape drawn
 * @param sample the sample
 * @param <E> the shape type
 * @param <S> the sample type
 */
public record Shaped<E extends Enum<E>, S>(E shape, S sample) {}
