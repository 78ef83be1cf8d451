package org.outcome.stats.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.common.Alternative;

/**
 * Fisher's exact test against R 4.2.2's {@code fisher.test}. R's matrix is column-major, so
 * {@code matrix(c(a, c, b, d), 2)} is the table with rows (a, b) and (c, d). Estimates and limits
 * are where R's {@code uniroot} stops (tol 1.2e-4), which the tests require to 1e-9.
 */
class FisherExactTestTest {
  static void check(FisherExactTest.Result r, double p, double or, double lower, double upper) {
    close(r.pValue(), p);
    close(r.oddsRatio().value(), or);
    close(r.oddsRatio().interval().orElseThrow().lower(), lower);
    close(r.oddsRatio().interval().orElseThrow().upper(), upper);
  }

  @Test
  void zeroCellsGiveBoundaryEstimates() {
    // fisher.test(matrix(c(0, 12, 10, 8), 2)): a = 0
    FisherExactTest.Result zeroA = FisherExactTest.withDefaults().test(TwoByTwoTable.of(0, 10, 12, 8));
    check(zeroA, 0.0015904135844165808, 0, 0, 0.42385179528186945);
    assertThat(zeroA.warnings()).extracting(w -> w.code()).containsExactly("odds-ratio-at-boundary");
    // fisher.test(matrix(c(7, 3, 0, 9), 2)): b = 0
    check(FisherExactTest.withDefaults().test(TwoByTwoTable.of(7, 0, 3, 9)),
        0.0030959752321981452, Double.POSITIVE_INFINITY, 2.287876953529564, Double.POSITIVE_INFINITY);
  }

  @Test
  void oneSidedAlternatives() {
    TwoByTwoTable twins = TwoByTwoTable.of(2, 10, 15, 3);
    // fisher.test(matrix(c(2, 15, 10, 3), 2), alternative = "less")
    check(FisherExactTest.withDefaults().withAlternative(Alternative.LESS).test(twins),
        0.00046518094336290585, 0.046936608827698928, 0, 0.28496013793556951);
    // ..., alternative = "greater", conf.level = 0.9
    check(FisherExactTest.withDefaults().withAlternative(Alternative.GREATER).withConfLevel(0.9).test(twins),
        0.99998451901868612, 0.046936608827698928, 0.0077941665981350969, Double.POSITIVE_INFINITY);
  }

  @Test
  void largerTablesAndAnotherNullOddsRatio() {
    TwoByTwoTable t = TwoByTwoTable.of(45, 55, 30, 70);
    // fisher.test(matrix(c(45, 30, 55, 70), 2)); and with or = 2
    check(FisherExactTest.withDefaults().test(t), 0.040534006514982686, 1.9028654588674379, 1.0260206892654575,
        3.5659358407067097);
    close(FisherExactTest.withDefaults().withNullOddsRatio(2).test(t).pValue(), 0.88259252904912644);
    // fisher.test(matrix(c(3, 1, 1, 3), 2))
    check(FisherExactTest.withDefaults().test(TwoByTwoTable.of(3, 1, 1, 3)), 0.48571428571428582, 6.4083088670057879,
        0.21173291530550292, 621.9337505454173);
  }

  @Test
  void anEmptyMarginIsDegenerate() {
    assertThatThrownBy(() -> FisherExactTest.withDefaults().test(TwoByTwoTable.of(0, 5, 0, 7)))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("nobody had the event");
    assertThatThrownBy(() -> FisherExactTest.withDefaults().test(TwoByTwoTable.of(0, 0, 3, 7)))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("exposed row is empty");
  }
}
