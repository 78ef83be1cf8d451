package org.outcome.stats.survival.cox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoxDataTest {
  @Test
  void sortsByStratumThenDescendingTimeWithCensoredFirstAndFindsBlocks() {
    double[] time = {2, 5, 2, 7, 5, 2, 1};
    boolean[] event = {true, false, false, true, true, true, true};
    int[] strata = {1, 0, 1, 0, 0, 0, 1};
    CoxData d = CoxData.of(time, event, strata, 2, new double[][] {{0, 0, 0, 0, 0, 0, 0}}, true);
    // stratum 0: rows 3 (7, event), 1 (5, censored), 4 (5, event), 5 (2, event);
    // stratum 1: rows 2 (2, censored), 0 (2, event), 6 (1, event)
    assertThat(d.rowOf).containsExactly(3, 1, 4, 5, 2, 0, 6);
    assertThat(d.blockStart).containsExactly(0, 1, 3, 4, 6, 7);
    assertThat(d.deathStart).containsExactly(0, 2, 3, 5, 6);
    assertThat(d.stratumStart).containsExactly(0, 3, 5);
  }

  @Test
  void centresAndScalesOnlyColumnsOutsideMinusOneZeroOne() {
    double[] time = {1, 2, 3, 4};
    boolean[] event = {true, true, true, true};
    CoxData d = CoxData.of(time, event, null, 1, new double[][] {{0, 1, -1, 1}, {1, 2, 3, 6}}, true);
    assertThat(d.center).containsExactly(0, 3);
    assertThat(d.scale[0]).isEqualTo(1);
    // mean |x - 3| = (2 + 1 + 0 + 3) / 4 = 1.5, so the scale is 1 / 1.5
    assertThat(d.scale[1]).isEqualTo(4 / 6.0);
  }

  @Test
  void timeFixMergesTimesWithinTheTolerance() {
    double[] time = {5, 5 + 1e-10, 7, 7 * (1 + 4e-9), 9};
    boolean[] event = {true, true, true, true, true};
    double[][] x = {{1, 2, 3, 4, 5}};
    assertThat(CoxData.of(time, event, null, 1, x, true).distinctTimes).containsExactly(5, 7, 9);
    assertThat(CoxData.of(time, event, null, 1, x, false).distinctTimes).hasSize(5);
  }
}
