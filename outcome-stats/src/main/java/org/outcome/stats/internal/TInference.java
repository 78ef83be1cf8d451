package org.outcome.stats.internal;

import org.outcome.api.result.ConfidenceInterval;
import org.outcome.stats.common.Alternative;

/**
 * The t statistic, p-value and confidence interval for an estimate with a standard error and
 * degrees of freedom, exactly as R's {@code t.test} forms them: {@code t = (estimate - mu) / se};
 * two-sided {@code p = 2 * pt(-|t|, df)}; the interval {@code mu + (t ± qt(1 - alpha/2, df)) * se},
 * or one-sided with an infinite bound.
 *
 * @param t the statistic
 * @param df the degrees of freedom
 * @param pValue the p-value for the alternative
 * @param interval the confidence interval for the estimate
 */
public record TInference(double t, double df, double pValue, ConfidenceInterval interval) {
  /** Computes the inference; {@code se} must be positive and finite. */
  public static TInference of(double estimate, double se, double df, double mu, Alternative alternative,
      double confLevel) {
    double t = (estimate - mu) / se;
    double p;
    double lower;
    double upper;
    switch (alternative) {
      case LESS -> {
        p = Distributions.tCdf(t, df);
        lower = Double.NEGATIVE_INFINITY;
        upper = mu + (t + Distributions.tQuantile(confLevel, df)) * se;
      }
      case GREATER -> {
        p = Distributions.tUpper(t, df);
        lower = mu + (t - Distributions.tQuantile(confLevel, df)) * se;
        upper = Double.POSITIVE_INFINITY;
      }
      default -> {
        p = Math.min(1, 2 * Distributions.tCdf(-Math.abs(t), df));
        double q = Distributions.tQuantile(1 - (1 - confLevel) / 2, df);
        lower = mu + (t - q) * se;
        upper = mu + (t + q) * se;
      }
    }
    return new TInference(t, df, p, new ConfidenceInterval(lower, upper, confLevel));
  }
}
