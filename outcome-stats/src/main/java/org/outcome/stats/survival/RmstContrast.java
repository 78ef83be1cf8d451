package org.outcome.stats.survival;

import java.util.Objects;
import org.outcome.api.result.ConfidenceInterval;

/**
 * A group's restricted mean survival time compared with the reference group's, as the survRM2
 * package's {@code rmst2} (Uno et al. 2014; Royston and Parmar 2013) computes it from the two
 * independent estimates {@code μ₁ ± se₁} (group) and {@code μ₀ ± se₀} (reference):
 * <ul>
 *   <li>difference {@code μ₁ - μ₀} with {@code se = sqrt(se₁² + se₀²)}, interval
 *       {@code difference ± z·se} and two-sided p from {@code z = difference / se};
 *   <li>ratio {@code μ₁ / μ₀} on the log scale by the delta method:
 *       {@code se(log ratio) = sqrt(se₁²/μ₁² + se₀²/μ₀²)}, interval
 *       {@code exp(log ratio ± z·se)} and p from {@code z = log ratio / se}.
 * </ul>
 * When both standard errors are 0 (neither restricted mean is uncertain: no event before τ
 * leaves its curve uncertain), the estimates stand with standard error 0, point intervals and
 * p-values {@code NaN} (no test), and the result warns {@code rmst-no-variance}; R gives the
 * restricted means with standard error 0 too.
 *
 * <p>A restricted mean of 0 (every row of the group an event at time 0) makes the ratio 0 or
 * infinite whatever the other mean: it is given with a point interval, {@code logRatioStdErr} and
 * {@code ratioP} {@code NaN}, and the result warns {@code rmst-zero-mean}; R's
 * {@code exp(log(m1) - log(m0))} gives the same ratio and {@code NaN} for its standard error,
 * interval and p.
 *
 * @param group the compared group's level
 * @param reference the reference group's level
 * @param difference {@code μ₁ - μ₀}
 * @param differenceStdErr its standard error
 * @param differenceInterval its confidence interval
 * @param differenceP its two-sided p-value; {@code NaN} when its standard error is 0
 * @param ratio {@code μ₁ / μ₀}
 * @param logRatioStdErr the standard error of {@code log(μ₁ / μ₀)}
 * @param ratioInterval the confidence interval of the ratio
 * @param ratioP the two-sided p-value of the ratio; {@code NaN} when its standard error is 0
 */
public record RmstContrast(String group, String reference, double difference, double differenceStdErr,
    ConfidenceInterval differenceInterval, double differenceP, double ratio, double logRatioStdErr,
    ConfidenceInterval ratioInterval, double ratioP) {
  public RmstContrast {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(differenceInterval, "differenceInterval");
    Objects.requireNonNull(ratioInterval, "ratioInterval");
  }
}
