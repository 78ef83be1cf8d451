package org.outcome.stats.multiplicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.WilcoxonSignedRankTest;

class PValueAdjustmentTest {
  static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001};

  static void closeAll(double[] actual, double... expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      close(actual[i], expected[i], 1e-15);
    }
  }

  @Test
  void matchesRsPAdjust() {
    // R 4.2.2: p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 0.0001); p.adjust(p, "holm" | "BH" | "bonferroni")
    closeAll(PValueAdjustment.of(AdjustmentMethod.HOLM).adjust(P),
        0.06, 0.16, 0.15, 0.035, 0.4, 0.16, 0.9, 0.0008);
    closeAll(PValueAdjustment.of(AdjustmentMethod.BENJAMINI_HOCHBERG).adjust(P),
        0.026666666666666665, 0.05333333333333333, 0.05333333333333333, 0.02, 0.22857142857142856,
        0.05333333333333333, 0.9, 0.0008);
    closeAll(PValueAdjustment.of(AdjustmentMethod.BONFERRONI).adjust(P),
        0.08, 0.32, 0.24, 0.04, 1, 0.32, 1, 0.0008);
  }

  @Test
  void adjustsAFamilyOfResults() {
    PairedSample s = PairedSample.of(new double[] {1, 3, 2, 5, 4, 6}, new double[] {2, 5, 2, 8, 4, 9});
    List<AnalysisResult> family = List.of(PairedTTest.withDefaults().test(s), WilcoxonSignedRankTest.withDefaults().test(s));
    PValueAdjustment.Family adjusted = PValueAdjustment.of(AdjustmentMethod.HOLM).adjust(family);
    assertThat(adjusted.members()).hasSize(2);
    assertThat(adjusted.members().get(0).rawP()).isEqualTo(family.get(0).test().orElseThrow().pValue());
    assertThat(adjusted.members()).allMatch(m -> m.adjustedP() >= m.rawP());
  }

  @Test
  void resultsWithoutATestAndBadPValuesAreNamed() {
    PairedSample s = PairedSample.of(new double[] {1, 3, 2}, new double[] {2, 5, 4});
    assertThatThrownBy(() -> PValueAdjustment.of(AdjustmentMethod.HOLM)
        .adjust(List.of(PairedEffectSize.withDefaults().compute(s))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("results[1]");
    assertThatThrownBy(() -> PValueAdjustment.of(AdjustmentMethod.BENJAMINI_HOCHBERG).adjust(0.5, 1.5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("p[2]");
  }

  @Test
  void eachMethodHasTheNameAReportPrints() {
    assertThat(List.of(AdjustmentMethod.values()).stream().map(AdjustmentMethod::label))
        .containsExactly("Holm", "Benjamini-Hochberg", "Bonferroni");
  }
}
