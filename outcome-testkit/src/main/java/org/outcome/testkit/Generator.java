package org.outcome.testkit;

import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The framework-neutral core of every generator in the testkit: a seedable random source in, a
 * value out. The same seed gives the same value.
 *
 * @param <T> the type generated
 */
@FunctionalInterface
public interface Generator<T> {
  /** Generates one value, drawing only from {@code random}. */
  T next(RandomGenerator random);

  /** A generator of {@code f} applied to this generator's values. */
  default <R> Generator<R> map(Function<? super T, ? extends R> f) {
    return random -> f.apply(next(random));
  }
}
