package org.outcome.stats.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.stats.common.Alternative;

/** Against R 4.2.2's {@code poisson.test(c(x1, x2), c(T1, T2), ...)}: p, estimate, conf.int, parameter. */
class RateRatioTestTest {
  static void check(RateRatioTest.Result r, double p, double rr, double lower, double upper) {
    close(r.pValue(), p, 1e-9);
    close(r.rateRatio().value(), rr);
    close(r.rateRatio().interval().orElseThrow().lower(), lower, 1e-9);
    close(r.rateRatio().interval().orElseThrow().upper(), upper, 1e-9);
  }

  @Test
  void zeroCountsAsR() {
    // poisson.test(c(0, 7), c(120.5, 300))
    RateRatioTest.Result zero1 = RateRatioTest.withDefaults().test(new PersonTimeCounts(0, 120.5, 7, 300));
    check(zero1, 0.20336475020582084, 0, 0, 1.7273377097836993);
    close(zero1.expectedEvents1(), 2.0059453032104639);
    // poisson.test(c(6, 0), c(120.5, 300))
    check(RateRatioTest.withDefaults().test(new PersonTimeCounts(6, 120.5, 0, 300)),
        0.00055376599126345522, Double.POSITIVE_INFINITY, 2.9313478648734725, Double.POSITIVE_INFINITY);
  }

  @Test
  void oneSidedAndAnotherNull() {
    PersonTimeCounts c = new PersonTimeCounts(11, 800, 21, 3011);
    // poisson.test(c(11, 21), c(800, 3011), alternative = "greater")
    check(RateRatioTest.withDefaults().withAlternative(Alternative.GREATER).test(c),
        0.056008659787699693, 1.9714880952380953, 0.97758434749674539, Double.POSITIVE_INFINITY);
    // ..., r = 2, alternative = "less", conf.level = 0.9; parameter 7.5051304602755788
    RateRatioTest.Result less = RateRatioTest.withDefaults().withNullRatio(2).withAlternative(Alternative.LESS)
        .withConfLevel(0.9).test(c);
    check(less, 0.56571660213170283, 1.9714880952380953, 0, 3.3659693896937237);
    close(less.expectedEvents1(), 7.5051304602755788);
  }

  @Test
  void largerCounts() {
    // poisson.test(c(230, 310), c(1200.25, 1399.5))
    check(RateRatioTest.withDefaults().test(new PersonTimeCounts(230, 1200.25, 310, 1399.5)),
        0.10094653144254366, 0.86510202847525053, 0.72624197278800084, 1.0293195036734772);
  }

  @Test
  void noEventsIsDegenerateAndZeroPersonTimeIsRejected() {
    assertThatThrownBy(() -> RateRatioTest.withDefaults().test(new PersonTimeCounts(0, 10, 0, 12)))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("no events");
    assertThatThrownBy(() -> new PersonTimeCounts(1, 0, 2, 12))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("personTime[1]");
    assertThat(RateRatioTest.withDefaults().test(new PersonTimeCounts(3, 10, 2, 12)).rate1()).isEqualTo(0.3);
  }
}
