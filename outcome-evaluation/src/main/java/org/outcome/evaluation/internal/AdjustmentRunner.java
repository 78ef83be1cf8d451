package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.OutcomeException;
import org.outcome.api.SubjectId;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationConfig.Adjustment;
import org.outcome.evaluation.report.AdjustmentSection;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.ReportWarnings;
import org.outcome.evaluation.report.Suppression;
import org.outcome.io.Numbers;
import org.outcome.stats.balance.LogisticRegression;
import org.outcome.stats.balance.NearestNeighbourMatching;
import org.outcome.stats.balance.WeightedKaplanMeier;
import org.outcome.stats.balance.Weighting;
import org.outcome.stats.balance.Weighting.Estimand;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.Variance;
import org.outcome.tenure.TenureResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The propensity adjustment of an evaluation ({@link Adjustment}): takes the accepted people's
 * covariates, fits the propensity model, weights or matches, and gives
 * the balance table and, per questionnaire outcome, the adjusted difference in mean change.
 *
 * <p>The covariates come from the people file's single pass ({@link Participants#cell}). A person
 * whose covariate cell is empty or not a number is left out of the adjustment (and
 * counted, naming the covariate, never the cell), not rejected: the unadjusted analyses keep them.
 * When the model cannot be fitted (separation, a constant covariate, a group with nobody) the
 * section says why and the evaluation goes on without adjusted effects.
 */
public final class AdjustmentRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AdjustmentRunner.class);

  /** The warning code of a covariate whose standardised mean difference stays above 0.1. */
  public static final String IMBALANCE = "adjustment-imbalance";
  /** The warning code of an adjustment that could not be made. */
  public static final String NOT_MADE = "adjustment-not-made";

  private final EvaluationConfig config;
  private final Adjustment adjustment;
  private final ReportWarningLog warnings;
  private final Suppression suppression;
  private final Map<SubjectId, Double> weights = new HashMap<>();
  private final Map<SubjectId, Integer> sets = new HashMap<>();
  private final List<AdjustmentSection.AdjustedEffect> effects = new ArrayList<>();
  private final List<AdjustmentSection.AdjustedSurvival> tenure = new ArrayList<>();
  private Optional<AdjustmentSection.AdjustedHazardRatio> hazardRatio = Optional.empty();
  private AdjustmentSection section;

  private AdjustmentRunner(EvaluationConfig config, Adjustment adjustment, List<Warning> warnings) {
    this.config = config;
    this.adjustment = adjustment;
    this.warnings = new ReportWarningLog(warnings, LOG);
    this.suppression = config.suppression();
  }

  /** Takes the covariates the people file gave, fits the model and balances the groups. */
  public static AdjustmentRunner run(EvaluationConfig config, Adjustment adjustment, Participants people,
      List<Warning> warnings) {
    AdjustmentRunner runner = new AdjustmentRunner(config, adjustment, warnings);
    runner.balance(people);
    return runner;
  }

  private Estimand estimand() {
    return switch (adjustment.method()) {
      case IPTW_ATT, MATCH -> Estimand.ATT;
      case IPTW_ATE -> Estimand.ATE;
      case OVERLAP -> Estimand.OVERLAP;
    };
  }

  private String methodText() {
    return switch (adjustment.method()) {
      case IPTW_ATT -> "inverse probability of treatment weights for the effect on the intervention group (ATT)";
      case IPTW_ATE -> "inverse probability of treatment weights for the average effect (ATE)";
      case OVERLAP -> "overlap weights";
      case MATCH -> "greedy nearest-neighbour matching on the propensity score, 1:" + adjustment.ratio()
          + " without replacement, largest score first" + adjustment.caliper().stream()
              .mapToObj(c -> ", within " + c + " SD of the score").findFirst().orElse("");
    };
  }

  private void balance(Participants people) {
    String intervention = config.groups().intervention();
    String comparison = config.groups().comparison();
    List<String> covariates = adjustment.covariates();
    Map<SubjectId, double[]> values = new LinkedHashMap<>();
    Map<String, Long> leftOut = new LinkedHashMap<>();
    for (SubjectId subject : people.people()) {
      double[] x = new double[covariates.size()];
      String missing = null;
      for (int j = 0; j < x.length && missing == null; j++) {
        String cell = people.cell(subject, covariates.get(j));
        x[j] = Numbers.parse(cell);
        if (Double.isNaN(x[j])) {
          missing = "covariate " + covariates.get(j) + ": " + (cell.isEmpty() ? "empty" : "not a number");
        }
      }
      if (missing == null) {
        values.put(subject, x);
      } else {
        leftOut.merge(missing, 1L, Long::sum);
      }
    }
    List<SubjectId> order = new ArrayList<>(values.keySet());
    int n = order.size();
    double[] t = new double[n];
    List<double[]> x = new ArrayList<>();
    for (int j = 0; j < covariates.size(); j++) {
      x.add(new double[n]);
    }
    long treated = 0;
    for (int i = 0; i < n; i++) {
      t[i] = people.group(order.get(i)).orElseThrow().equals(intervention) ? 1 : 0;
      treated += (long) t[i];
      for (int j = 0; j < covariates.size(); j++) {
        x.get(j)[i] = values.get(order.get(i))[j];
      }
    }
    List<EvaluationReport.GroupCount> counts = List.of(
        new EvaluationReport.GroupCount(intervention, suppression.apply(treated)),
        new EvaluationReport.GroupCount(comparison, suppression.apply(n - treated)));
    List<OutcomeSection.Reason> reasons = leftOut.entrySet().stream()
        .map(e -> new OutcomeSection.Reason(e.getKey(), suppression.apply(e.getValue()))).toList();
    String estimand = estimand().name();
    try {
      double[] ps = LogisticRegression.fit(t, covariates, x).fitted();
      double[] w;
      List<EvaluationReport.GroupCount> matched = List.of();
      OptionalDouble caliperWidth = OptionalDouble.empty();
      double[] smdBefore;
      double[] smdAfter;
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      if (adjustment.method() == Adjustment.Method.MATCH) {
        NearestNeighbourMatching matching = NearestNeighbourMatching.withDefaults().withRatio(adjustment.ratio());
        if (adjustment.caliper().isPresent()) {
          matching = matching.withCaliper(adjustment.caliper().getAsDouble(), true);
        }
        NearestNeighbourMatching.Result m = matching.match(t, ps);
        w = m.weights();
        int[] set = m.matchedSets();
        for (int i = 0; i < n; i++) {
          if (set[i] >= 0) {
            sets.put(order.get(i), set[i]);
          }
        }
        matched = List.of(new EvaluationReport.GroupCount(intervention, suppression.apply(m.matchedTreated())),
            new EvaluationReport.GroupCount(comparison, suppression.apply(m.matchedControls())));
        caliperWidth = m.caliperWidth();
        smdBefore = Weighting.standardisedDifferencesAsMatchIt(t, x, ones);
        smdAfter = Weighting.standardisedDifferencesAsMatchIt(t, x, w);
      } else {
        w = Weighting.weights(t, ps, estimand(), false);
        smdBefore = Weighting.standardisedDifferences(t, x, ones, estimand());
        smdAfter = Weighting.standardisedDifferences(t, x, w, estimand());
      }
      for (int i = 0; i < n; i++) {
        weights.put(order.get(i), w[i]);
      }
      double[] vrBefore = Weighting.varianceRatios(t, x, ones);
      double[] vrAfter = Weighting.varianceRatios(t, x, w);
      List<AdjustmentSection.BalanceRow> balance = new ArrayList<>();
      for (int j = 0; j < covariates.size(); j++) {
        AdjustmentSection.BalanceRow row = new AdjustmentSection.BalanceRow(covariates.get(j), smdBefore[j],
            smdAfter[j], vrBefore[j], vrAfter[j]);
        balance.add(row);
        if (row.imbalanced()) {
          warnings.warn(IMBALANCE, "covariate " + row.covariate() + " stays imbalanced after adjustment"
              + " (standardised mean difference above " + AdjustmentSection.IMBALANCE + "): add it to the model in"
              + " another form, or read the adjusted effects with caution");
        }
      }
      List<EvaluationReport.GroupCount> ess = List.of(
          new EvaluationReport.GroupCount(intervention, suppression.apply(Math.round(Weighting.effectiveSize(t, w, 1)))),
          new EvaluationReport.GroupCount(comparison, suppression.apply(Math.round(Weighting.effectiveSize(t, w, 0)))));
      section = new AdjustmentSection(methodText(), estimand, covariates, counts, reasons,
          Weighting.commonSupport(t, ps), balance, ess, matched, caliperWidth, List.of(), List.of(), Optional.empty(),
          Optional.empty());
    } catch (OutcomeException e) {
      warnings.warn(NOT_MADE, "the propensity adjustment could not be made, so no adjusted effect is reported: "
          + e.getMessage());
      section = new AdjustmentSection(methodText(), estimand, covariates, counts, reasons, Double.NaN, List.of(),
          List.of(), List.of(), OptionalDouble.empty(), List.of(), List.of(), Optional.empty(),
          Optional.of(AnalysisEntry.NotRun.of(e)));
    }
  }

  /**
   * Adds an outcome's adjusted difference in mean change: the people of both groups with both
   * scores and a positive weight, weighted (Hájek), with the SE clustered on the matched set after
   * matching and HC0 after weighting.
   *
   * @param outcome the outcome's name and score
   * @param members the people, in the order of the scores
   * @param before their baseline scores (NaN where missing)
   * @param after their follow-up scores (NaN where missing)
   */
  public void addEffect(String outcome, List<SubjectId> members, double[] before, double[] after,
      Participants people) {
    if (section.notRun().isPresent()) {
      return;
    }
    String intervention = config.groups().intervention();
    List<Double> change = new ArrayList<>();
    List<Double> treated = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    List<Integer> clusters = new ArrayList<>();
    long[] perGroup = new long[2];
    for (int i = 0; i < members.size(); i++) {
      Double weight = weights.get(members.get(i));
      if (weight == null || !(weight > 0) || Double.isNaN(before[i]) || Double.isNaN(after[i])) {
        continue;
      }
      boolean t = people.group(members.get(i)).orElseThrow().equals(intervention);
      change.add(after[i] - before[i]);
      treated.add(t ? 1.0 : 0.0);
      w.add(weight);
      clusters.add(sets.getOrDefault(members.get(i), -1));
      perGroup[t ? 0 : 1]++;
    }
    List<EvaluationReport.GroupCount> counts = List.of(
        new EvaluationReport.GroupCount(intervention, suppression.apply(perGroup[0])),
        new EvaluationReport.GroupCount(config.groups().comparison(), suppression.apply(perGroup[1])));
    if (perGroup[0] < 2 || perGroup[1] < 2) {
      warnings.warn(ReportWarnings.NOT_RUN, "the adjusted difference for " + outcome
          + " was not computed: each group needs at least 2 people with both scores after adjustment");
      return;
    }
    double[] y = change.stream().mapToDouble(Double::doubleValue).toArray();
    double[] tt = treated.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ww = w.stream().mapToDouble(Double::doubleValue).toArray();
    boolean matched = adjustment.method() == Adjustment.Method.MATCH;
    Weighting.Effect e = matched
        ? Weighting.effect(y, tt, ww, clusters.stream().mapToInt(Integer::intValue).toArray())
        : Weighting.effect(y, tt, ww);
    double[] ci = e.interval(config.confLevel());
    effects.add(new AdjustmentSection.AdjustedEffect(outcome, counts, e.estimate(), e.se(),
        matched ? "robust, clustered on the matched set (HC0)" : "robust (HC0), the weights taken as known",
        ci[0], ci[1], config.confLevel(), e.p()));
  }

  /**
   * Adds each group's weighted Kaplan-Meier survival without readmission at the tenure days, from
   * the people included in community tenure who have a positive weight, and the hazard ratio of the
   * weighted Cox model over them ({@link #addHazardRatio}).
   *
   * @param included the people included in tenure, both groups
   * @param days the days to read the curves at
   */
  public void addTenure(List<TenureResult> included, List<Integer> days) {
    if (section.notRun().isPresent()) {
      return;
    }
    for (String group : List.of(config.groups().intervention(), config.groups().comparison())) {
      List<TenureResult> members = included.stream().filter(r -> r.group().orElseThrow().equals(group))
          .filter(r -> weights.getOrDefault(r.subject(), 0.0) > 0).toList();
      if (members.isEmpty()) {
        continue;
      }
      double[] time = members.stream().mapToDouble(r -> r.time().orElseThrow()).toArray();
      boolean[] event = new boolean[members.size()];
      double[] w = new double[members.size()];
      for (int i = 0; i < event.length; i++) {
        event[i] = members.get(i).event().orElseThrow();
        w[i] = weights.get(members.get(i).subject());
      }
      WeightedKaplanMeier.Curve curve = WeightedKaplanMeier.fit(time, event, w, config.confLevel());
      for (int day : days) {
        int i = curve.indexAt(day);
        long atRisk = Arrays.stream(time).filter(x -> x >= day).count();
        tenure.add(new AdjustmentSection.AdjustedSurvival(group, day, suppression.apply(atRisk),
            i < 0 ? 1 : curve.survival()[i], i < 0 ? 0 : curve.stdErr()[i], i < 0 ? 1 : curve.lower()[i],
            i < 0 ? 1 : curve.upper()[i]));
      }
    }
    addHazardRatio(included);
  }

  /**
   * The weighted Cox model of readmission on being in the intervention group, as R's
   * {@code coxph(Surv(time, event) ~ intervention, weights = w, robust = TRUE)}, clustered on the
   * matched set after matching. Not reported, with a warning, when a group has nobody or the
   * likelihood has no finite maximum (no readmission in a group).
   */
  private void addHazardRatio(List<TenureResult> included) {
    String intervention = config.groups().intervention();
    List<TenureResult> used = included.stream().filter(r -> weights.getOrDefault(r.subject(), 0.0) > 0).toList();
    int n = used.size();
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    double[] treated = new double[n];
    double[] w = new double[n];
    String[] cluster = new String[n];
    long[] people = new long[2];
    long[] events = new long[2];
    for (int i = 0; i < n; i++) {
      TenureResult r = used.get(i);
      time[i] = r.time().orElseThrow();
      event[i] = r.event().orElseThrow();
      treated[i] = r.group().orElseThrow().equals(intervention) ? 1 : 0;
      w[i] = weights.get(r.subject());
      cluster[i] = Integer.toString(sets.getOrDefault(r.subject(), i));
      int g = treated[i] == 1 ? 0 : 1;
      people[g]++;
      events[g] += event[i] ? 1 : 0;
    }
    boolean matched = adjustment.method() == Adjustment.Method.MATCH;
    String what = "the adjusted hazard ratio of readmission was not computed: ";
    if (people[0] == 0 || people[1] == 0 || events[0] == 0 || events[1] == 0) {
      warnings.warn(NOT_MADE, what + "each group needs people with a readmission after adjustment");
      return;
    }
    SurvivalSample.Builder sample = SurvivalSample.builder(time, event).covariate("intervention", treated);
    if (matched) {
      sample.cluster(Factor.of(cluster));
    }
    CoxPh.Result fit;
    try {
      fit = CoxPh.withDefaults().withVariance(Variance.ROBUST).withConcordance(false)
          .withProportionalHazardsTest(false).withConfLevel(config.confLevel()).fit(sample.build(), w);
    } catch (OutcomeException e) {
      warnings.warn(NOT_MADE, what + e.getMessage());
      return;
    }
    if (!fit.converged() || !fit.warnings().isEmpty()) {
      warnings.warn(NOT_MADE, what + "the weighted Cox model has no finite estimate");
      return;
    }
    CoxTerm term = fit.terms().get(0);
    String comparison = config.groups().comparison();
    hazardRatio = Optional.of(new AdjustmentSection.AdjustedHazardRatio(
        List.of(new EvaluationReport.GroupCount(intervention, suppression.apply(people[0])),
            new EvaluationReport.GroupCount(comparison, suppression.apply(people[1]))),
        List.of(new EvaluationReport.GroupCount(intervention, suppression.apply(events[0])),
            new EvaluationReport.GroupCount(comparison, suppression.apply(events[1]))),
        term.hazardRatio(), term.se(), matched ? "robust, clustered on the matched set" : "robust (sandwich)",
        term.hazardRatioInterval().lower(), term.hazardRatioInterval().upper(), config.confLevel(), term.p()));
  }

  /** The section, with every effect and tenure curve added so far. */
  public AdjustmentSection section() {
    return new AdjustmentSection(section.method(), section.estimand(), section.covariates(), section.people(),
        section.leftOut(), section.commonSupport(), section.balance(), section.effectiveSize(), section.matched(),
        section.caliperWidth(), effects, tenure, hazardRatio, section.notRun());
  }
}
