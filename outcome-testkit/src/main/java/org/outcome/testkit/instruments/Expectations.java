package org.outcome.testkit.instruments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.ResponseSet;

/**
 * What an instrument's manual says, written once by the test's author, independently of the
 * definition under test: the number of items, the answer scale, which items are reverse keyed,
 * the range of the primary score, how many answered items it needs, and worked examples with
 * their scores. {@link InstrumentContract#expecting(Expectations)} checks the definition (and the
 * engine scoring by it) against these, so a definition that is wrong but self-consistent (a
 * flipped keying, a scale one point too long, a looser missing-item rule, a wrong transform)
 * fails, which the definition-driven checks cannot see.
 *
 * <pre>{@code
 * InstrumentContract.of(gse).expecting(Expectations.of()
 *     .items(10).scale(1, 4).reversed().range(10, 40).minAnswered(7)
 *     .workedExample(30, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)).verify();
 * }</pre>
 *
 * <p>Each fact is optional: state the ones the source gives. Immutable.
 */
public final class Expectations {
  /**
   * A set of answers (made for the instrument under test, whose id it takes) and the primary score
   * the source gives for it.
   */
  record WorkedExample(Function<InstrumentId, ResponseSet> answers, double primaryScore) {}

  private final OptionalInt items;
  private final Optional<int[]> scale;
  private final Optional<SortedSet<Integer>> reversed;
  private final Optional<double[]> range;
  private final OptionalInt minAnswered;
  private final List<WorkedExample> examples;

  private Expectations(OptionalInt items, Optional<int[]> scale, Optional<SortedSet<Integer>> reversed,
      Optional<double[]> range, OptionalInt minAnswered, List<WorkedExample> examples) {
    this.items = items;
    this.scale = scale;
    this.reversed = reversed;
    this.range = range;
    this.minAnswered = minAnswered;
    this.examples = List.copyOf(examples);
  }

  /** No expectations yet. */
  public static Expectations of() {
    return new Expectations(OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        OptionalInt.empty(), List.of());
  }

  /** The instrument has this many items. */
  public Expectations items(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an instrument has at least one item, got " + count);
    }
    return new Expectations(OptionalInt.of(count), scale, reversed, range, minAnswered, examples);
  }

  /** Every item is answered on the scale {@code min..max}. */
  public Expectations scale(int min, int max) {
    if (min >= max) {
      throw new IllegalArgumentException("the scale's minimum must be below its maximum, got " + min + ".." + max);
    }
    return new Expectations(items, Optional.of(new int[] {min, max}), reversed, range, minAnswered, examples);
  }

  /** Exactly these items are reverse keyed (none when called without items); the rest positively. */
  public Expectations reversed(int... itemNumbers) {
    SortedSet<Integer> set = new TreeSet<>();
    Arrays.stream(itemNumbers).forEach(set::add);
    return new Expectations(items, scale, Optional.of(set), range, minAnswered, examples);
  }

  /** The primary score runs from {@code min} (every answer at its worst) to {@code max}. */
  public Expectations range(double min, double max) {
    if (!(min < max)) {
      throw new IllegalArgumentException("the range's minimum must be below its maximum, got " + min + ".." + max);
    }
    return new Expectations(items, scale, reversed, Optional.of(new double[] {min, max}), minAnswered, examples);
  }

  /**
   * The primary score is given with this many of its items answered and withheld with one fewer
   * (the manual's missing-item rule).
   */
  public Expectations minAnswered(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one answered item, got " + count);
    }
    return new Expectations(items, scale, reversed, range, OptionalInt.of(count), examples);
  }

  /** The source's worked example: these answers give this primary score. */
  public Expectations workedExample(ResponseSet answers, double primaryScore) {
    List<WorkedExample> more = new ArrayList<>(examples);
    Objects.requireNonNull(answers, "answers");
    more.add(new WorkedExample(id -> answers, primaryScore));
    return new Expectations(items, scale, reversed, range, minAnswered, more);
  }

  /**
   * The source's worked example with every item answered, in item order: checked against the
   * instrument under test, whose id the answers take.
   */
  public Expectations workedExample(double primaryScore, int... answers) {
    List<WorkedExample> more = new ArrayList<>(examples);
    int[] given = answers.clone();
    more.add(new WorkedExample(id -> ResponseSet.complete(id, given), primaryScore));
    return new Expectations(items, scale, reversed, range, minAnswered, more);
  }

  OptionalInt items() {
    return items;
  }

  Optional<int[]> scale() {
    return scale.map(int[]::clone);
  }

  Optional<SortedSet<Integer>> reversed() {
    return reversed;
  }

  Optional<double[]> range() {
    return range.map(double[]::clone);
  }

  OptionalInt minAnswered() {
    return minAnswered;
  }

  List<WorkedExample> examples() {
    return examples;
  }
}
