package org.outcome.testkit.quicktheories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.outcome.testkit.samples.PairedSamples;
import org.outcome.testkit.samples.PairedShape;
import org.outcome.testkit.samples.SurvivalSamples;
import org.outcome.testkit.samples.SurvivalShape;

class QtGeneratorsTest {
  // The shrinking tests check where QuickTheories' shrinker lands, which depends on the random
  // start: with a fresh seed each run it missed the smallest counterexample about once in
  // hundreds of runs. A fixed seed (one of 60 consecutive seeds that all reach it) keeps the
  // build reproducible; the bounds test keeps a fresh seed.
  private static final long SHRINK_SEED = 31L;

  @Test
  void generatedSamplesRespectTheirBoundsUnderQuickTheories() {
    qt().withExamples(300).forAll(QtGenerators.paired(PairedSamples.of(3, 12, PairedShape.nonDegenerate())))
        .check(s -> s.size() >= 2 && s.size() <= 12);
  }

  @Test
  void aFailingPropertyShrinksToASmallReadableCounterexample() {
    // A false property: "no paired sample has more than 4 pairs". The smallest counterexample has
    // exactly 5 pairs, drawn as the first shape (CONTINUOUS); shrinking should find a sample of 5.
    assertThatThrownBy(() -> qt().withFixedSeed(SHRINK_SEED).withExamples(200).withShrinkCycles(2000)
            .forAll(QtGenerators.paired(PairedSamples.of(2, 40, PairedShape.nonDegenerate())))
            .check(s -> s.size() <= 4))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Smallest found falsifying value")
        .hasMessageContaining("5 pairs (before->after)");
  }

  @Test
  void survivalCounterexamplesShrinkTowardFewRows() {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> qt().withFixedSeed(SHRINK_SEED).withExamples(200)
        .withShrinkCycles(2000)
        .forAll(QtGenerators.survival(SurvivalSamples.builder().size(2, 60).shapes(SurvivalShape.withEvents()).build()))
        .check(s -> s.size() < 3));
    assertThat(thrown).isInstanceOf(AssertionError.class);
    assertThat(thrown.getMessage()).contains("3 rows (time, event)");
  }
}
