package org.outcome.stats.survival.cox;

import java.util.Objects;
import java.util.OptionalDouble;
import org.outcome.api.result.ConfidenceInterval;

/**
 * One covariate's line of a Cox model summary (R's {@code summary(coxph)$coefficients} and
 * {@code $conf.int}).
 *
 * @param name the covariate's name
 * @param coef the coefficient, the log hazard ratio per unit of the covariate
 * @param se its standard error: robust when the fit used the robust variance; infinite when the
 *     covariate's information vanished while fitting (a diverging coefficient, see {@link CoxPh})
 * @param naiveSe the model-based standard error, present when {@code se} is robust
 * @param hazardRatio {@code exp(coef)}
 * @param z {@code coef / se}
 * @param p the two-sided p-value of {@code z} (normal)
 * @param hazardRatioInterval {@code exp(coef -/+ q se)} with {@code q} the normal quantile of the
 *     confidence level
 */
public record CoxTerm(String name, double coef, double se, OptionalDouble naiveSe, double hazardRatio,
    double z, double p, ConfidenceInterval hazardRatioInterval) {
  public CoxTerm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(naiveSe, "naiveSe");
    Objects.requireNonNull(hazardRatioInterval, "hazardRatioInterval");
  }
}
