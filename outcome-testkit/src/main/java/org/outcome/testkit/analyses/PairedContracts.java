package org.outcome.testkit.analyses;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.PairedSample;
import org.outcome.testkit.Generator;
import org.outcome.testkit.internal.PropertyRunner;
import org.outcome.testkit.samples.Describe;
import org.outcome.testkit.samples.PairedSamples;
import org.outcome.testkit.samples.PairedShape;

/**
 * The contract of a before-and-after test whose estimate is a location of the differences
 * {@code after - before} (a mean difference, a pseudo-median, a sign-test proportion difference):
 *
 * <ul>
 *   <li>sane results on every shape (p in [0, 1], the interval holds the estimate, n used at most n);
 *   <li>swapping before and after negates the estimate and keeps the two-sided p;
 *   <li>a test of x against x gives no difference (an estimate of 0, or a refusal as degenerate);
 *   <li>adding one constant to every value changes nothing;
 *   <li>plain continuous data always gives a result.
 * </ul>
 */
public final class PairedContracts {
  private final Function<PairedSample, ? extends AnalysisResult> test;
  private final int examples;
  private final OptionalLong seed;

  private PairedContracts(Function<PairedSample, ? extends AnalysisResult> test, int examples, OptionalLong seed) {
    this.test = test;
    this.examples = examples;
    this.seed = seed;
  }

  /** The contract for a paired test, with 200 examples per property. */
  public static PairedContracts of(Function<PairedSample, ? extends AnalysisResult> test) {
    return new PairedContracts(test, 200, OptionalLong.empty());
  }

  /** The same contract with another number of examples per property. */
  public PairedContracts withExamples(int count) {
    return new PairedContracts(test, count, seed);
  }

  /** The same contract with a fixed seed, to replay a failure. */
  public PairedContracts withSeed(long value) {
    return new PairedContracts(test, examples, OptionalLong.of(value));
  }

  /**
   * Checks every property.
   *
   * @throws AssertionError naming each failing property with its counterexample
   */
  public void verify() {
    PropertyRunner runner = new PropertyRunner(examples, seed);
    Generator<PairedSample> any = PairedSamples.of(2, 40);
    Generator<PairedSample> plain = PairedSamples.of(2, 40, PairedShape.nonDegenerate());
    runner.check("sane results", () -> runner.forAll(described(any), c ->
            Outcomes.run(test, c.sample()).ifPresent(r -> Outcomes.sane(r, c.sample().size(), c))))
        .check("swapping before and after", () -> runner.forAll(described(plain), c -> {
          Optional<? extends AnalysisResult> forward = Outcomes.run(test, c.sample());
          Optional<? extends AnalysisResult> backward = Outcomes.run(test, c.sample().swapped());
          Outcomes.check(forward.isPresent() == backward.isPresent(),
              "the analysis refused only one direction", c);
          forward.ifPresent(f -> {
            AnalysisResult b = backward.orElseThrow();
            Outcomes.check(Outcomes.same(Outcomes.estimate(b), -Outcomes.estimate(f)),
                "estimate " + Outcomes.estimate(f) + " became " + Outcomes.estimate(b) + " when swapped, not its negative", c);
            Outcomes.check(Outcomes.same(Outcomes.p(b), Outcomes.p(f)),
                "p " + Outcomes.p(f) + " became " + Outcomes.p(b) + " when swapped", c);
          });
        }))
        .check("x against x", () -> runner.forAll(described(any), c -> {
          double[] x = c.sample().beforeValues();
          PairedSample same = PairedSample.of(x, x);
          Outcomes.run(test, same).ifPresent(r -> Outcomes.check(
              r.estimate().isEmpty() || Outcomes.close(Outcomes.estimate(r), 0),
              "x against itself estimated a difference of " + Outcomes.estimate(r), Describe.paired(same)));
        }))
        .check("shifting every value", () -> runner.forAll(described(plain), c -> {
          Optional<? extends AnalysisResult> base = Outcomes.run(test, c.sample());
          Optional<? extends AnalysisResult> moved = Outcomes.run(test, Resample.shifted(c.sample(), 17));
          Outcomes.check(base.isPresent() == moved.isPresent(), "a shift changed whether the data are degenerate", c);
          base.ifPresent(r -> {
            AnalysisResult m = moved.orElseThrow();
            Outcomes.check(Outcomes.same(Outcomes.estimate(r), Outcomes.estimate(m))
                    && Outcomes.same(Outcomes.statistic(r), Outcomes.statistic(m))
                    && Outcomes.same(Outcomes.p(r), Outcomes.p(m)),
                "adding 17 to every value changed the result from " + summary(r) + " to " + summary(m), c);
          });
        }))
        .check("plain data gives a result", () -> runner.forAll(
            described(PairedSamples.of(5, 40, PairedShape.CONTINUOUS)),
            c -> Outcomes.require(test, c.sample(), "continuous data")))
        .verifyAll("paired analysis");
  }

  static String summary(AnalysisResult r) {
    return "(estimate " + Outcomes.estimate(r) + ", statistic " + Outcomes.statistic(r) + ", p " + Outcomes.p(r) + ")";
  }

  private record Case(PairedSample sample) {
    @Override
    public String toString() {
      return Describe.paired(sample);
    }
  }

  private static Generator<Case> described(Generator<PairedSample> g) {
    return g.map(Case::new);
  }
}
