package org.outcome.stats.internal;

import org.outcome.stats.common.Alternative;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.common.PValueMethod;

/**
 * The normal approximation of a rank statistic's p-value, as R's {@code wilcox.test} computes it
 * for the signed-rank and rank-sum tests: {@code z = (S - E[S] - CORRECTION) / SIGMA}, where the
 * caller gives the deviation {@code S - E[S]} and {@code SIGMA} (with its tie correction), and
 * {@code CORRECTION} is {@code sign(S - E[S]) * 0.5} two-sided, {@code 0.5} for {@code GREATER} and
 * {@code -0.5} for {@code LESS} when the continuity correction applies, else 0.
 *
 * @param z the standardized statistic
 * @param pValue the p-value for the alternative: {@code Φ(z)}, {@code 1 - Φ(z)}, or twice the
 *     smaller of the two, at most 1
 * @param method {@link PValueMethod#NORMAL_CONTINUITY} or {@link PValueMethod#NORMAL}
 */
public record NormalApproximation(double z, double pValue, PValueMethod method) {
  /**
   * The approximation for a statistic's deviation from its mean and its standard deviation.
   *
   * @param deviation {@code S - E[S]}
   * @param sigma the statistic's standard deviation under the null; positive
   */
  public static NormalApproximation of(double deviation, double sigma, Alternative alternative,
      ContinuityCorrection correction) {
    double shift = 0;
    if (correction == ContinuityCorrection.APPLY) {
      shift = switch (alternative) {
        case TWO_SIDED -> Math.signum(deviation) * 0.5;
        case GREATER -> 0.5;
        case LESS -> -0.5;
      };
    }
    double z = (deviation - shift) / sigma;
    double p = switch (alternative) {
      case LESS -> Distributions.normalCdf(z);
      case GREATER -> Distributions.normalUpper(z);
      case TWO_SIDED -> Math.min(1, 2 * Math.min(Distributions.normalCdf(z), Distributions.normalUpper(z)));
    };
    return new NormalApproximation(z, p,
        correction == ContinuityCorrection.APPLY ? PValueMethod.NORMAL_CONTINUITY : PValueMethod.NORMAL);
  }
}
