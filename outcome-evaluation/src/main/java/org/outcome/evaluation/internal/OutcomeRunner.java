package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.outcome.api.AnalysisId;
import org.outcome.api.OutcomeException;
import org.outcome.api.SubjectId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.ScoreRange;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.Sample;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationData;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EffectSize;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.ReportWarnings;
import org.outcome.evaluation.report.Suppression;
import org.outcome.stats.descriptive.Descriptives;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.PairedCohort;
import org.outcome.stats.paired.ReliableChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one questionnaire outcome: the before-and-after analyses within each group and analysis
 * set, the comparison-group analyses per set (ANCOVA on baseline, and any two-group analysis on
 * change scores), reliable change where the instrument publishes the constants, and Hedges' g on
 * change scores for the forest plot.
 *
 * <p>Analysis sets: intention-to-treat with complete cases in both groups; when an as-treated rule
 * is given, as-treated in the intervention group against the whole comparison group (the
 * comparison group receives no sessions).
 */
public final class OutcomeRunner {
  private static final Logger LOG = LoggerFactory.getLogger(OutcomeRunner.class);
  /**
   * What one outcome contributes to the report.
   *
   * @param noPrimaryTest when the outcome is primary but none of its comparison analyses gave a
   *     test on the intention-to-treat set: the outcome and why, in words (the evaluation then fails)
   */
  public record Outcome(OutcomeSection section, List<EffectSize> effectSizes, Optional<PrimaryTest> primaryTest,
      Optional<String> noPrimaryTest) {}

  /**
   * The outcome's main comparison test, for the multiplicity family.
   *
   * @param outcome the outcome's name
   * @param analysis the analysis's name
   * @param p its p-value
   */
  public record PrimaryTest(String outcome, String analysis, double p) {}

  private final EvaluationConfig config;
  private final AnalysisRegistry analyses;
  private final Suppression suppression;
  private final AnalysisSettings settings;
  private final ReportWarningLog warnings;
  private final EvaluationData data;

  /**
   * @param data scores the answers files
   * @param warnings receives every warning worth a reader's attention
   */
  public OutcomeRunner(EvaluationConfig config, AnalysisRegistry analyses, EvaluationData data,
      List<Warning> warnings) {
    this.config = config;
    this.analyses = analyses;
    this.data = data;
    this.suppression = config.suppression();
    this.settings = AnalysisSettings.defaults().withConfLevel(config.confLevel());
    this.warnings = new ReportWarningLog(warnings, LOG);
  }

  /** Runs one outcome. */
  public Outcome run(EvaluationConfig.Outcome spec, Instrument instrument, Participants people, Accounts accounts) {
    return run(spec, instrument, people, accounts, Optional.empty(), Optional.empty());
  }

  /**
   * Runs one outcome, and gives its scores to the propensity adjustment and to the pooling across
   * sites when they are configured.
   */
  public Outcome run(EvaluationConfig.Outcome spec, Instrument instrument, Participants people, Accounts accounts,
      Optional<AdjustmentRunner> adjustment, Optional<SitesRunner> sites) {
    Subscale subscale = spec.score().flatMap(instrument.definition()::subscale)
        .orElse(instrument.definition().primarySubscale());
    EvaluationConfig.Answers answers = config.data().answers().stream()
        .filter(a -> a.instrument().equals(instrument.id())).findFirst().orElseThrow();
    OutcomeScores scores = OutcomeScores.read(config, answers, instrument, subscale.id(), people, data);
    accounts.add(scores.account);
    ScoreRange range = instrument.definition().range(subscale.id());
    String name = instrument.definition().name();
    String rangeLabel = number(range.min()) + " to " + number(range.max());

    String intervention = config.groups().intervention();
    String comparison = config.groups().comparison();
    List<Arm> arms = new ArrayList<>();
    arms.add(new Arm(intervention, AnalysisSet.intentionToTreat(), cohort(people, scores, intervention)));
    arms.add(new Arm(comparison, AnalysisSet.intentionToTreat(), cohort(people, scores, comparison)));
    config.asTreated().ifPresent(rule -> arms.add(new Arm(intervention,
        AnalysisSet.asTreated(rule.doseRule()), cohort(people, scores, intervention))));

    List<OutcomeSection.Descriptive> descriptives = new ArrayList<>();
    List<OutcomeSection.Exclusion> exclusions = new ArrayList<>();
    List<AnalysisEntry> beforeAndAfter = new ArrayList<>();
    List<OutcomeSection.ReliableChangeRow> reliable = new ArrayList<>();
    List<OutcomeSection.Distribution> distributions = new ArrayList<>();
    Optional<ReliableChange> rc = subscale.psychometrics().map(p -> ReliableChange.of(p, subscale.polarity()));
    for (Arm arm : arms) {
      AnalysisSet.Selection selection = arm.selection();
      PairedSample sample = selection.sample();
      String set = arm.set().description();
      exclusions.add(new OutcomeSection.Exclusion(arm.group(), set, suppression.apply(selection.enrolled()),
          suppression.apply(selection.included()),
          Arrays.stream(AnalysisSet.Exclusion.values()).filter(e -> selection.excluded(e) > 0)
              .map(e -> new OutcomeSection.Reason(e.label(), suppression.apply(selection.excluded(e)))).toList()));
      if (sample.size() > 0) {
        Descriptives change = Descriptives.of(sample.differences());
        descriptives.add(new OutcomeSection.Descriptive(arm.group(), set, suppression.apply(sample.size()),
            Descriptives.of(sample.beforeValues()).mean(), Descriptives.of(sample.afterValues()).mean(), change.mean(),
            change.sd()));
      }
      if (arm.set() instanceof AnalysisSet.IntentionToTreat && sample.size() >= 10) {
        distributions.add(distribution(arm.group(), "before", sample.beforeValues()));
        distributions.add(distribution(arm.group(), "after", sample.afterValues()));
      }
      for (AnalysisId id : spec.beforeAndAfter()) {
        beforeAndAfter.add(run(id, sample, arm.set(), arm.group()));
      }
      rc.ifPresent(r -> {
        if (sample.size() > 0) {
          ReliableChange.Result result = r.classify(sample);
          reliable.add(new OutcomeSection.ReliableChangeRow(arm.group(), set, suppression.apply(result.n()),
              suppression.apply(result.reliablyImproved()), suppression.apply(result.unchanged()),
              suppression.apply(result.deteriorated()),
              result.cutoff().isPresent() ? Optional.of(suppression.apply(result.recovered())) : Optional.empty(),
              result.threshold()));
        }
      });
    }

    List<AnalysisEntry> comparisons = new ArrayList<>();
    List<EffectSize> effects = new ArrayList<>();
    Optional<PrimaryTest> primary = Optional.empty();
    Arm control = arms.get(1);
    for (Arm arm : arms) {
      if (arm.group().equals(comparison)) {
        continue;
      }
      String set = arm.set().description();
      PairedSample treated = arm.selection().sample();
      PairedSample controls = control.selection().sample();
      for (AnalysisId id : spec.comparison()) {
        AnalysisEntry entry = runComparison(id, treated, controls, arm.set());
        comparisons.add(entry);
        if (primary.isEmpty() && spec.primary() && arm.set() instanceof AnalysisSet.IntentionToTreat
            && entry.test().isPresent()) {
          primary = Optional.of(new PrimaryTest(name + ", " + subscale.label(), entry.name(), entry.test().get().p()));
        }
      }
      effectSize(name, set, treated, controls).ifPresent(effects::add);
    }
    if (adjustment.isPresent() || sites.isPresent()) {
      List<SubjectId> everyone = people.people();
      double[] before = scores.before(everyone);
      double[] after = scores.after(everyone);
      String label = name + ", " + subscale.label();
      adjustment.ifPresent(a -> a.addEffect(label, everyone, before, after, people));
      sites.ifPresent(s -> s.add(label, everyone, before, after, people));
    }
    Optional<String> noPrimaryTest = spec.primary() && primary.isEmpty()
        ? Optional.of(name + ", " + subscale.label() + ": " + whyNoTest(comparisons))
        : Optional.empty();
    Optional<String> rcNote = rc.isPresent() ? Optional.empty()
        : Optional.of("Reliable change is not reported: the instrument's definition has no published reliability"
            + " and reference SD for this score.");
    OutcomeSection section = new OutcomeSection(instrument.id(), name, subscale.label(), rangeLabel,
        spec.primary(),
        descriptives, exclusions, beforeAndAfter, comparisons, reliable, rcNote, distributions);
    return new Outcome(section, effects, primary, noPrimaryTest);
  }

  /** Why no intention-to-treat comparison gave a test, analysis by analysis. */
  private static String whyNoTest(List<AnalysisEntry> comparisons) {
    List<String> why = comparisons.stream()
        .filter(e -> e.setKind().equals(Optional.of(AnalysisSet.Kind.INTENTION_TO_TREAT)))
        .map(e -> e.name() + " " + e.reason().map(r -> "was not run (" + r.code() + ": " + r.message() + ")")
            .orElse("gives no test"))
        .toList();
    return why.isEmpty() ? "no comparison analysis is configured" : String.join("; ", why);
  }

  /** A group in an analysis set, with its selected pairs. */
  private record Arm(String group, AnalysisSet set, PairedCohort cohort) {
    AnalysisSet.Selection selection() {
      return set.select(cohort);
    }
  }

  private static PairedCohort cohort(Participants people, OutcomeScores scores, String group) {
    List<SubjectId> members = people.inGroup(group);
    double[] dose = members.stream().mapToDouble(people::sessions).toArray();
    PairedCohort cohort = PairedCohort.of(scores.before(members), scores.after(members));
    return Arrays.stream(dose).anyMatch(Double::isFinite) || members.isEmpty() ? cohort.withDose(dose) : cohort;
  }

  private AnalysisEntry run(AnalysisId id, Sample sample, AnalysisSet analysisSet, String group) {
    Analysis<?> analysis = analyses.require(id);
    String set = analysisSet.description();
    Optional<AnalysisSet.Kind> kind = Optional.of(analysisSet.kind());
    try {
      AnalysisResult result = analyses.run(id, sample, settings);
      result.warnings().forEach(w -> warnings.note(w.code(),
          analysis.name() + " (" + group + ", " + set + "): " + w.message()));
      return AnalysisEntry.of(id, analysis.name(), set, kind, group, result, suppression);
    } catch (OutcomeException e) {
      warnings.warn(ReportWarnings.NOT_RUN,
          analysis.name() + " (" + group + ", " + set + ") was not run: " + e.getMessage());
      return AnalysisEntry.notRun(id, analysis.name(), set, kind, group, e);
    } catch (RuntimeException e) {
      // a plugin's bug must not lose the whole evaluation: this analysis is marked not run
      AnalysisEntry entry = AnalysisEntry.failed(id, analysis.name(), set, kind, group, e);
      warnings.failed(analysis.name() + " (" + group + ", " + set + ") was not run: "
          + entry.reason().orElseThrow().message(), e);
      return entry;
    }
  }

  /** ANCOVA on baseline takes baseline and follow-up; two-group analyses take change scores. */
  private AnalysisEntry runComparison(AnalysisId id, PairedSample treated, PairedSample controls, AnalysisSet set) {
    String intervention = config.groups().intervention();
    String comparison = config.groups().comparison();
    Analysis<?> analysis = analyses.require(id);
    int n = treated.size() + controls.size();
    String[] labels = new String[n];
    double[] pre = new double[n];
    double[] post = new double[n];
    for (int i = 0; i < n; i++) {
      PairedSample from = i < treated.size() ? treated : controls;
      int k = i < treated.size() ? i : i - treated.size();
      labels[i] = i < treated.size() ? intervention : comparison;
      pre[i] = from.before(k);
      post[i] = from.after(k);
    }
    // the intervention group first: two-group differences are intervention minus comparison
    Factor groups = Factor.withLevels(labels, List.of(intervention, comparison));
    Sample sample;
    if (analysis.sampleType() == GroupedPrePostSample.class) {
      // the comparison group is the reference level of ANCOVA's treatment coding
      sample = GroupedPrePostSample.of(pre, post, groups.relevel(comparison));
    } else {
      double[] change = new double[n];
      for (int i = 0; i < n; i++) {
        change[i] = post[i] - pre[i];
      }
      sample = GroupedSample.of(change, groups);
    }
    return run(id, sample, set, intervention + " vs " + comparison);
  }

  private Optional<EffectSize> effectSize(String outcome, String set, PairedSample treated, PairedSample controls) {
    try {
      StandardizedMeanDifference.Result r = StandardizedMeanDifference.withDefaults().withConfLevel(config.confLevel())
          .compute(config.groups().intervention(), treated.differences(), config.groups().comparison(),
              controls.differences());
      return r.estimate().flatMap(e -> e.interval().map(ci -> new EffectSize(outcome, "change, "
          + config.groups().intervention() + " vs " + config.groups().comparison() + ", " + set, e.name(), e.value(),
          ci.lower(), ci.upper())));
    } catch (OutcomeException e) {
      warnings.warn(ReportWarnings.EFFECT_SIZE_NOT_COMPUTED,
          "Hedges' g for " + outcome + " (" + set + ") was not computed: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static OutcomeSection.Distribution distribution(String group, String time, double[] values) {
    double[] q = Descriptives.quantiles(values, 0.10, 0.25, 0.5, 0.75, 0.90);
    return new OutcomeSection.Distribution(group, time, q[0], q[1], q[2], q[3], q[4]);
  }

  static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
