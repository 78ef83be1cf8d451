package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;

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
  void sizesBeyondTheLimitsAreRefused() {
    assertThatThrownBy(() -> SignedRankDistribution.of(SignedRankDistribution.MAX_N + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RankSumDistribution.of(101, 100)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mergedRanksAverageTiesAcrossTheTwoSamples() {
    // pooled 1 2 2 3 3 3: ranks 1, 2.5, 2.5, 5, 5, 5; first = {2, 3, 1} -> 2.5 + 5 + 1 = 8.5
    MergedRanks r = MergedRanks.sortAndMerge(new double[] {2, 3, 1}, new double[] {3, 2, 3});
    close(r.rankSumFirst(), 8.5);
    close(r.tieTerm(), (8 - 2) + (27 - 3));
    assertThat(r.ties()).isTrue();
    assertThat(MergedRanks.sortAndMerge(new double[] {-0.0}, new double[] {0.0}).ties()).isTrue();
  }
}
