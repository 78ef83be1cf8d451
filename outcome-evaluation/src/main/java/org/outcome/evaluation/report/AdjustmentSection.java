package org.outcome.evaluation.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The propensity adjustment of the comparison group: how the groups were balanced, how well it
 * worked (standardised mean differences before and after, the love plot's data), and each
 * questionnaire outcome's adjusted difference in mean change.
 *
 * @param method the method in words (for example "inverse probability weights for the ATT")
 * @param estimand {@code ATT}, {@code ATE} or {@code OVERLAP}
 * @param covariates the covariates of the propensity model, in the configured order
 * @param people the people in the adjustment per group (suppressed), intervention first
 * @param leftOut people left out of the adjustment for a missing or non-numeric covariate
 *     (suppressed), with the covariate named
 * @param commonSupport the share of people in the adjustment whose propensity score lies in the
 *     region of common support (NaN when the model could not be fitted)
 * @param balance one row per covariate
 * @param effectiveSize the effective sample size per group after weighting or matching (Kish), as
 *     a count (rounded and suppressed like one in the published report)
 * @param matched with matching: the people matched per group (suppressed), intervention first
 * @param caliperWidth with a caliper, its width on the propensity scale
 * @param effects each questionnaire outcome's adjusted difference
 * @param tenure with community tenure, each group's weighted Kaplan-Meier survival (no readmission)
 *     at the tenure days
 * @param hazardRatio with community tenure, the hazard ratio of readmission from the weighted Cox
 *     model, when it could be fitted
 * @param notRun why the adjustment could not be made (separation, no overlap, …), when it could not;
 *     then balance, effective sizes and effects are empty
 */
public record AdjustmentSection(String method, String estimand, List<String> covariates,
    List<EvaluationReport.GroupCount> people, List<OutcomeSection.Reason> leftOut, double commonSupport,
    List<BalanceRow> balance,
    List<EvaluationReport.GroupCount> effectiveSize, List<EvaluationReport.GroupCount> matched,
    OptionalDouble caliperWidth, List<AdjustedEffect> effects, List<AdjustedSurvival> tenure,
    Optional<AdjustedHazardRatio> hazardRatio, Optional<AnalysisEntry.NotRun> notRun) {
  public AdjustmentSection {
    Objects.requireNonNull(method, "method");
    covariates = List.copyOf(covariates);
    people = List.copyOf(people);
    leftOut = List.copyOf(leftOut);
    balance = List.copyOf(balance);
    effectiveSize = List.copyOf(effectiveSize);
    matched = List.copyOf(matched);
    effects = List.copyOf(effects);
    tenure = List.copyOf(tenure);
    Objects.requireNonNull(hazardRatio, "hazardRatio");
    Objects.requireNonNull(notRun, "notRun");
  }

  /** The absolute standardised mean difference above which a covariate is reported as imbalanced. */
  public static final double IMBALANCE = 0.1;

  /**
   * A covariate's balance: standardised mean differences, intervention minus comparison, over the
   * unweighted SD of the estimand (pooled for the ATE and overlap, the intervention group's for the
   * ATT).
   *
   * @param covariate the column
   * @param smdBefore before adjustment
   * @param smdAfter after weighting or matching
   * @param varianceRatioBefore the intervention group's variance over the comparison group's, before
   * @param varianceRatioAfter the same, weighted (cobalt's weighted variance)
   */
  public record BalanceRow(String covariate, double smdBefore, double smdAfter, double varianceRatioBefore,
      double varianceRatioAfter) {
    /** Whether the covariate stays imbalanced after adjustment. */
    public boolean imbalanced() {
      return Math.abs(smdAfter) > IMBALANCE;
    }
  }

  /**
   * A group's survival without readmission at a day, under the adjustment's weights (R's
   * {@code survfit(..., weights = w)}: robust SE, log limits). In the published report the
   * estimate is withheld (NaN, null in JSON) where fewer than the policy's {@code minAtRisk}
   * people are at risk, as for the unadjusted curves.
   *
   * @param group the group
   * @param day the day
   * @param atRisk the people (with a positive weight) still at risk at the day, suppressed
   * @param survival the weighted survival
   * @param se its robust standard error
   * @param lower the lower confidence limit
   * @param upper the upper confidence limit
   */
  public record AdjustedSurvival(String group, int day, SuppressedCount atRisk, double survival, double se,
      double lower, double upper) {}

  /**
   * The adjusted hazard ratio of readmission, intervention over comparison: R's
   * {@code coxph(Surv(time, event) ~ intervention, weights = w, robust = TRUE)} (Efron ties) over
   * the people in community tenure with a positive weight, clustered on the matched set after
   * matching, with a normal confidence interval on the log scale. In the published report the
   * estimate, limits, SE and p are withheld (NaN, null in JSON) when either group has fewer than
   * the policy's {@code minEvents} readmissions, since the width of the interval gives the number
   * of events away.
   *
   * @param people the people in the model per group (suppressed), intervention first
   * @param events the readmissions in the model per group (suppressed), intervention first
   * @param hazardRatio the hazard ratio
   * @param se the robust standard error of its logarithm
   * @param seKind how the SE was computed, in words
   * @param lower the lower confidence limit
   * @param upper the upper confidence limit
   * @param level the confidence level
   * @param p the two-sided p-value of a hazard ratio of 1 (Wald, robust)
   */
  public record AdjustedHazardRatio(List<EvaluationReport.GroupCount> people,
      List<EvaluationReport.GroupCount> events, double hazardRatio, double se, String seKind, double lower,
      double upper, double level, double p) {
    public AdjustedHazardRatio {
      people = List.copyOf(people);
      events = List.copyOf(events);
      Objects.requireNonNull(seKind, "seKind");
    }
  }

  /**
   * An outcome's adjusted comparison: the weighted difference in mean change (intervention minus
   * comparison) with a robust standard error, a normal confidence interval and its p-value.
   *
   * @param outcome the outcome and score
   * @param people the people with both scores and a positive weight, per group (suppressed)
   * @param difference the adjusted difference in mean change
   * @param se its robust standard error
   * @param seKind how the SE was computed, in words
   * @param lower the lower confidence limit
   * @param upper the upper confidence limit
   * @param level the confidence level
   * @param p the two-sided p-value of no difference
   */
  public record AdjustedEffect(String outcome, List<EvaluationReport.GroupCount> people, double difference,
      double se, String seKind, double lower, double upper, double level, double p) {
    public AdjustedEffect {
      people = List.copyOf(people);
    }
  }
}
