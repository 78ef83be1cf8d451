package org.outcome.evaluation.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Each questionnaire outcome's comparison pooled across sites by meta-analysis: the difference in
 * mean change (intervention minus comparison, intention-to-treat complete cases) within each site,
 * as {@code metafor::escalc(measure = "MD")}, pooled as {@code metafor::rma}.
 *
 * @param column the people file's site column
 * @param method the meta-analysis method in words
 * @param leftOut people in no named site (suppressed)
 * @param outcomes one per questionnaire outcome
 */
public record PooledSection(String column, String method, SuppressedCount leftOut, List<PooledOutcome> outcomes) {
  public PooledSection {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(leftOut, "leftOut");
    outcomes = List.copyOf(outcomes);
  }

  /**
   * One outcome pooled.
   *
   * @param outcome the outcome and score
   * @param sites each site's difference, in the configured order; sites with fewer than 2 people
   *     with both scores in a group, or no spread, are listed with no estimate
   * @param pooled the pooled difference with its interval, when it could be computed
   * @param notRun why the sites could not be pooled, when they could not
   */
  public record PooledOutcome(String outcome, List<SiteRow> sites, Optional<Pooled> pooled,
      Optional<AnalysisEntry.NotRun> notRun) {
    public PooledOutcome {
      sites = List.copyOf(sites);
      Objects.requireNonNull(pooled, "pooled");
      Objects.requireNonNull(notRun, "notRun");
    }
  }

  /**
   * One site's difference in mean change.
   *
   * @param site the site's name, as configured
   * @param intervention its intervention-group people with both scores (suppressed)
   * @param comparison its comparison-group people with both scores (suppressed)
   * @param estimate the difference, when the site has enough people (else absent)
   * @param weightPercent the site's weight in the pooled estimate, in percent (absent when not pooled)
   */
  public record SiteRow(String site, SuppressedCount intervention, SuppressedCount comparison,
      Optional<AnalysisEntry.EstimateEntry> estimate, Optional<Double> weightPercent) {}

  /**
   * The pooled estimate.
   *
   * @param estimate the pooled difference with its confidence interval
   * @param se its standard error
   * @param p its two-sided p-value
   * @param tau2 the between-site variance
   * @param i2 I², in percent
   * @param q Cochran's Q
   * @param qP the p-value of Q
   * @param predictionLower the prediction interval's lower limit
   * @param predictionUpper its upper limit
   * @param sites the number of sites pooled
   */
  public record Pooled(AnalysisEntry.EstimateEntry estimate, double se, double p, double tau2, double i2, double q,
      double qP, double predictionLower, double predictionUpper, int sites) {}
}
