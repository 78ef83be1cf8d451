package org.outcome.stats.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.PairedBinaryTable;

class McNemarTestTest {
  @Test
  void smallTableAllThreeVersions() {
    // R 4.2.2: m <- matrix(c(10, 3, 9, 12), 2, byrow = TRUE); mcnemar.test(m); mcnemar.test(m, correct = FALSE);
    // binom.test(3, 12)
    McNemarTest.Result r = McNemarTest.withDefaults().test(PairedBinaryTable.of(10, 3, 9, 12));
    close(r.chisqCorrected(), 2.0833333333333335);
    close(r.pCorrected(), 0.14891467317876608);
    close(r.chisq(), 3);
    close(r.p(), 0.083264516663550558);
    close(r.exactP(), 0.14599609375000008);
    // odds ratio b / c = 1/3, interval p/(1-p) of binom.test(3, 12)$conf.int = 0.054860644527992761, 0.57185846187818912
    close(r.oddsRatio().value(), 1.0 / 3);
    close(r.oddsRatio().interval().orElseThrow().lower(), 0.054860644527992761 / (1 - 0.054860644527992761));
    close(r.oddsRatio().interval().orElseThrow().upper(), 0.57185846187818912 / (1 - 0.57185846187818912));
    assertThat(r.test().orElseThrow().statistic()).isEqualTo(r.chisqCorrected());
    assertThat(McNemarTest.withDefaults().withMethod(McNemarTest.Method.EXACT).test(PairedBinaryTable.of(10, 3, 9, 12))
        .test().orElseThrow().pValue()).isEqualTo(r.exactP());
  }

  @Test
  void equalDiscordantCountsGiveZero() {
    // R 4.2.2: mcnemar.test(matrix(c(10, 5, 5, 12), 2, byrow = TRUE)) gives 0 and p = 1 (no correction when b = c)
    McNemarTest.Result r = McNemarTest.withDefaults().test(PairedBinaryTable.of(10, 5, 5, 12));
    assertThat(r.chisqCorrected()).isZero();
    assertThat(r.pCorrected()).isEqualTo(1.0);
    close(r.exactP(), 1);
  }

  @Test
  void zeroDiscordantOneSideGivesAnInfiniteOddsRatio() {
    McNemarTest.Result r = McNemarTest.withDefaults().test(PairedBinaryTable.of(4, 6, 0, 9));
    assertThat(r.oddsRatio().value()).isInfinite();
    assertThat(r.oddsRatio().interval().orElseThrow().upper()).isInfinite();
  }

  @Test
  void noDiscordantPairsIsDegenerate() {
    assertThatThrownBy(() -> McNemarTest.withDefaults().test(PairedBinaryTable.of(5, 0, 0, 7)))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("no discordant pairs");
  }
}
