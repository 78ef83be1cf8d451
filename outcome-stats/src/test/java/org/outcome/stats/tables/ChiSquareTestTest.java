package org.outcome.stats.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.common.ContinuityCorrection;

class ChiSquareTestTest {
  static final ChiSquareTest PLAIN = ChiSquareTest.withDefaults().withCorrection(ContinuityCorrection.NONE);

  @Test
  void withAndWithoutYates() {
    // R 4.2.2: chisq.test(matrix(c(45, 30, 55, 70), 2)) and correct = FALSE
    TwoByTwoTable t = TwoByTwoTable.of(45, 55, 30, 70);
    close(ChiSquareTest.withDefaults().test(t).statistic(), 4.1813333333333329);
    close(ChiSquareTest.withDefaults().test(t).pValue(), 0.040871534089006199);
    close(PLAIN.test(t).statistic(), 4.7999999999999998);
    close(PLAIN.test(t).pValue(), 0.028459736916310541);
    assertThat(ChiSquareTest.withDefaults().test(t).warnings()).isEmpty();
  }

  @Test
  void smallExpectedCountsWarnAsR() {
    // chisq.test(matrix(c(3, 1, 1, 3), 2)): 0.5, p 0.47950012218695348 (R warns)
    ChiSquareTest.Result r = ChiSquareTest.withDefaults().test(TwoByTwoTable.of(3, 1, 1, 3));
    close(r.statistic(), 0.5);
    close(r.pValue(), 0.47950012218695348);
    assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("small-expected-count");
    close(PLAIN.test(TwoByTwoTable.of(3, 1, 1, 3)).pValue(), 0.15729920705028447);
  }

  @Test
  void yatesNeverOvershoots() {
    // chisq.test(matrix(c(10, 10, 10, 11), 2)): |O - E| < 0.5, so YATES = |O - E| and X-squared = 0, p = 1
    ChiSquareTest.Result r = ChiSquareTest.withDefaults().test(TwoByTwoTable.of(10, 10, 10, 11));
    close(r.statistic(), 0);
    close(r.pValue(), 1);
    assertThat(r.yatesCorrection()).isLessThan(0.5);
  }
}
