package org.outcome.stats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outcome.stats.RAssert.close;

import org.junit.jupiter.api.Test;

class NoncentralTTest {
  @Test
  void cdfMatchesRsPnt() {
    // R 4.2.2: pt(2.5, 9, ncp=1); pt(-1.3, 17.5, ncp=-0.4); pt(4, 3, ncp=6); pt(0.5, 40, ncp=2); pt(10, 5, ncp=8)
    close(NoncentralT.cdf(2.5, 9, 1), 0.89269750486728172);
    close(NoncentralT.cdf(-1.3, 17.5, -0.4), 0.19455116447513454);
    close(NoncentralT.cdf(4, 3, 6), 0.11051480124572792);
    close(NoncentralT.cdf(0.5, 40, 2), 0.066705911552665337);
    close(NoncentralT.cdf(10, 5, 8), 0.66329310667170838);
  }

  @Test
  void zeroNoncentralityIsStudentsT() {
    for (double t : new double[] {-3, -0.5, 0, 1.2, 4}) {
      close(NoncentralT.cdf(t, 7, 0), Distributions.tCdf(t, 7), 1e-11);
    }
  }

  @Test
  void tailsAddToOneAndInfinitiesAreBoundaries() {
    close(NoncentralT.cdf(1.7, 12, 0.8) + NoncentralT.upperTail(1.7, 12, 0.8), 1, 1e-14);
    assertThat(NoncentralT.cdf(Double.NEGATIVE_INFINITY, 5, 1)).isZero();
    assertThat(NoncentralT.cdf(Double.POSITIVE_INFINITY, 5, 1)).isEqualTo(1.0);
  }

  @Test
  void ncpIntervalMatchesUnirootOverRsPt() {
    // sleep differences: t = 4.0621276833820366 on 9 df. R 4.2.2:
    // uniroot(function(ncp) pt(t, 9, ncp=ncp) - 0.975, c(-10, 20), tol=1e-13)$root / sqrt(10) = 0.41462775638014387
    // uniroot(function(ncp) pt(t, 9, ncp=ncp) - 0.025, c(-10, 20), tol=1e-13)$root / sqrt(10) = 2.1180165139770675
    double[] ncp = NoncentralT.ncpInterval(4.0621276833820366, 9, 0.95).orElseThrow();
    close(ncp[0] / Math.sqrt(10), 0.41462775638014387, 1e-8);
    close(ncp[1] / Math.sqrt(10), 2.1180165139770675, 1e-8);
  }

  @Test
  void hedgesCorrectionIsTheExactGammaRatio() {
    // R: J <- function(df) exp(lgamma(df/2) - 0.5*log(df/2) - lgamma((df-1)/2)); J(9) = 0.91387489179255232
    close(EffectSizes.hedgesCorrection(9), 0.91387489179255232);
    // J(2) = Gamma(1) / (1 * Gamma(1/2)) = 1 / sqrt(pi)
    close(EffectSizes.hedgesCorrection(2), 1 / Math.sqrt(Math.PI));
    // J tends to 1 - 3 / (4 df - 1) for large df (Hedges 1981)
    close(EffectSizes.hedgesCorrection(1000), 1 - 3.0 / (4 * 1000 - 1), 1e-7);
  }
}
