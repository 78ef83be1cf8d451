package org.outcome.stats.survival.cox;

import java.util.List;
import java.util.Objects;

/**
 * The test of proportional hazards equal to R survival 3.x's {@code cox.zph(fit)} with its default
 * {@code transform = "km"}: a score test at the fitted coefficients of adding, for each covariate,
 * its interaction with {@code g(t) = 1 - S(t-)}, the complement of the Kaplan–Meier estimate (of
 * all rows, strata ignored) just before {@code t}. One row per covariate (1 degree of freedom),
 * then the global test (degrees of freedom = the number of covariates). A small p-value says the
 * covariate's hazard ratio changes over follow-up.
 *
 * @param terms one row per covariate, in the model's order
 * @param global the global test
 */
public record ProportionalHazardsTest(List<Row> terms, Row global) {
  public ProportionalHazardsTest {
    terms = List.copyOf(terms);
    Objects.requireNonNull(global, "global");
  }

  /**
   * One line of the table.
   *
   * @param term the covariate's name, or {@code GLOBAL}
   * @param chisq the score statistic
   * @param df its degrees of freedom
   * @param p the chi-square p-value
   */
  public record Row(String term, double chisq, int df, double p) {
    public Row {
      Objects.requireNonNull(term, "term");
    }
  }

  /** The rows as R prints them: the covariates, then {@code GLOBAL}. */
  public List<Row> rows() {
    java.util.ArrayList<Row> rows = new java.util.ArrayList<>(terms);
    rows.add(global);
    return List.copyOf(rows);
  }
}
