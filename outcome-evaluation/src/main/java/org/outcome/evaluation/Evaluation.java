package org.outcome.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.Warning;
import org.outcome.evaluation.internal.Accounts;
import org.outcome.evaluation.internal.AdjustmentRunner;
import org.outcome.evaluation.internal.Methods;
import org.outcome.evaluation.internal.OutcomeRunner;
import org.outcome.evaluation.internal.Participants;
import org.outcome.evaluation.internal.SitesRunner;
import org.outcome.evaluation.internal.Summary;
import org.outcome.evaluation.internal.config.DataLabels;
import org.outcome.evaluation.internal.TenureRunner;
import org.outcome.evaluation.report.Disclosure;
import org.outcome.evaluation.report.DisclosurePolicy;
import org.outcome.evaluation.report.EffectSize;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.Suppression;
import org.outcome.evaluation.report.TenureSection;
import org.outcome.stats.multiplicity.PValueAdjustment;

/**
 * Runs a service evaluation from its {@link EvaluationConfig}: scores every questionnaire,
 * derives community tenure from the hospital episodes, runs every configured analysis through the
 * registries (so that a plugin's analysis or instrument is named like a built-in one), adjusts the
 * primary outcomes' p-values for multiplicity, and returns the {@link EvaluationReport} with every
 * count suppressed as the configuration says.
 *
 * <pre>{@code
 * InstrumentRegistry instruments = InstrumentRegistry.load();
 * AnalysisRegistry analyses = AnalysisRegistry.load();
 * EvaluationConfig config = EvaluationConfigReader.read(Path.of("evaluation.json"), instruments, analyses);
 * EvaluationReport report = Evaluation.of(config, instruments, analyses).run(ProgressListener.silent());
 * ReportJson.write(report, Path.of("out/report.json"));
 * ReportHtml.write(report, Path.of("out/report.html"));
 * }</pre>
 */
public final class Evaluation {
  private final EvaluationConfig config;
  private final InstrumentRegistry instruments;
  private final AnalysisRegistry analyses;
  private final EvaluationData data;

  private Evaluation(EvaluationConfig config, InstrumentRegistry instruments, AnalysisRegistry analyses,
      EvaluationData data) {
    this.config = Objects.requireNonNull(config, "config");
    this.instruments = Objects.requireNonNull(instruments, "instruments");
    this.analyses = Objects.requireNonNull(analyses, "analyses");
    this.data = Objects.requireNonNull(data, "data");
  }

  /** An evaluation of a configuration with the given registries, its files read on this machine. */
  public static Evaluation of(EvaluationConfig config, InstrumentRegistry instruments, AnalysisRegistry analyses) {
    return new Evaluation(config, instruments, analyses, EvaluationData.files());
  }

  /**
   * This evaluation with its tables read, its answers scored and its tenure derived by {@code data}
   * (a cluster engine, say; give the configuration's reader the same): the report is the one
   * {@link #of} gives on the same rows.
   */
  public Evaluation withData(EvaluationData data) {
    return new Evaluation(config, instruments, analyses, data);
  }

  /**
   * Runs the evaluation.
   *
   * @throws org.outcome.api.InvalidInputException if a data file cannot be read at all (bad rows are
   *     rejected and reported instead), or, before any work, if a label of the configuration (a
   *     group, a time point) matches no row of the data, an answers file has no row of a person in
   *     the people file or leaves an item column unanswered throughout, or no intervention-group
   *     person has a sessions count for the as-treated set
   * @throws DegenerateDataException if a primary outcome ends with no comparison test on the
   *     intention-to-treat set (every such outcome is named, with why each analysis gave none)
   */
  public EvaluationReport run(ProgressListener progress) {
    return runWithInternal(progress).published();
  }

  /**
   * The published report and the exact results it was made from.
   *
   * @param published the publication view ({@link Disclosure} under the configuration's policy):
   *     the only report that may be written to {@code report.json} and {@code report.html}
   * @param internal the exact results, NOT FOR PUBLICATION: for {@code report-internal.json} only
   */
  public record Reports(EvaluationReport published, EvaluationReport internal) {}

  /**
   * Runs the evaluation on exact counts (the runners see {@link Suppression#none()}) and makes the
   * publication view from those exact results.
   */
  public Reports runWithInternal(ProgressListener progress) {
    EvaluationConfig published = config;
    EvaluationConfig config = published.withSuppression(Suppression.none());
    int steps = 2 + config.outcomes().size() + (config.tenure().isPresent() ? 1 : 0);
    // a label that matches no row would empty a group, a time point or the as-treated set without
    // a word: checked before any work (EvaluationConfigReader has done it too, for a config it read)
    DataLabels.require(config, instruments, data);
    progress.started(steps);
    int step = 0;
    List<Warning> warnings = new ArrayList<>();
    Accounts accounts = new Accounts();

    progress.step(++step, "reading people and sessions");
    Participants people = Participants.read(config, data);
    accounts.add(people);
    Optional<AdjustmentRunner> adjustment = config.adjustment()
        .map(a -> AdjustmentRunner.run(config, a, people, warnings));
    Optional<SitesRunner> sites = config.sites().map(s -> SitesRunner.of(config, s, people, warnings));

    List<OutcomeSection> outcomes = new ArrayList<>();
    List<EffectSize> effects = new ArrayList<>();
    List<OutcomeRunner.PrimaryTest> family = new ArrayList<>();
    List<String> primaryWithoutTest = new ArrayList<>();
    OutcomeRunner outcomeRunner = new OutcomeRunner(config, analyses, data, warnings);
    for (int index = 0; index < config.outcomes().size(); index++) {
      EvaluationConfig.Outcome outcome = config.outcomes().get(index);
      String at = "outcomes[" + index + "]";
      Instrument instrument = instruments.require(outcome.instrument());
      progress.step(++step, "scoring and analysing " + instrument.definition().name());
      OutcomeRunner.Outcome result = outcomeRunner.run(outcome, instrument, people, accounts, adjustment, sites);
      outcomes.add(result.section());
      effects.addAll(result.effectSizes());
      result.primaryTest().ifPresent(family::add);
      result.noPrimaryTest().ifPresent(why -> primaryWithoutTest.add(at + " (" + why + ")"));
    }
    if (!primaryWithoutTest.isEmpty()) {
      // a primary outcome never drops out of the summary and the multiplicity family unnoticed
      throw new DegenerateDataException("a primary outcome has no comparison test on the intention-to-treat set, so"
          + " it would be missing from the summary and from the " + config.multiplicity().label() + " family: "
          + String.join("; ", primaryWithoutTest),
          "fix the data or the analyses named, or, to publish without it, mark the outcome \"primary\": false"
          + " (it is then reported as a secondary outcome)");
    }

    Optional<TenureSection> tenure = Optional.empty();
    if (config.tenure().isPresent()) {
      progress.step(++step, "deriving community tenure and analysing time to readmission");
      TenureRunner.Tenure t = new TenureRunner(config, analyses, data, warnings).run(accounts, adjustment);
      tenure = Optional.of(t.section());
      t.primaryTest().ifPresent(family::add);
    }

    progress.step(++step, "adjusting for multiplicity and writing the summary");
    Optional<EvaluationReport.MultiplicitySection> multiplicity = multiplicity(family);
    EvaluationReport.GroupsSection groups = groups(people, config);
    List<String> summary = Summary.of(config, groups, outcomes, tenure, multiplicity);
    EvaluationReport internal = new EvaluationReport(config.title(), "outcome " + version(), summary,
        "Exact results, NOT FOR PUBLICATION: counts are not suppressed and numbers are not rounded.", groups,
        accounts.accounts(), accounts.rejected(), outcomes, tenure, effects, multiplicity,
        adjustment.map(AdjustmentRunner::section), sites.map(SitesRunner::section),
        Methods.of(config, analyses, outcomes, tenure), warnings);
    EvaluationReport report = publish(internal, published, analyses);
    progress.finished();
    return new Reports(report, internal);
  }

  /** The publication view of exact results: every section through {@link Disclosure}, then the summary and methods. */
  private static EvaluationReport publish(EvaluationReport exact, EvaluationConfig config, AnalysisRegistry analyses) {
    DisclosurePolicy policy = config.disclosurePolicy();
    Disclosure d = new Disclosure(policy);
    EvaluationReport.GroupsSection groups = d.groups(exact.groups());
    List<OutcomeSection> outcomes = exact.outcomes().stream().map(o -> d.outcome(o, exact.groups())).toList();
    AnalysisSettings settings = AnalysisSettings.defaults().withConfLevel(config.confLevel());
    Optional<TenureSection> tenure = exact.tenure().map(t -> d.tenure(t, Disclosure.CountAnalyses.of(analyses,
        settings)));
    Optional<EvaluationReport.MultiplicitySection> multiplicity = exact.multiplicity().map(d::multiplicity);
    List<EvaluationReport.MethodNote> methods = new ArrayList<>(Methods.of(config, analyses, outcomes, tenure));
    methods.add(new EvaluationReport.MethodNote("Disclosure control", "every number in this report",
        policy.describe()));
    return new EvaluationReport(exact.title(), exact.producedBy(), Summary.of(config, groups, outcomes, tenure,
        multiplicity), policy.describe(), groups, exact.inputs(), exact.rejectedRows(), outcomes, tenure,
        exact.effectSizes().stream().map(d::effectSize).toList(), multiplicity, exact.adjustment().map(d::adjustment),
        exact.pooled().map(d::pooled), methods,
        d.allWarnings(exact.warnings()));
  }

  private Optional<EvaluationReport.MultiplicitySection> multiplicity(List<OutcomeRunner.PrimaryTest> family) {
    if (family.isEmpty()) {
      return Optional.empty();
    }
    double[] adjusted = PValueAdjustment.of(config.multiplicity())
        .adjust(family.stream().mapToDouble(OutcomeRunner.PrimaryTest::p).toArray());
    List<EvaluationReport.AdjustedP> rows = new ArrayList<>();
    for (int i = 0; i < family.size(); i++) {
      OutcomeRunner.PrimaryTest t = family.get(i);
      rows.add(new EvaluationReport.AdjustedP(t.outcome(), t.analysis(), t.p(), adjusted[i]));
    }
    return Optional.of(new EvaluationReport.MultiplicitySection(config.multiplicity().label(), rows));
  }

  private static EvaluationReport.GroupsSection groups(Participants people, EvaluationConfig config) {
    EvaluationConfig.Groups g = config.groups();
    String kind = g.comparisonKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String design = "before-and-after within each group; comparison group (" + kind + ")"
        + (config.tenure().isPresent() ? "; survival analysis of time to readmission" : "");
    List<EvaluationReport.GroupCount> counts = List.of(
        new EvaluationReport.GroupCount(g.intervention(), config.suppression().apply(people.inGroup(g.intervention()).size())),
        new EvaluationReport.GroupCount(g.comparison(), config.suppression().apply(people.inGroup(g.comparison()).size())));
    Optional<String> rule = config.asTreated().map(a -> a.doseRule().description());
    Optional<org.outcome.evaluation.report.SuppressedCount> asTreated = config.asTreated().map(a ->
        config.suppression().apply(people.inGroup(g.intervention()).stream()
            .filter(s -> a.doseRule().accepts(people.sessions(s))).count()));
    return new EvaluationReport.GroupsSection(g.intervention(), g.comparison(), kind, design, counts, rule,
        asTreated);
  }

  /**
   * The library's version: from the jar manifest on the class path (a package in a named module has
   * no manifest attributes), else from the module descriptor, which the compiler stamps with the
   * project version.
   */
  private static String version() {
    String v = Evaluation.class.getPackage().getImplementationVersion();
    Module module = Evaluation.class.getModule();
    if (v == null && module.isNamed()) {
      v = module.getDescriptor().rawVersion().orElse(null);
    }
    return v == null ? "(development build)" : v;
  }
}
