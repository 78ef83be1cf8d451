package org.outcome.stats.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.tables.NumberNeededToTreat.Direction;

/**
 * Risk measures worked by hand from their formulas (Rothman, Greenland and Lash, Modern
 * Epidemiology, 3rd ed., ch. 14: Wald intervals for RD, log RR and log OR), on readmission counts:
 * peer support 12 of 60 readmitted, usual care 24 of 60.
 */
class RiskComparisonTest {
  static final TwoByTwoTable T = TwoByTwoTable.of(12, 48, 24, 36);
  static final double Z = 1.9599639845400536; // qnorm(0.975)

  @Test
  void riskRatioDifferenceOddsRatioAndNnt() {
    RiskComparison.Result r = RiskComparison.withDefaults().compare(T);
    // RR = 0.2 / 0.4 = 0.5; se(log RR) = sqrt(1/12 - 1/60 + 1/24 - 1/60) = sqrt(0.091666...)
    double seRr = Math.sqrt(1.0 / 12 - 1.0 / 60 + 1.0 / 24 - 1.0 / 60);
    close(r.riskRatio().orElseThrow().value(), 0.5);
    close(r.riskRatio().orElseThrow().interval().orElseThrow().lower(), Math.exp(Math.log(0.5) - Z * seRr));
    close(r.riskRatio().orElseThrow().interval().orElseThrow().upper(), Math.exp(Math.log(0.5) + Z * seRr));
    // RD = -0.2, se = sqrt(0.2*0.8/60 + 0.4*0.6/60) = sqrt(0.4/60)
    double seRd = Math.sqrt(0.4 / 60);
    close(r.riskDifference().value(), -0.2);
    close(r.riskDifference().interval().orElseThrow().lower(), -0.2 - Z * seRd);
    close(r.riskDifference().interval().orElseThrow().upper(), -0.2 + Z * seRd);
    // OR = 12*36 / (48*24) = 0.375, Woolf se = sqrt(1/12 + 1/48 + 1/24 + 1/36)
    close(r.oddsRatio().orElseThrow().value(), 0.375);
    // NNT: 1/0.2 = 5 for benefit (readmission is adverse); RD interval (-0.360, -0.040) excludes 0:
    // NNTB limits 1/0.360 = 2.8 and 1/0.03997 = 25.0
    NumberNeededToTreat nnt = r.numberNeededToTreat();
    close(nnt.value(), 5);
    assertThat(nnt.direction()).isEqualTo(Direction.BENEFIT);
    assertThat(nnt.includesNoEffect()).isFalse();
    close(nnt.benefitLimit().getAsDouble(), 1 / (0.2 + Z * seRd));
    assertThat(nnt.describe()).startsWith("NNTB 5.0 (95% CI NNTB 2.8 to NNTB 25.0)");
    assertThat(r.estimate().orElseThrow()).isEqualTo(r.riskRatio().orElseThrow());
  }

  @Test
  void nntSpanningNoEffectReadsAsAltman() {
    // 10/50 vs 12/50: RD = -0.04, interval includes 0
    NumberNeededToTreat nnt = RiskComparison.withDefaults().compare(TwoByTwoTable.of(10, 40, 12, 38)).numberNeededToTreat();
    assertThat(nnt.includesNoEffect()).isTrue();
    assertThat(nnt.describe()).contains(" to ∞ to NNTH ");
    assertThat(nnt.benefitLimit()).isPresent();
    assertThat(nnt.harmLimit()).isPresent();
  }

  @Test
  void zeroCellConventions() {
    // no events among the exposed: RR = 0 with an uninformative interval; OR = 0 likewise
    RiskComparison.Result r = RiskComparison.withDefaults().compare(TwoByTwoTable.of(0, 20, 5, 15));
    assertThat(r.riskRatio().orElseThrow().value()).isZero();
    assertThat(r.riskRatio().orElseThrow().interval().orElseThrow().upper()).isInfinite();
    assertThat(r.warnings()).extracting(w -> w.code()).contains("zero-cell");
    // Haldane: (0.5/20.5) / (5.5/20.5) = 0.5/5.5
    RiskComparison.Result h = RiskComparison.withDefaults()
        .withZeroCellCorrection(RiskComparison.ZeroCellCorrection.HALDANE).compare(TwoByTwoTable.of(0, 20, 5, 15));
    close(h.riskRatio().orElseThrow().value(), 0.5 / 5.5);
    close(h.oddsRatio().orElseThrow().value(), (0.5 * 15.5) / (20.5 * 5.5));
    assertThat(h.haldaneApplied()).isTrue();
    // no events at all: ratios undefined and absent, RD 0
    RiskComparison.Result none = RiskComparison.withDefaults().compare(TwoByTwoTable.of(0, 20, 0, 15));
    assertThat(none.riskRatio()).isEmpty();
    assertThat(none.oddsRatio()).isEmpty();
    assertThat(none.riskDifference().value()).isZero();
    assertThat(none.numberNeededToTreat().direction()).isEqualTo(Direction.NONE);
  }

  @Test
  void anEmptyRowIsDegenerate() {
    assertThatThrownBy(() -> RiskComparison.withDefaults().compare(TwoByTwoTable.of(3, 4, 0, 0)))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("unexposed row is empty");
  }
}
