package org.outcome.stats.groups;

import java.util.List;
import java.util.Optional;

/**
 * A fitted linear model: its coefficient table and fit statistics, and the assumption under which
 * its group effects estimate the effect of the intervention.
 *
 * @param formula the model in R's notation, for example {@code post ~ pre + group}
 * @param coefficients the coefficient table, intercept first
 * @param residualDf the residual degrees of freedom
 * @param rSquared R², {@code MSS / (MSS + RSS)} as R's {@code summary.lm}
 * @param adjustedRSquared adjusted R², {@code 1 - (1 - R²)(n - 1)/residualDf}
 * @param sigma the residual standard error, {@code sqrt(RSS / residualDf)}
 * @param groupTest the F-test that every group effect is zero (given the other terms)
 * @param assumption when the group effects are unbiased estimates of the intervention's effect
 */
public record LinearModelFit(
    String formula,
    List<Coefficient> coefficients,
    int residualDf,
    double rSquared,
    double adjustedRSquared,
    double sigma,
    FTest groupTest,
    String assumption) {
  public LinearModelFit {
    coefficients = List.copyOf(coefficients);
  }

  /** The coefficient of a term, by R's name. */
  public Optional<Coefficient> coefficient(String term) {
    return coefficients.stream().filter(c -> c.term().equals(term)).findFirst();
  }

  /**
   * An F-test of nested linear models.
   *
   * @param f the statistic
   * @param df1 the numerator degrees of freedom (the number of group effects)
   * @param df2 the denominator (residual) degrees of freedom
   * @param pValue the upper-tail p-value
   */
  public record FTest(double f, int df1, int df2, double pValue) {}
}
