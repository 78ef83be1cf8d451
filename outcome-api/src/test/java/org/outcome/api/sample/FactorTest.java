package org.outcome.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

class FactorTest {
  private static final String[] GROUPS = {"usual-care", "peer-support", "waiting-list", "peer-support"};

  @Test
  void relevelPutsTheReferenceFirstAndKeepsTheOtherLevelsInOrder() {
    // R: levels(relevel(factor(c("usual-care", "peer-support", "waiting-list", "peer-support")), ref = "usual-care"))
    //    = "usual-care" "peer-support" "waiting-list"
    Factor f = Factor.of(GROUPS);
    assertThat(f.levels()).containsExactly("peer-support", "usual-care", "waiting-list");

    Factor r = f.relevel("usual-care");

    assertThat(r.levels()).containsExactly("usual-care", "peer-support", "waiting-list");
    assertThat(r.codes()).containsExactly(0, 1, 2, 1);
    assertThat(r.counts()).containsExactly(1, 2, 1);
    assertThat(f.levels()).containsExactly("peer-support", "usual-care", "waiting-list");   // unchanged
  }

  @Test
  void relevelToTheFirstLevelIsTheSameFactor() {
    Factor f = Factor.of(GROUPS);

    assertThat(f.relevel("peer-support")).isEqualTo(f);
  }

  @Test
  void relevelKeepsALevelWithNoRows() {
    Factor f = Factor.withLevels(new String[] {"a", "a"}, List.of("a", "b"));

    Factor r = f.relevel("b");

    assertThat(r.levels()).containsExactly("b", "a");
    assertThat(r.counts()).containsExactly(0, 2);
  }

  @Test
  void relevelToAnUnknownLevelIsATypedError() {
    assertThatThrownBy(() -> Factor.of(GROUPS).relevel("usual care"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("reference: 'usual care' is not one of the levels [peer-support, usual-care, waiting-list]"));
  }

  @Test
  void withLevelOrderReordersTheLevelsOfTheSameRows() {
    Factor r = Factor.of(GROUPS).withLevelOrder(List.of("waiting-list", "usual-care", "peer-support"));

    assertThat(r.levels()).containsExactly("waiting-list", "usual-care", "peer-support");
    assertThat(r.codes()).containsExactly(1, 2, 0, 2);
  }

  @Test
  void withLevelOrderNamesEveryUnknownRepeatedOrMissingLevel() {
    assertThatThrownBy(() -> Factor.of(GROUPS).withLevelOrder(List.of("usual-care", "usual-care", "other")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly(
                "levels: 'usual-care' is listed twice",
                "levels: 'other' is not one of the levels [peer-support, usual-care, waiting-list]",
                "levels: level 'peer-support' is missing from the order",
                "levels: level 'waiting-list' is missing from the order"));
  }

  @Test
  void relevelNeverChangesARowsLevel() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 4)).ofSizeBetween(1, 30), integers().between(0, 4))
        .checkAssert((rows, pick) -> {
          String[] values = rows.stream().map(i -> "g" + i).toArray(String[]::new);
          Factor f = Factor.of(values);
          String reference = f.levels().get(pick % f.levelCount());

          Factor r = f.relevel(reference);

          assertThat(r.levels().get(0)).isEqualTo(reference);
          List<String> others = new ArrayList<>(f.levels());
          others.remove(reference);
          assertThat(r.levels().subList(1, r.levelCount())).isEqualTo(others);
          for (int i = 0; i < values.length; i++) {
            assertThat(r.level(i)).isEqualTo(values[i]);
          }
          assertThat(r.withLevelOrder(f.levels())).isEqualTo(f);
        });
  }
}
