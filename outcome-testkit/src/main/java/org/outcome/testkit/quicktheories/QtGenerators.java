package org.outcome.testkit.quicktheories;

import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.Generator;
import org.outcome.testkit.samples.Describe;
import org.quicktheories.core.Gen;

/**
 * Adapts framework-neutral {@link Generator}s to QuickTheories.
 *
 * <pre>{@code
 * qt().withExamples(200)
 *     .forAll(QtGenerators.paired(PairedSamples.of(2, 30, PairedShape.nonDegenerate())))
 *     .check(sample -> ...);
 * }</pre>
 */
public final class QtGenerators {
  private QtGenerators() {}

  /** A QuickTheories generator drawing through {@code generator}; it shrinks toward simpler values. */
  public static <T> Gen<T> gen(Generator<T> generator) {
    return in -> generator.next(new SourceRandom(in));
  }

  /** Paired samples, printed in full when a property fails. */
  public static Gen<PairedSample> paired(Generator<PairedSample> generator) {
    return gen(generator).describedAs(Describe::paired);
  }

  /** Grouped samples, printed in full when a property fails. */
  public static Gen<GroupedSample> grouped(Generator<GroupedSample> generator) {
    return gen(generator).describedAs(Describe::grouped);
  }

  /** Baseline and follow-up by group, printed in full when a property fails. */
  public static Gen<GroupedPrePostSample> prePost(Generator<GroupedPrePostSample> generator) {
    return gen(generator).describedAs(Describe::prePost);
  }

  /** Time-to-event samples, printed in full when a property fails. */
  public static Gen<SurvivalSample> survival(Generator<SurvivalSample> generator) {
    return gen(generator).describedAs(Describe::survival);
  }
}
