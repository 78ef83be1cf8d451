package org.outcome.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * A factor's messages never quote a row's value, never list more than a handful of levels, and a
 * grouping column that looks like an identifier is refused.
 */
class FactorNoEchoTest {
  static final String NHS = "9434769999";

  @Test
  void aValueOutsideTheLevelsIsNamedByItsRowOnly() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> Factor.withLevels(new String[] {"peer", NHS, "usual"}, List.of("peer", "usual")));

    assertThat(e.violations()).extracting(Violation::toString)
        .containsExactly("row 2: not one of the levels [peer, usual]");
    assertThat(e.getMessage()).doesNotContain(NHS);
  }

  @Test
  void aGroupingColumnWithADifferentValueOnEveryRowIsRefusedAsAnIdentifier() {
    String[] ids = {NHS, "4010232137", "9990001112", "9434765919", "9434765870", "9434765862"};
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Factor.grouping("subject", ids));

    assertThat(e.violations()).extracting(Violation::toString).containsExactly("column subject: column 'subject' has a"
        + " different value on every row: it looks like an identifier, not a group");
    for (String id : ids) {
      assertThat(e.getMessage()).doesNotContain(id);
    }
  }

  @Test
  void aRealGroupingColumnIsAFactorAsOf() {
    String[] groups = {"peer", "usual", "peer", "usual", "peer", "usual"};
    assertThat(Factor.grouping("group", groups)).isEqualTo(Factor.of(groups));
    // a handful of rows may each be their own group: too few to look like an identifier
    assertThat(Factor.grouping("group", "a", "b", "c").levelCount()).isEqualTo(3);
  }

  @Test
  void manyLevelsAreCountedNotListed() {
    List<String> levels = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      levels.add("94347699" + (10 + i));
    }
    assertThat(Factor.describeLevels(levels.subList(0, 10))).startsWith("[9434769910, ");
    assertThat(Factor.describeLevels(levels)).isEqualTo("(11 levels, not listed)");
    String[] rows = levels.toArray(String[]::new);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> Factor.of(rows).relevel("usual"));
    assertThat(e.getMessage()).contains("(11 levels, not listed)").doesNotContain("94347699");
    e = catchThrowableOfType(InvalidInputException.class, () -> Factor.of(rows).withLevelOrder(List.of("usual")));
    assertThat(e.getMessage()).contains("11 levels are missing from the order").doesNotContain("94347699");
  }

  /** Random text planted on a random row of a two-level factor never appears in the message. */
  @Test
  void randomTextOutsideTheLevelsNeverAppearsInAMessage() {
    qt().withExamples(300)
        .forAll(strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(6, 20), integers().between(0, 9))
        .check((text, row) -> {
          String[] values = {"peer", "usual", "peer", "usual", "peer", "usual", "peer", "usual", "peer", "usual"};
          values[row] = text;
          InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
              () -> Factor.withLevels(values, List.of("peer", "usual")));
          return e.getMessage().contains("row " + (row + 1) + ": not one of the levels")
              && (text.contains("peer") || text.contains("usual") || !e.getMessage().contains(text));
        });
  }
}
