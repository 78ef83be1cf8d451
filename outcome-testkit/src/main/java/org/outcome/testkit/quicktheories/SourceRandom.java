package org.outcome.testkit.quicktheories;

import java.util.random.RandomGenerator;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * A {@link RandomGenerator} that takes every draw from a QuickTheories {@link RandomnessSource},
 * with bounds, so that QuickTheories records the draws and can shrink them toward their lower
 * bounds.
 */
final class SourceRandom implements RandomGenerator {
  private static final long DOUBLE_UNITS = (1L << 53) - 1;

  private final RandomnessSource source;

  SourceRandom(RandomnessSource source) {
    this.source = source;
  }

  @Override
  public long nextLong() {
    return source.next(Constraint.none());
  }

  @Override
  public int nextInt() {
    return (int) source.next(Constraint.between(Integer.MIN_VALUE, Integer.MAX_VALUE).withShrinkPoint(0));
  }

  @Override
  public int nextInt(int bound) {
    return nextInt(0, bound);
  }

  @Override
  public int nextInt(int origin, int bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("bound must be greater than origin");
    }
    return (int) source.next(Constraint.between(origin, bound - 1L));
  }

  @Override
  public long nextLong(long origin, long bound) {
    if (origin >= bound) {
      throw new IllegalArgumentException("bound must be greater than origin");
    }
    return source.next(Constraint.between(origin, bound - 1));
  }

  @Override
  public double nextDouble() {
    return source.next(Constraint.between(0, DOUBLE_UNITS)) * 0x1.0p-53;
  }

  @Override
  public boolean nextBoolean() {
    return source.next(Constraint.between(0, 1)) == 1;
  }
}
