package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;
import org.outcome.stats.common.Alternative;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.common.PValueMethod;
import org.outcome.stats.common.RankSums;

class ExactDistributionsTest {
  @Test
  void signedRankMatchesRsPsignrank() {
    // R 4.2.2: psignrank(c(0, 5, 20, 60), 20); psignrank(100, 20, lower.tail=FALSE)
    SignedRankDistribution d = SignedRankDistribution.of(20);
    close(d.cdf(0), 9.5367431640625e-07);
    close(d.cdf(5), 9.5367431640625e-06);
    close(d.cdf(20), 0.00035381317138671875);
    close(d.cdf(60), 0.048653602600097656);
    close(d.upperTail(101), 0.56525611877441406);
  }

  @Test
  void rankSumMatchesRsPwilcox() {
    // R 4.2.2: pwilcox(c(0, 10, 40), 12, 9); pwilcox(80, 12, 9, lower.tail=FALSE); pwilcox(300, 30, 25)
    RankSumDistribution d = RankSumDistribution.of(12, 9);
    close(d.cdf(0), 3.4021705848331236e-06);
    close(d.cdf(10), 0.00046949954070697102);
    close(d.cdf(40), 0.17255128772156636);
    close(d.upperTail(81), 0.0292416561766407);
    close(RankSumDistribution.of(30, 25).cdf(300), 0.10487655035018376);
  }

  @Test
  void distributionsAreSymmetricAndSumToOne() {
    RankSumDistribution w = RankSumDistribution.of(7, 4);
    for (int u = 0; u <= 28; u++) {
      close(w.cdf(u), w.upperTail(28 - u), 1e-13);
    }
    assertThat(w.cdf(28)).isEqualTo(1.0);
    SignedRankDistribution v = SignedRankDistribution.of(9);
    for (int x = 0; x <= 45; x++) {
      close(v.cdf(x), v.upperTail(45 - x), 1e-13);
    }
  }

  @Test
  void exactPValuesFollowWilcoxTest() {
    // R 4.2.2: psignrank(8, 9); 2 * psignrank(8, 9); psignrank(36, 9, lower.tail = FALSE)
    SignedRankDistribution v = SignedRankDistribution.of(9);
    close(v.pValue(8, Alternative.LESS), 0.048828125);
    close(v.pValue(8, Alternative.TWO_SIDED), 0.09765625);
    close(v.pValue(37, Alternative.GREATER), 0.048828125);
    close(v.pValue(37, Alternative.TWO_SIDED), 0.09765625);   // above the centre 22.5: the upper tail, doubled
    assertThat(v.pValue(22, Alternative.TWO_SIDED)).isEqualTo(1.0);   // doubled past 1: capped
    // R: x <- 1:4 + 0.5; y <- 1:7; wilcox.test(x, y) (exact, W = 10): p = 0.52727272727272723, and with
    // alternative = "less" 0.26363636363636361; above the centre 14: 2 * pwilcox(15, 4, 7, lower.tail = FALSE)
    RankSumDistribution w = RankSumDistribution.of(4, 7);
    close(w.pValue(10, Alternative.TWO_SIDED), 0.52727272727272723);
    close(w.pValue(10, Alternative.LESS), 0.26363636363636361);
    close(w.pValue(16, Alternative.TWO_SIDED), 0.78787878787878785);
  }

  @Test
  void theNormalApproximationMatchesWilcoxTestsFormula() {
    // R 4.2.2: 2 * pnorm(-2.25); pnorm(2.25, lower.tail = FALSE); pnorm(2.75); 2 * pnorm(-2.5)
    NormalApproximation twoSided = NormalApproximation.of(5, 2, Alternative.TWO_SIDED, ContinuityCorrection.APPLY);
    close(twoSided.z(), 2.25);
    close(twoSided.pValue(), 0.0244489453100894122);
    assertThat(twoSided.method()).isEqualTo(PValueMethod.NORMAL_CONTINUITY);
    close(NormalApproximation.of(-5, 2, Alternative.TWO_SIDED, ContinuityCorrection.APPLY).z(), -2.25);
    close(NormalApproximation.of(-5, 2, Alternative.TWO_SIDED, ContinuityCorrection.APPLY).pValue(),
        0.0244489453100894122);
    close(NormalApproximation.of(5, 2, Alternative.GREATER, ContinuityCorrection.APPLY).pValue(),
        0.0122244726550447061);
    close(NormalApproximation.of(5, 2, Alternative.LESS, ContinuityCorrection.APPLY).pValue(), 0.9970202367649454445);
    NormalApproximation plain = NormalApproximation.of(5, 2, Alternative.TWO_SIDED, ContinuityCorrection.NONE);
    close(plain.pValue(), 0.0124193306515522697);
    assertThat(plain.method()).isEqualTo(PValueMethod.NORMAL);
  }

  @Test
  void digitsRankIsOneToFifteen() {
    assertThat(Arguments.digitsRank(7)).isEqualTo(7);
    assertThatThrownBy(() -> Arguments.digitsRank(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Arguments.digitsRank(16)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizesBeyondTheLimitsAreRefused() {
    assertThatThrownBy(() -> SignedRankDistribution.of(SignedRankDistribution.MAX_N + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RankSumDistribution.of(101, 100)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rankSumsAverageTiesAcrossTheTwoSamples() {
    // pooled 1 2 2 3 3 3: ranks 1, 2.5, 2.5, 5, 5, 5; first = {2, 3, 1} -> 2.5 + 5 + 1 = 8.5
    RankSums r = RankSums.of(new double[] {2, 3, 1}, new double[] {3, 2, 3});
    close(r.rankSumFirst(), 8.5);
    close(r.tieTerm(), (8 - 2) + (27 - 3));
    assertThat(r.ties()).isTrue();
    assertThat(RankSums.of(new double[] {-0.0}, new double[] {0.0}).ties()).isTrue();
  }
}
