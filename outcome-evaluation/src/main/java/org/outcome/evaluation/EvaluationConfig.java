package org.outcome.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.AnalysisId;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.evaluation.report.DisclosurePolicy;
import org.outcome.evaluation.report.Suppression;
import org.outcome.stats.meta.MetaAnalysis;
import org.outcome.stats.multiplicity.AdjustmentMethod;
import org.outcome.stats.paired.AnalysisSet;

/**
 * What a service evaluation reads and runs: the data files, the groups, the instruments and the
 * analyses for each design, the multiplicity adjustment over the primary outcomes, and the
 * small-number suppression of published figures. Read from JSON with
 * {@link EvaluationConfigReader}, or built in Java.
 *
 * @param title the report's title
 * @param confLevel the confidence level of every interval
 * @param data the input files
 * @param groups the intervention and comparison groups (values of the people file's {@code group})
 * @param timepoints the baseline and follow-up labels in the answers files' {@code timepoint}
 * @param asTreated the as-treated rule on sessions attended, when there is one
 * @param outcomes the questionnaire outcomes and their analyses
 * @param tenure the community-tenure outcome and its analyses, when episodes are given
 * @param multiplicity the adjustment over the primary outcomes' comparison p-values
 * @param suppression small-number suppression of published counts
 * @param disclosure the thresholds of the publication view beyond count suppression (Kaplan-Meier
 *     curves and box plots); {@link DisclosureThresholds#defaults()} unless configured
 * @param adjustment the propensity adjustment of the comparison group, when there is one
 * @param sites the sites whose comparisons are pooled by meta-analysis, when there are several
 */
public record EvaluationConfig(
    String title,
    double confLevel,
    DataFiles data,
    Groups groups,
    Timepoints timepoints,
    Optional<AsTreated> asTreated,
    List<Outcome> outcomes,
    Optional<Tenure> tenure,
    AdjustmentMethod multiplicity,
    Suppression suppression,
    DisclosureThresholds disclosure,
    Optional<Adjustment> adjustment,
    Optional<Sites> sites) {

  public EvaluationConfig {
    Objects.requireNonNull(title, "title");
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confLevel);
    }
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(timepoints, "timepoints");
    Objects.requireNonNull(asTreated, "asTreated");
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(tenure, "tenure");
    Objects.requireNonNull(multiplicity, "multiplicity");
    Objects.requireNonNull(suppression, "suppression");
    Objects.requireNonNull(disclosure, "disclosure");
    Objects.requireNonNull(adjustment, "adjustment");
    Objects.requireNonNull(sites, "sites");
  }

  /** A configuration without a propensity adjustment. */
  public EvaluationConfig(String title, double confLevel, DataFiles data, Groups groups, Timepoints timepoints,
      Optional<AsTreated> asTreated, List<Outcome> outcomes, Optional<Tenure> tenure, AdjustmentMethod multiplicity,
      Suppression suppression, DisclosureThresholds disclosure) {
    this(title, confLevel, data, groups, timepoints, asTreated, outcomes, tenure, multiplicity, suppression,
        disclosure, Optional.empty(), Optional.empty());
  }

  /** This configuration with another propensity adjustment (or none). */
  public EvaluationConfig withAdjustment(Optional<Adjustment> value) {
    return new EvaluationConfig(title, confLevel, data, groups, timepoints, asTreated, outcomes, tenure, multiplicity,
        suppression, disclosure, value, sites);
  }

  /** This configuration with other sites to pool (or none). */
  public EvaluationConfig withSites(Optional<Sites> value) {
    return new EvaluationConfig(title, confLevel, data, groups, timepoints, asTreated, outcomes, tenure, multiplicity,
        suppression, disclosure, adjustment, value);
  }

  /** This configuration with another count suppression (the runners work on exact counts). */
  public EvaluationConfig withSuppression(Suppression value) {
    return new EvaluationConfig(title, confLevel, data, groups, timepoints, asTreated, outcomes, tenure, multiplicity,
        value, disclosure, adjustment, sites);
  }

  /** A configuration with the default disclosure thresholds. */
  public EvaluationConfig(String title, double confLevel, DataFiles data, Groups groups, Timepoints timepoints,
      Optional<AsTreated> asTreated, List<Outcome> outcomes, Optional<Tenure> tenure, AdjustmentMethod multiplicity,
      Suppression suppression) {
    this(title, confLevel, data, groups, timepoints, asTreated, outcomes, tenure, multiplicity, suppression,
        DisclosureThresholds.defaults());
  }

  /**
   * The propensity adjustment of the comparison group ({@code "adjustment"} in
   * {@code evaluation.json}): a logistic model of being in the intervention group on covariates of
   * the people file, then weights or matching, a balance table, and for each questionnaire outcome
   * the adjusted difference in mean change with a robust standard error.
   *
   * @param method how the groups are balanced
   * @param covariates numeric columns of the people file (binary ones as 0/1)
   * @param ratio controls per intervention-group person when matching (1 otherwise)
   * @param caliper for matching, the caliper in standard deviations of the propensity score
   */
  public record Adjustment(Method method, List<String> covariates, int ratio, OptionalDouble caliper) {
    public Adjustment {
      Objects.requireNonNull(method, "method");
      covariates = List.copyOf(covariates);
      if (covariates.isEmpty()) {
        throw new IllegalArgumentException("an adjustment needs at least one covariate");
      }
      if (ratio < 1) {
        throw new IllegalArgumentException("the matching ratio must be at least 1, got " + ratio);
      }
      Objects.requireNonNull(caliper, "caliper");
    }

    /** How the groups are balanced. */
    public enum Method {
      /** Inverse probability weights for the effect on the intervention group (the ATT). */
      IPTW_ATT,
      /** Inverse probability weights for the effect in everyone (the ATE). */
      IPTW_ATE,
      /** Overlap weights. */
      OVERLAP,
      /** Greedy nearest-neighbour matching on the propensity score (the ATT). */
      MATCH
    }
  }

  /**
   * Sites pooled by meta-analysis ({@code "sites"} in {@code evaluation.json}): each
   * questionnaire outcome's difference in mean change (intervention minus comparison, the
   * intention-to-treat complete cases) is computed within each site, as {@code metafor::escalc(measure
   * = "MD")}, and pooled by {@link MetaAnalysis}; the report shows a forest plot per outcome.
   *
   * @param column the people file's column naming each person's site
   * @param names the sites, as written in that column; people of any other value (or none) are
   *     left out of the pooling, counted and never named
   * @param method the estimator of the between-site variance (REML by default, as metafor)
   * @param knappHartung whether to apply the Knapp-Hartung adjustment
   */
  public record Sites(String column, List<String> names, MetaAnalysis.Method method, boolean knappHartung) {
    public Sites {
      Objects.requireNonNull(column, "column");
      names = List.copyOf(names);
      Objects.requireNonNull(method, "method");
    }
  }

  /** The one disclosure policy of the published report: the count suppression and the thresholds. */
  public DisclosurePolicy disclosurePolicy() {
    return disclosure.policy(suppression);
  }

  /**
   * The thresholds of the publication view beyond count suppression ({@code "disclosure"} in
   * {@code evaluation.json}). Each is a whole number of at least 1 here; the configuration reader
   * refuses {@code minAtRisk}, {@code minEvents} and {@code minBeyondWhisker} below
   * {@link #SAFE_FLOOR} unless suppression is disabled.
   *
   * @param minAtRisk a Kaplan-Meier curve, survival at a day and a number at risk are published
   *     only where at least this many people are at risk (10 by default)
   * @param minEvents each published step of a Kaplan-Meier curve pools at least this many events (10 by default)
   * @param minBeyondWhisker a box plot is drawn only where at least this many values lie beyond each
   *     whisker (10 by default)
   * @param curveGridDays a published curve changes only at multiples of this many days (30 by default)
   */
  public record DisclosureThresholds(int minAtRisk, int minEvents, int minBeyondWhisker, int curveGridDays) {
    /** The smallest minAtRisk, minEvents and minBeyondWhisker accepted while counts are suppressed. */
    public static final int SAFE_FLOOR = 5;

    public DisclosureThresholds {
      if (minAtRisk < 1 || minEvents < 1 || minBeyondWhisker < 1 || curveGridDays < 1) {
        throw new IllegalArgumentException("disclosure thresholds must be at least 1");
      }
    }

    /** Today's defaults: 10 at risk, 10 events a step, 10 beyond each whisker, a 30-day grid. */
    public static DisclosureThresholds defaults() {
      DisclosurePolicy d = DisclosurePolicy.of(Suppression.nhsDefault());
      return new DisclosureThresholds(d.minAtRisk(), d.minEvents(), d.minBeyondWhisker(), d.curveGridDays());
    }

    /** The policy with these thresholds around the given count suppression (significant digits as by default). */
    public DisclosurePolicy policy(Suppression counts) {
      return new DisclosurePolicy(counts, minAtRisk, minEvents, minBeyondWhisker,
          DisclosurePolicy.of(counts).significantDigits(), curveGridDays);
    }
  }

  /**
   * The input tables (files, or for an engine URIs and Parquet tables: {@link TableLocation}).
   *
   * @param people one row per person: {@code subject,index_date,end_date,death_date,group}
   * @param episodes hospital episodes: {@code subject,admission_date,discharge_date,setting}
   * @param sessions sessions attended: {@code subject,sessions}
   * @param answers one answers file per instrument: {@code subject,timepoint,q1..qN}
   */
  public record DataFiles(TableLocation people, Optional<TableLocation> episodes, Optional<TableLocation> sessions,
      List<Answers> answers) {
    public DataFiles {
      Objects.requireNonNull(people, "people");
      Objects.requireNonNull(episodes, "episodes");
      Objects.requireNonNull(sessions, "sessions");
      answers = List.copyOf(answers);
    }
  }

  /**
   * An answers file.
   *
   * @param instrument the instrument answered
   * @param file the file
   */
  public record Answers(InstrumentId instrument, TableLocation file) {}

  /**
   * The two groups compared.
   *
   * @param intervention the peer-support group's label
   * @param comparison the comparison group's label (usual care, an earlier cohort, historical controls)
   * @param comparisonKind how the comparison group was formed, for the methods section
   */
  public record Groups(String intervention, String comparison, ComparisonKind comparisonKind) {}

  /** How a comparison group was formed. */
  public enum ComparisonKind {
    /** Recruited at the same time (randomised or not). */
    CONCURRENT,
    /** An earlier cohort of the same service, before peer support began. */
    CONSECUTIVE_COHORTS,
    /** Historical controls from records. */
    HISTORICAL
  }

  /**
   * The timepoint labels.
   *
   * @param baseline the baseline label
   * @param followUp the follow-up label
   */
  public record Timepoints(String baseline, String followUp) {}

  /**
   * The as-treated set: intervention-group members with more than {@code moreThan} sessions.
   *
   * @param moreThan the session threshold (10 in Resnick and Rosenheck 2008)
   */
  public record AsTreated(int moreThan) {
    /** The rule as the analyses apply it: {@code DoseRule.moreThan(moreThan).withUnit("sessions")}. */
    public AnalysisSet.DoseRule doseRule() {
      return AnalysisSet.DoseRule.moreThan(moreThan).withUnit("sessions");
    }
  }

  /**
   * A questionnaire outcome.
   *
   * @param instrument the instrument
   * @param score the subscale analysed; the instrument's primary score when empty
   * @param primary whether it is a primary outcome (in the multiplicity family)
   * @param beforeAndAfter the before-and-after analyses run within each group (PairedSample)
   * @param comparison the comparison-group analyses (GroupedPrePostSample for ANCOVA;
   *     GroupedSample analyses are run on change scores)
   */
  public record Outcome(InstrumentId instrument, Optional<SubscaleId> score, boolean primary,
      List<AnalysisId> beforeAndAfter, List<AnalysisId> comparison) {
    public Outcome {
      beforeAndAfter = List.copyOf(beforeAndAfter);
      comparison = List.copyOf(comparison);
    }
  }

  /**
   * The community-tenure outcome.
   *
   * @param windowDays the follow-up window in days (1095 for three years)
   * @param gapDays the largest gap in days that still joins two episodes into one stay
   * @param extractionDate the date the episodes were extracted
   * @param analyses the analyses: SurvivalSample (Kaplan-Meier, log-rank, Cox, RMST),
   *     PersonTimeCounts (rate ratio) and TwoByTwoTable (readmission within the horizon)
   * @param rmstTau the horizon of restricted mean survival time, in days
   * @param atDays the times at which survival and numbers at risk are reported
   * @param readmissionHorizonDays the horizon of the readmitted-or-not 2x2 table (365 by default)
   * @param comparator the historical comparator for bed-days saved, when given
   * @param costs the unit costs for the cost-offset table, when given
   */
  public record Tenure(int windowDays, int gapDays, Optional<LocalDate> extractionDate, List<AnalysisId> analyses,
      double rmstTau, List<Integer> atDays, int readmissionHorizonDays, Optional<Comparator> comparator,
      Optional<Costs> costs) {
    public Tenure {
      analyses = List.copyOf(analyses);
      atDays = List.copyOf(atDays);
    }
  }

  /**
   * A historical comparator (Lawn et al. 2008): expected admissions per person-year and the mean
   * length of stay.
   *
   * @param admissionsPerPersonYear historical psychiatric admissions per person-year
   * @param meanLengthOfStayDays historical mean length of stay
   * @param source where the figures come from
   */
  public record Comparator(double admissionsPerPersonYear, double meanLengthOfStayDays, String source) {}

  /**
   * Unit costs for a cost-offset table (Trachtenberg et al. 2013).
   *
   * @param bedDayCost the cost of one psychiatric bed-day
   * @param peerSupportCost the total cost of the peer-support service over the evaluation
   * @param currency the currency, for example {@code GBP}
   * @param source where the figures come from
   */
  public record Costs(double bedDayCost, double peerSupportCost, String currency, String source) {}
}
