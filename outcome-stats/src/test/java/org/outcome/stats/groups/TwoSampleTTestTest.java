package org.outcome.stats.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedSample;
import org.outcome.stats.common.Alternative;

class TwoSampleTTestTest {
  // sleep: x = group 2 (after), y = group 1 (before)
  static final double[] X = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
  static final double[] Y = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2};

  @Test
  void welchOneSidedWithMu() {
    // R 4.2.2: t.test(x, y, alternative = "less", mu = -1)
    TwoSampleTTest.Result r = TwoSampleTTest.withDefaults().withAlternative(Alternative.LESS).withMu(-1)
        .test("x", X, "y", Y);
    close(r.t(), 3.0385435102000513);
    close(r.df(), 17.776473516178498);
    close(r.pValue(), 0.99642933082633711);
    assertThat(r.interval().lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    close(r.interval().upper(), 3.053381497331606);
  }

  @Test
  void studentAtNinetyPercent() {
    // R 4.2.2: t.test(x, y, var.equal = TRUE, conf.level = 0.9)
    TwoSampleTTest.Result r = TwoSampleTTest.student().withConfLevel(0.9).test("x", X, "y", Y);
    close(r.t(), 1.8608134674868528);
    assertThat(r.df()).isEqualTo(18);
    close(r.pValue(), 0.079186714215938175);
    close(r.interval().lower(), 0.10762216830039782);
    close(r.interval().upper(), 3.0523778316996024);
    assertThat(r.method()).contains("Student");
  }

  @Test
  void studentAllowsASingleValueInOneGroupAsR() {
    // R 4.2.2: t.test(c(5), c(1, 2, 4), var.equal = TRUE)
    TwoSampleTTest.Result r = TwoSampleTTest.student().test("a", new double[] {5}, "b", new double[] {1, 2, 4});
    close(r.t(), 1.5118578920369088);
    close(r.pValue(), 0.26970325665977846);
    close(r.interval().lower(), -4.9224994005268528);
    close(r.interval().upper(), 10.255832733860185);
    assertThat(r.first().sd()).isNaN();
  }

  @Test
  void welchNeedsTwoPerGroupAndVariation() {
    assertThatThrownBy(() -> TwoSampleTTest.withDefaults().test("a", new double[] {5}, "b", new double[] {1, 2}))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("group 'a' has 1 value");
    assertThatThrownBy(() -> TwoSampleTTest.withDefaults().test("a", new double[] {5, 5}, "b", new double[] {1, 1}))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("constant");
  }

  @Test
  void groupsAreChosenByLevelAndEmptyGroupsAreNamed() {
    GroupedSample three = GroupedSample.of(new double[] {1, 2, 3, 4, 5, 6}, Factor.of("a", "a", "b", "b", "c", "c"));
    assertThatThrownBy(() -> TwoSampleTTest.withDefaults().test(three))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("3 groups");
    TwoSampleTTest.Result r = TwoSampleTTest.withDefaults().withGroups(GroupChoice.of("c", "a")).test(three);
    assertThat(r.first().level()).isEqualTo("c");
    close(r.difference(), 4);
    GroupedSample empty = GroupedSample.of(new double[] {1, 2},
        Factor.withLevels(new String[] {"a", "a"}, java.util.List.of("a", "b")));
    assertThatThrownBy(() -> TwoSampleTTest.withDefaults().test(empty))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("group 'b' has no members");
  }
}
