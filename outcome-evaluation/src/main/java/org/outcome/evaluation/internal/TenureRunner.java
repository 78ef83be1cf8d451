package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.outcome.api.AnalysisId;
import org.outcome.api.OutcomeException;
import org.outcome.api.Violation;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.Sample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationData;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport.InputAccount;
import org.outcome.evaluation.report.EvaluationReport.RejectedInput;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.ReportWarnings;
import org.outcome.evaluation.report.SuppressedCount;
import org.outcome.evaluation.report.Suppression;
import org.outcome.evaluation.report.TenureSection;
import org.outcome.tenure.BedDayComparator;
import org.outcome.tenure.BedDaysSaved;
import org.outcome.tenure.InputFile;
import org.outcome.tenure.Rejection;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResult;
import org.outcome.tenure.TenureResults;
import org.outcome.tenure.TenureSurvivalSample;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.KaplanMeierCurve;
import org.outcome.stats.survival.MedianSurvival;
import org.outcome.stats.survival.competing.CumulativeIncidence;
import org.outcome.stats.survival.recurrent.MeanCumulativeFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs community tenure: derives time to readmission, bed-days and readmissions from the hospital
 * episodes, then runs the configured analyses on the right data for each: time to first
 * readmission ({@link SurvivalSample}, with the group as a factor whose first level is the
 * comparison group, so that hazard ratios (the group enters a Cox model with treatment coding) and
 * RMST differences are intervention against comparison), readmissions per
 * person-year in the community ({@link PersonTimeCounts}, intervention first) and readmission
 * within the horizon ({@link TwoByTwoTable}, intervention as the exposed row, people censored
 * before the horizon left out and counted).
 */
public final class TenureRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TenureRunner.class);
  private static final double DAYS_PER_YEAR = BedDaysSaved.DAYS_PER_YEAR;

  private final EvaluationConfig config;
  private final EvaluationConfig.Tenure spec;
  private final AnalysisRegistry analyses;
  private final Suppression suppression;
  private final ReportWarningLog warnings;
  private final EvaluationData data;

  /**
   * @param data derives tenure from the people and episodes files
   * @param warnings receives every warning worth a reader's attention
   */
  public TenureRunner(EvaluationConfig config, AnalysisRegistry analyses, EvaluationData data,
      List<Warning> warnings) {
    this.config = config;
    this.data = data;
    this.spec = config.tenure().orElseThrow();
    this.analyses = analyses;
    this.suppression = config.suppression();
    this.warnings = new ReportWarningLog(warnings, LOG);
  }

  /** What tenure contributes to the report. */
  public record Tenure(TenureSection section, Optional<OutcomeRunner.PrimaryTest> primaryTest) {}

  /** Runs tenure, adding the people and episodes files' accounting to {@code accounts}. */
  public Tenure run(Accounts accounts) {
    return run(accounts, Optional.empty());
  }

  /**
   * Runs tenure, and gives the included people's times to the propensity adjustment when there is
   * one (its weighted curves).
   */
  public Tenure run(Accounts accounts, Optional<AdjustmentRunner> adjustment) {
    TenureOptions options = TenureOptions.withDefaults().withWindowDays(spec.windowDays()).withGapDays(spec.gapDays());
    if (spec.extractionDate().isPresent()) {
      options = options.withExtractionDate(spec.extractionDate().get());
    }
    TenureResults results = data.tenure(config.data().people(), config.data().episodes().orElseThrow(), options);
    account(results, accounts);

    String intervention = config.groups().intervention();
    String comparison = config.groups().comparison();
    // the comparison group is the first level, so that hazard ratios and RMST differences are
    // intervention against comparison
    TenureSurvivalSample survival = results.toSurvivalSample(List.of(comparison, intervention));
    SurvivalSample sample = survival.sample();
    List<TenureResult> included = results.people().stream()
        .filter(r -> r.included() && r.group().filter(g -> g.equals(intervention) || g.equals(comparison)).isPresent())
        .toList();
    List<OutcomeSection.Reason> excluded = new TreeMap<>(survival.excludedByFlag()).entrySet().stream()
        .map(e -> new OutcomeSection.Reason(e.getKey().label(), suppression.apply(e.getValue()))).toList();

    adjustment.ifPresent(a -> a.addTenure(included, spec.atDays()));
    KaplanMeier.Result km = KaplanMeier.withDefaults().withConfLevel(config.confLevel()).fit(sample);
    List<TenureSection.Curve> curves = new ArrayList<>();
    List<TenureSection.GroupTenure> groups = new ArrayList<>();
    for (String group : List.of(intervention, comparison)) {
      List<TenureResult> members = included.stream().filter(r -> r.group().orElseThrow().equals(group)).toList();
      Optional<KaplanMeierCurve> curve = km.curve(group);
      curve.ifPresent(c -> curves.add(curve(group, c)));
      groups.add(groupTotals(group, members, curve.map(KaplanMeierCurve::median)));
    }

    AnalysisSettings settings = AnalysisSettings.defaults().withConfLevel(config.confLevel()).withHorizon(spec.rmstTau());
    List<AnalysisEntry> entries = new ArrayList<>();
    Optional<OutcomeRunner.PrimaryTest> primary = Optional.empty();
    CountingProcessSample recurrent = null;
    CompetingRisksSample competing = null;
    for (AnalysisId id : spec.analyses()) {
      Analysis<?> analysis = analyses.require(id);
      Class<? extends Sample> type = analysis.sampleType();
      if (type == CountingProcessSample.class && recurrent == null) {
        recurrent = recurrent(included);
      }
      if (type == CompetingRisksSample.class && competing == null) {
        competing = competing(included);
      }
      Sample data = type == SurvivalSample.class ? sample
          : type == PersonTimeCounts.class ? personTime(included)
          : type == CountingProcessSample.class ? recurrent
          : type == CompetingRisksSample.class ? competing
          : readmissionTable(included);
      AnalysisEntry entry = run(analysis, data, settings, describe(analysis.sampleType()));
      entries.add(entry);
      if (primary.isEmpty() && entry.test().isPresent() && analysis.sampleType() == SurvivalSample.class) {
        primary = Optional.of(new OutcomeRunner.PrimaryTest("Time to psychiatric readmission", entry.name(),
            entry.test().get().p()));
      }
    }

    List<TenureSection.ReadmissionRow> table = List.of(
        readmissionRow(intervention, included), readmissionRow(comparison, included));
    Optional<TenureSection.BedDays> bedDays = spec.comparator().map(c -> bedDays(included, c));
    Optional<TenureSection.CostOffset> costs = spec.costs().flatMap(c -> bedDays.map(b -> new TenureSection.CostOffset(
        c.currency(), c.bedDayCost(), b.saved(), b.saved() * c.bedDayCost(), c.peerSupportCost(),
        b.saved() * c.bedDayCost() - c.peerSupportCost(), c.source())));
    List<TenureSection.Curve> mean = recurrent == null ? List.of() : meanReadmissions(recurrent);
    List<TenureSection.Curve> incidence = competing == null ? List.of() : incidence(competing);
    TenureSection section = new TenureSection(rules(options), excluded, groups, curves, spec.atDays(), entries, table,
        bedDays, costs, mean, incidence);
    return new Tenure(section, primary);
  }

  private void account(TenureResults results, Accounts accounts) {
    String peopleFile = config.data().people().name() + " (community tenure)";
    String episodesFile = config.data().episodes().orElseThrow().name();
    List<RejectedInput> peopleRows = new ArrayList<>();
    List<RejectedInput> episodeRows = new ArrayList<>();
    for (Rejection r : results.rejected()) {
      List<String> reasons = r.reasons().stream().map(Violation::toString).toList();
      if (r.file() == InputFile.PEOPLE) {
        peopleRows.add(new RejectedInput(peopleFile, r.row(), reasons));
      } else {
        episodeRows.add(new RejectedInput(episodesFile, r.row(), reasons));
      }
    }
    accounts.add(new InputAccount(peopleFile, results.peopleCounts().read(), results.peopleCounts().accepted(),
        results.peopleCounts().rejected(), Optional.of("read again with the date checks community tenure needs")),
        peopleRows);
    Optional<String> note = results.episodesOutsideSettings() > 0
        ? Optional.of(results.episodesOutsideSettings() + " accepted episodes are in settings not counted (not psychiatric)")
        : Optional.empty();
    accounts.add(new InputAccount(episodesFile, results.episodeCounts().read(), results.episodeCounts().accepted(),
        results.episodeCounts().rejected(), note), episodeRows);
  }

  /** The group factor of the included people, comparison first (the reference level). */
  private Factor groupFactor(String[] levels) {
    return Factor.withLevels(levels, List.of(config.groups().comparison(), config.groups().intervention()));
  }

  /** Every readmission: the included people's time in the community between stays, one row per interval. */
  private CountingProcessSample recurrent(List<TenureResult> included) {
    List<double[]> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (TenureResult r : included) {
      for (org.outcome.tenure.Interval i : r.communityIntervals()) {
        rows.add(new double[] {i.start(), i.stop(), i.event() ? 1 : 0});
        ids.add(r.subject().value());
        group.add(r.group().orElseThrow());
      }
    }
    int n = rows.size();
    double[] start = new double[n];
    double[] stop = new double[n];
    boolean[] event = new boolean[n];
    for (int k = 0; k < n; k++) {
      start[k] = rows.get(k)[0];
      stop[k] = rows.get(k)[1];
      event[k] = rows.get(k)[2] == 1;
    }
    return CountingProcessSample.builder(start, stop, event).id(Factor.of(ids.toArray(String[]::new)))
        .group(groupFactor(group.toArray(String[]::new))).build();
  }

  /** Time to the first of readmission (cause 1) and death (cause 2) of the included people. */
  private CompetingRisksSample competing(List<TenureResult> included) {
    double[] time = new double[included.size()];
    int[] status = new int[included.size()];
    String[] group = new String[included.size()];
    for (int i = 0; i < time.length; i++) {
      TenureResult r = included.get(i);
      time[i] = r.time().getAsInt();
      status[i] = r.competingStatus().getAsInt();
      group[i] = r.group().orElseThrow();
    }
    return CompetingRisksSample.builder(time, status).group(groupFactor(group)).build();
  }

  /** Each group's mean cumulative readmissions, intervention first, with its numbers at risk. */
  private List<TenureSection.Curve> meanReadmissions(CountingProcessSample rows) {
    List<TenureSection.Curve> out = new ArrayList<>();
    List<MeanCumulativeFunction.Curve> fits = MeanCumulativeFunction.fit(rows, config.confLevel());
    for (String group : List.of(config.groups().intervention(), config.groups().comparison())) {
      fits.stream().filter(c -> c.group().equals(group)).findFirst().ifPresent(c -> {
        List<Double> at = spec.atDays().stream().map(d -> c.meanAt(d)).toList();
        List<SuppressedCount> risk = spec.atDays().stream().map(d -> suppression.apply(atRisk(rows, group, d))).toList();
        out.add(TenureSection.Curve.exact(group, c.times(), c.mean(), c.lower(), c.upper(), at, risk, c.atRisk(),
            c.events()));
      });
    }
    return out;
  }

  /** People of a group with an interval covering day {@code d} ({@code start < d <= stop}). */
  private static long atRisk(CountingProcessSample rows, String group, double d) {
    long n = 0;
    Factor g = rows.atStop().group().orElseThrow();
    for (int i = 0; i < rows.size(); i++) {
      if (g.level(i).equals(group) && rows.start(i) < d && rows.atStop().time(i) >= d) {
        n++;
      }
    }
    return n;
  }

  /** Each group's cumulative incidence of readmission, intervention first, with its numbers at risk. */
  private List<TenureSection.Curve> incidence(CompetingRisksSample sample) {
    List<TenureSection.Curve> out = new ArrayList<>();
    CumulativeIncidence.Result fit = CumulativeIncidence.fit(sample);
    Factor g = sample.group().orElseThrow();
    for (String group : List.of(config.groups().intervention(), config.groups().comparison())) {
      fit.curve(group, 1).ifPresent(c -> {
        double[] t = c.times();
        double[] f = c.estimate();
        double[][] limits = c.limits(config.confLevel());
        // at risk at jump j: the people whose time is at or after it (a histogram of how many
        // jumps each person's time covers, summed from the top)
        long[] covering = new long[t.length + 1];
        long[] nEvent = new long[t.length];
        for (int i = 0; i < sample.size(); i++) {
          if (!g.level(i).equals(group)) {
            continue;
          }
          int k = java.util.Arrays.binarySearch(t, sample.time(i));
          covering[k >= 0 ? k + 1 : -k - 1]++;
          if (k >= 0 && sample.status(i) == 1) {
            nEvent[k]++;
          }
        }
        long[] nRisk = new long[t.length];
        long running = covering[t.length];
        for (int j = t.length - 1; j >= 0; j--) {
          nRisk[j] = running;
          running += covering[j];
        }
        List<Double> at = spec.atDays().stream().map(d -> c.at(d).orElse(Double.NaN)).toList();
        List<SuppressedCount> risk = spec.atDays().stream().map(d -> suppression.apply(
            java.util.stream.IntStream.range(0, sample.size()).filter(i -> g.level(i).equals(group)
                && sample.time(i) >= d).count())).toList();
        out.add(TenureSection.Curve.exact(group, t, f, limits[0], limits[1], at, risk, nRisk, nEvent));
      });
    }
    return out;
  }

  private PersonTimeCounts personTime(List<TenureResult> included) {
    long[] events = new long[2];
    double[] years = new double[2];
    for (TenureResult r : included) {
      int k = r.group().orElseThrow().equals(config.groups().intervention()) ? 0 : 1;
      events[k] += r.readmissions();
      years[k] += r.daysInCommunity() / DAYS_PER_YEAR;
    }
    return new PersonTimeCounts(events[0], years[0], events[1], years[1]);
  }

  /** 0: readmitted within the horizon; 1: known not to be; 2: censored before it (unknown). */
  private int horizonClass(TenureResult r) {
    return r.timeToReadmission().orElseThrow().readmittedWithin(spec.readmissionHorizonDays())
        .map(readmitted -> readmitted ? 0 : 1).orElse(2);
  }

  private TwoByTwoTable readmissionTable(List<TenureResult> included) {
    long[][] cells = new long[2][2];
    for (TenureResult r : included) {
      int row = r.group().orElseThrow().equals(config.groups().intervention()) ? 0 : 1;
      int column = horizonClass(r);
      if (column < 2) {
        cells[row][column]++;
      }
    }
    return TwoByTwoTable.of(cells[0][0], cells[0][1], cells[1][0], cells[1][1]);
  }

  private TenureSection.ReadmissionRow readmissionRow(String group, List<TenureResult> included) {
    long[] counts = new long[3];
    included.stream().filter(r -> r.group().orElseThrow().equals(group)).forEach(r -> counts[horizonClass(r)]++);
    return new TenureSection.ReadmissionRow(group, suppression.apply(counts[0]), suppression.apply(counts[1]),
        suppression.apply(counts[2]));
  }

  private AnalysisEntry run(Analysis<?> analysis, Sample data, AnalysisSettings settings, String set) {
    String group = config.groups().intervention() + " vs " + config.groups().comparison();
    try {
      AnalysisResult result = analyses.run(analysis.id(), data, settings);
      result.warnings().forEach(w -> warnings.note(w.code(), analysis.name() + " (tenure): " + w.message()));
      return AnalysisEntry.of(analysis.id(), analysis.name(), set, Optional.empty(), group, result, suppression);
    } catch (OutcomeException e) {
      warnings.warn(ReportWarnings.NOT_RUN, analysis.name() + " (tenure) was not run: " + e.getMessage());
      return AnalysisEntry.notRun(analysis.id(), analysis.name(), set, Optional.empty(), group, e);
    } catch (RuntimeException e) {
      // a plugin's bug must not lose the whole evaluation: this analysis is marked not run
      AnalysisEntry entry = AnalysisEntry.failed(analysis.id(), analysis.name(), set, Optional.empty(), group, e);
      warnings.failed(analysis.name() + " (tenure) was not run: " + entry.reason().orElseThrow().message(), e);
      return entry;
    }
  }

  private String describe(Class<? extends Sample> type) {
    if (type == PersonTimeCounts.class) {
      return "readmissions per person-year in the community";
    }
    if (type == TwoByTwoTable.class) {
      return "readmitted within " + spec.readmissionHorizonDays() + " days (people censored earlier left out)";
    }
    if (type == CountingProcessSample.class) {
      return "every psychiatric readmission (time in the community between stays)";
    }
    if (type == CompetingRisksSample.class) {
      return "time to the first of psychiatric readmission and death";
    }
    return "time to first psychiatric readmission";
  }

  private TenureSection.Curve curve(String group, KaplanMeierCurve c) {
    List<Double> at = spec.atDays().stream().map(t -> c.survivalAt(t)).toList();
    return TenureSection.Curve.exact(group, c.time(), c.survival(), c.lower(), c.upper(), at,
        spec.atDays().stream().map(t -> suppression.apply(c.atRisk(t))).toList(), c.nRisk(), c.nEvent());
  }

  private TenureSection.GroupTenure groupTotals(String group, List<TenureResult> members, Optional<MedianSurvival> median) {
    long readmitted = members.stream().filter(r -> r.event().orElse(false)).count();
    long readmissions = members.stream().mapToLong(TenureResult::readmissions).sum();
    double years = members.stream().mapToLong(TenureResult::daysFollowed).sum() / DAYS_PER_YEAR;
    double community = members.stream().mapToLong(TenureResult::daysInCommunity).sum() / DAYS_PER_YEAR;
    long beds = members.stream().mapToLong(TenureResult::bedDays).sum();
    return new TenureSection.GroupTenure(group, suppression.apply(members.size()), suppression.apply(readmitted),
        suppression.apply(members.size() - readmitted), suppression.apply(readmissions), years, community,
        suppression.apply(beds), median.map(MedianSurvival::median).orElse(OptionalDouble.empty()),
        median.map(MedianSurvival::lower).orElse(OptionalDouble.empty()),
        median.map(MedianSurvival::upper).orElse(OptionalDouble.empty()));
  }

  private TenureSection.BedDays bedDays(List<TenureResult> included, EvaluationConfig.Comparator c) {
    String group = config.groups().intervention();
    BedDayComparator comparator = BedDayComparator.ofAdmissions(c.admissionsPerPersonYear(), c.meanLengthOfStayDays(),
        c.source());
    BedDaysSaved saved = BedDaysSaved.of(included.stream().filter(r -> r.group().orElseThrow().equals(group)).toList(),
        comparator);
    return new TenureSection.BedDays(group, saved.personYears(), suppression.apply(saved.observedBedDays()),
        saved.expectedBedDays(), saved.saved(), c.admissionsPerPersonYear() + " admissions per person-year with a mean stay"
            + " of " + c.meanLengthOfStayDays() + " days (" + c.source() + ")");
  }

  private static List<String> rules(TenureOptions options) {
    List<String> rules = new ArrayList<>();
    rules.add("Follow-up runs from the index discharge to the earliest of end of observation, death, the end of the "
        + options.windowDays().orElse(0) + "-day window" + options.extractionDate().map(d -> " and the extraction date "
        + d).orElse("") + ".");
    rules.add("Episodes that overlap or start within " + options.gapDays() + " day(s) of the previous discharge are"
        + " one stay (a transfer); only " + options.settings().toString().toLowerCase(java.util.Locale.ROOT)
        + " stays count.");
    rules.add("A readmission is a stay admitted after the index date and within follow-up; time to readmission is"
        + " admission date minus index date, censored at the end of follow-up without one.");
    rules.add("Bed-days are hospital nights within follow-up; days in the community are days followed minus bed-days.");
    rules.add("People in hospital on the index date, with no follow-up, or with a rejected episode row are left out"
        + " of time to readmission and counted.");
    return rules;
  }
}
