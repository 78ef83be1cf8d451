package org.outcome.testkit.analyses;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.GroupedSample;
import org.outcome.testkit.Generator;
import org.outcome.testkit.internal.PropertyRunner;
import org.outcome.testkit.samples.Describe;
import org.outcome.testkit.samples.GroupedSamples;
import org.outcome.testkit.samples.GroupedShape;

/**
 * The contract of a two-group comparison whose estimate is a location difference, first group
 * minus second (a mean difference, a Hodges-Lehmann shift):
 *
 * <ul>
 *   <li>sane results on every shape;
 *   <li>adding one constant to every value changes no estimate, statistic or p-value;
 *   <li>reversing which group comes first negates the estimate and keeps the two-sided p;
 *   <li>multiplying every value by a positive constant keeps the p-value;
 *   <li>plain continuous data always gives a result.
 * </ul>
 */
public final class GroupContracts {
  private final Function<GroupedSample, ? extends AnalysisResult> test;
  private final int examples;
  private final OptionalLong seed;

  private GroupContracts(Function<GroupedSample, ? extends AnalysisResult> test, int examples, OptionalLong seed) {
    this.test = test;
    this.examples = examples;
    this.seed = seed;
  }

  /** The contract for a two-group comparison, with 200 examples per property. */
  public static GroupContracts of(Function<GroupedSample, ? extends AnalysisResult> test) {
    return new GroupContracts(test, 200, OptionalLong.empty());
  }

  /** The same contract with another number of examples per property. */
  public GroupContracts withExamples(int count) {
    return new GroupContracts(test, count, seed);
  }

  /** The same contract with a fixed seed, to replay a failure. */
  public GroupContracts withSeed(long value) {
    return new GroupContracts(test, examples, OptionalLong.of(value));
  }

  /**
   * Checks every property.
   *
   * @throws AssertionError naming each failing property with its counterexample
   */
  public void verify() {
    PropertyRunner runner = new PropertyRunner(examples, seed);
    Generator<Case> any = GroupedSamples.of(2, 2, 30).map(Case::new);
    Generator<Case> plain = GroupedSamples.of(2, 2, 30, GroupedShape.nonDegenerate()).map(Case::new);
    runner.check("sane results", () -> runner.forAll(any, c ->
            Outcomes.run(test, c.sample()).ifPresent(r -> Outcomes.sane(r, c.sample().size(), c))))
        .check("shifting every value", () -> runner.forAll(plain, c ->
            compare(c, Resample.mapped(c.sample(), v -> v + 17), 1, true, "adding 17 to every value")))
        .check("reversing the group order", () -> runner.forAll(plain, c ->
            compare(c, Resample.relabelled(c.sample()), -1, false, "reversing the group order")))
        .check("rescaling every value", () -> runner.forAll(plain, c -> {
          Optional<? extends AnalysisResult> base = Outcomes.run(test, c.sample());
          Optional<? extends AnalysisResult> scaled = Outcomes.run(test, Resample.mapped(c.sample(), v -> v * 4));
          Outcomes.check(base.isPresent() == scaled.isPresent(), "rescaling changed whether the data are degenerate", c);
          base.ifPresent(r -> Outcomes.check(Outcomes.same(Outcomes.p(r), Outcomes.p(scaled.orElseThrow())),
              "multiplying every value by 4 changed p from " + Outcomes.p(r) + " to " + Outcomes.p(scaled.orElseThrow()), c));
        }))
        .check("plain data gives a result", () -> runner.forAll(
            GroupedSamples.of(2, 3, 30, GroupedShape.CONTINUOUS).map(Case::new),
            c -> Outcomes.require(test, c.sample(), "continuous data")))
        .verifyAll("two-group analysis");
  }

  private void compare(Case c, GroupedSample changed, int estimateSign, boolean sameStatistic, String what) {
    Optional<? extends AnalysisResult> base = Outcomes.run(test, c.sample());
    Optional<? extends AnalysisResult> other = Outcomes.run(test, changed);
    Outcomes.check(base.isPresent() == other.isPresent(), what + " changed whether the data are degenerate", c);
    base.ifPresent(r -> {
      AnalysisResult o = other.orElseThrow();
      boolean ok = Outcomes.same(Outcomes.estimate(o), estimateSign * Outcomes.estimate(r))
          && Outcomes.same(Outcomes.p(o), Outcomes.p(r))
          && (!sameStatistic || Outcomes.same(Outcomes.statistic(o), Outcomes.statistic(r)));
      Outcomes.check(ok, what + " changed the result from " + PairedContracts.summary(r) + " to "
          + PairedContracts.summary(o), c);
    });
  }

  private record Case(GroupedSample sample) {
    @Override
    public String toString() {
      return Describe.grouped(sample);
    }
  }
}
