package org.outcome.testkit.internal;

import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.outcome.testkit.Generator;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.quicktheories.QuickTheory;

/**
 * Runs named properties with QuickTheories and reports every failing one in a single
 * {@link AssertionError}, each reduced to its shrunk counterexample's own message.
 */
public final class PropertyRunner {
  private final int examples;
  private final OptionalLong seed;
  private final Map<String, Runnable> checks = new LinkedHashMap<>();

  /**
   * @param examples examples per generated property
   * @param seed a fixed QuickTheories seed, to replay a failure
   */
  public PropertyRunner(int examples, OptionalLong seed) {
    if (examples < 1) {
      throw new IllegalArgumentException("examples must be positive, got " + examples);
    }
    this.examples = examples;
    this.seed = seed;
  }

  /** Checks {@code check} on values of {@code generator}; it signals failure by throwing AssertionError. */
  public <T> void forAll(Generator<T> generator, Consumer<T> check) {
    QuickTheory theory = qt().withExamples(examples).withShrinkCycles(500);
    if (seed.isPresent()) {
      theory = theory.withFixedSeed(seed.getAsLong());
    }
    theory.forAll(QtGenerators.gen(generator).describedAs(Object::toString)).checkAssert(check);
  }

  /** Adds a named check to run in {@link #verifyAll}. */
  public PropertyRunner check(String name, Runnable check) {
    checks.put(name, check);
    return this;
  }

  /**
   * Runs every added check.
   *
   * @param subject what is checked, for the message: {@code "instrument whoqol-bref"}
   * @throws AssertionError naming each failing check with its counterexample
   */
  public void verifyAll(String subject) {
    List<String> failures = new ArrayList<>();
    checks.forEach((name, check) -> {
      try {
        check.run();
      } catch (AssertionError e) {
        failures.add(name + ": " + compact(e.getMessage()));
      }
    });
    if (!failures.isEmpty()) {
      throw new AssertionError(subject + " breaks its contract in " + failures.size() + " check(s):\n\n"
          + String.join("\n\n", failures));
    }
  }

  /**
   * The essence of a QuickTheories failure: the shrunk counterexample's own assertion message,
   * without QuickTheories' preamble and the stack trace.
   */
  public static String compact(String message) {
    if (message == null) {
      return "(no message)";
    }
    String marker = "Cause was :-";
    int cause = message.indexOf(marker);
    String text = cause < 0 ? message : message.substring(cause + marker.length()).strip();
    text = text.replaceFirst("^java\\.lang\\.AssertionError: ", "");
    int trace = text.indexOf("\n\tat ");
    return (trace < 0 ? text : text.substring(0, trace)).strip();
  }
}
