package org.outcome.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples are values: equal by content, and their {@code toString} states the shape, never the data. */
class SampleValuesTest {
  /** A level that looks like an NHS number, as a cluster column's level may be. */
  private static final String SUBJECT = "9434765919";

  @Test
  void pairedSamplesAreEqualByContent() {
    PairedSample a = PairedSample.of(new double[] {1, 2, 3}, new double[] {2, 2, 5});
    PairedSample b = PairedSample.of(new double[] {1, 2, 3}, new double[] {2, 2, 5});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotSameAs(b);
    assertThat(a).isNotEqualTo(PairedSample.of(new double[] {1, 2, 3}, new double[] {2, 2, 6}));
    assertThat(a).isNotEqualTo(a.swapped());
    assertThat(a.swapped().swapped()).isEqualTo(a);
    assertThat(a).hasToString("PairedSample[3 pairs]");
  }

  @Test
  void groupedSamplesAreEqualByValuesAndGroups() {
    Factor groups = Factor.of("peer", "usual", "peer");
    GroupedSample a = GroupedSample.of(new double[] {1.5, 2, 3}, groups);
    assertThat(a).isEqualTo(GroupedSample.of(new double[] {1.5, 2, 3}, Factor.of("peer", "usual", "peer")))
        .hasSameHashCodeAs(GroupedSample.of(new double[] {1.5, 2, 3}, Factor.of("peer", "usual", "peer")));
    assertThat(a).isNotEqualTo(GroupedSample.of(new double[] {1.5, 2, 3}, groups.relevel("usual")));
    assertThat(a).isNotEqualTo(GroupedSample.of(new double[] {1.5, 2, 4}, groups));
    assertThat(a.toString()).isEqualTo("GroupedSample[3 values, 2 groups]").doesNotContain("peer", "1.5");
  }

  @Test
  void groupedPrePostSamplesAreEqualByContent() {
    Factor groups = Factor.of("a", "b");
    GroupedPrePostSample a = GroupedPrePostSample.of(new double[] {1, 2}, new double[] {3, 4}, groups);
    GroupedPrePostSample b = GroupedPrePostSample.of(new double[] {1, 2}, new double[] {3, 4}, Factor.of("a", "b"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(GroupedPrePostSample.of(new double[] {1, 2}, new double[] {4, 3}, groups));
    assertThat(a).hasToString("GroupedPrePostSample[2 rows, 2 groups]");
  }

  @Test
  void survivalSamplesAreEqualOverEveryColumn() {
    double[] time = {5, 8, 13};
    boolean[] event = {true, false, true};
    SurvivalSample plain = SurvivalSample.of(time, event);
    SurvivalSample full = SurvivalSample.builder(time, event)
        .group(Factor.of("peer", "usual", "usual"))
        .covariate("age", new double[] {31, 47, 52})
        .cluster(Factor.of(SUBJECT, SUBJECT, "9434765870"))
        .build();
    SurvivalSample same = SurvivalSample.builder(time.clone(), event.clone())
        .group(Factor.of("peer", "usual", "usual"))
        .covariate("age", new double[] {31, 47, 52})
        .cluster(Factor.of(SUBJECT, SUBJECT, "9434765870"))
        .build();
    assertThat(plain).isEqualTo(SurvivalSample.of(time.clone(), event.clone()))
        .hasSameHashCodeAs(SurvivalSample.of(time.clone(), event.clone()));
    assertThat(full).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(full).isNotEqualTo(plain);
    assertThat(full.withGroup(java.util.Optional.empty())).isNotEqualTo(full);
    assertThat(plain).isNotEqualTo(SurvivalSample.of(time, new boolean[] {true, true, true}));
    assertThat(full.toBuilder().build()).isEqualTo(full);
  }

  @Test
  void survivalSampleStringsStateTheShapeAndNoIdentifierOrValue() {
    SurvivalSample s = SurvivalSample.builder(new double[] {5, 8, 13}, new boolean[] {true, false, true})
        .group(Factor.of("peer", "usual", "usual"))
        .strata(Factor.of("north", "north", "north"))
        .covariate("age", new double[] {31, 47, 52})
        .cluster(Factor.of(SUBJECT, SUBJECT, "9434765870"))
        .build();
    assertThat(s).hasToString("SurvivalSample[3 rows, 2 events, group of 2 levels, 1 strata, 1 covariate, 2 clusters]");
    assertThat(s.toString()).doesNotContain(SUBJECT, "peer", "north", "age", "13", "47");
    assertThat(SurvivalSample.of(new double[] {1}, new boolean[] {false})).hasToString("SurvivalSample[1 rows, 0 events]");
  }

  @Test
  void factorsAndCovariatesPrintNoLevelOrValue() {
    Factor clusters = Factor.of(SUBJECT, "9434765870", SUBJECT);
    assertThat(clusters).hasToString("Factor[2 levels, 3 rows]");
    Covariate age = Covariate.of("age", new double[] {31, 47});
    assertThat(age).isEqualTo(Covariate.of("age", new double[] {31, 47}))
        .hasSameHashCodeAs(Covariate.of("age", new double[] {31, 47}))
        .isNotEqualTo(age.renamed("years"))
        .isNotEqualTo(Covariate.of("age", new double[] {31, 48}))
        .hasToString("Covariate[age, 2 rows]");
  }

  @Test
  void samplesWorkAsKeys() {
    PairedSample a = PairedSample.of(new double[] {1}, new double[] {2});
    assertThat(java.util.Set.of(a, PairedSample.of(new double[] {2}, new double[] {1}))).hasSize(2)
        .contains(PairedSample.of(new double[] {1}, new double[] {2}));
    assertThat(List.of(a)).containsExactly(PairedSample.of(new double[] {1}, new double[] {2}));
  }
}
