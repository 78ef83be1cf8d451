package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.evaluation.demo.DemoData;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.internal.AdjustmentRunner;
import org.outcome.evaluation.report.AdjustmentSection;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.ReportJson;
import org.outcome.stats.balance.LogisticRegression;
import org.outcome.stats.balance.WeightedKaplanMeier;
import org.outcome.stats.balance.Weighting;
import org.outcome.stats.balance.Weighting.Estimand;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.Variance;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;

/**
 * The evaluation's propensity adjustment ({@code "adjustment"} in {@code evaluation.json}) on the
 * synthetic demonstration data, whose people file carries age, sex and earlier admissions that
 * differ between the cohorts.
 */
class AdjustmentTest {
  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.load();
  private static final AnalysisRegistry ANALYSES = AnalysisRegistry.load();
  private static final List<String> COVARIATES = List.of("age", "female", "prior_admissions");

  @TempDir Path dir;

  @BeforeEach
  void data() {
    DemoData.write(DemoSpec.standard().withPerGroup(120).withSeed(11), INSTRUMENTS, dir);
  }

  private Path config(String adjustment) throws Exception {
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, """
        {"title": "T",
         "data": {"people": "people.csv", "answers": [{"instrument": "mhcs", "file": "mhcs.csv"},
                                                       {"instrument": "swemwbs", "file": "swemwbs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "outcomes": [{"instrument": "mhcs", "primary": true, "comparison": ["welch-t"]},
                      {"instrument": "swemwbs", "comparison": ["welch-t"]}],
         "adjustment": %s}
        """.formatted(adjustment));
    return file;
  }

  private Evaluation.Reports run(String adjustment) throws Exception {
    return runFile(config(adjustment));
  }

  /** Runs the evaluation a configuration file describes, with the internal (exact) report beside the published one. */
  private static Evaluation.Reports runFile(Path file) {
    return Evaluation.of(EvaluationConfigReader.read(file, INSTRUMENTS, ANALYSES), INSTRUMENTS, ANALYSES)
        .runWithInternal(ProgressListener.silent());
  }

  /** The people file's rows as cells (the demo writes no quotes or commas inside a cell). */
  private List<String[]> people() throws Exception {
    return Files.readAllLines(dir.resolve("people.csv")).stream().map(l -> l.split(",", -1)).toList();
  }

  private void writePeople(List<String[]> rows) throws Exception {
    Files.write(dir.resolve("people.csv"), rows.stream().map(r -> String.join(",", r)).toList());
  }

  private static int column(List<String[]> rows, String name) {
    return Arrays.asList(rows.get(0)).indexOf(name);
  }

  /** The people file as the propensity model sees it: treatment, covariates, subjects, in file order. */
  private record Cohort(double[] t, List<double[]> x, List<String> subjects) {}

  private Cohort cohort() throws Exception {
    List<String[]> rows = people();
    int group = column(rows, "group");
    double[] t = rows.stream().skip(1).mapToDouble(r -> r[group].equals(DemoData.PEER) ? 1 : 0).toArray();
    List<double[]> x = new ArrayList<>();
    for (String c : COVARIATES) {
      int k = column(rows, c);
      x.add(rows.stream().skip(1).mapToDouble(r -> Double.parseDouble(r[k])).toArray());
    }
    return new Cohort(t, x, rows.stream().skip(1).map(r -> r[0]).toList());
  }

  @Test
  void theBalanceIsTheLibrarysOnThePeopleFileAndWeightingImprovesIt() throws Exception {
    EvaluationReport internal = run("""
        {"method": "iptw-att", "covariates": ["age", "female", "prior_admissions"]}""").internal();
    Cohort cohort = cohort();
    double[] t = cohort.t();
    List<double[]> x = cohort.x();
    int n = t.length;
    double[] ps = LogisticRegression.fit(t, COVARIATES, x).fitted();
    double[] w = Weighting.weights(t, ps, Estimand.ATT, false);
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    double[] before = Weighting.standardisedDifferences(t, x, ones, Estimand.ATT);
    double[] after = Weighting.standardisedDifferences(t, x, w, Estimand.ATT);
    AdjustmentSection a = internal.adjustment().orElseThrow();
    assertThat(a.estimand()).isEqualTo("ATT");
    assertThat(a.notRun()).isEmpty();
    for (int j = 0; j < COVARIATES.size(); j++) {
      AdjustmentSection.BalanceRow row = a.balance().get(j);
      assertThat(row.covariate()).isEqualTo(COVARIATES.get(j));
      assertThat(row.smdBefore()).isCloseTo(before[j], within(1e-12));
      assertThat(row.smdAfter()).isCloseTo(after[j], within(1e-12));
      assertThat(Math.abs(row.smdAfter())).isLessThan(Math.abs(row.smdBefore()));
      assertThat(row.varianceRatioBefore()).isCloseTo(Weighting.varianceRatios(t, x, ones)[j], within(1e-12));
      assertThat(row.varianceRatioAfter()).isCloseTo(Weighting.varianceRatios(t, x, w)[j], within(1e-12));
    }
    assertThat(a.commonSupport()).isEqualTo(Weighting.commonSupport(t, ps)).isBetween(0.5, 1.0);
    assertThat(a.effects()).extracting(AdjustmentSection.AdjustedEffect::outcome)
        .allSatisfy(o -> assertThat(o).containsAnyOf("Mental Health Confidence", "Warwick-Edinburgh"))
        .hasSize(2);
    assertThat(a.effects()).allSatisfy(e -> {
      assertThat(e.lower()).isLessThan(e.difference());
      assertThat(e.upper()).isGreaterThan(e.difference());
      assertThat(e.se()).isPositive();
    });
    assertThat(internal.methods()).extracting(EvaluationReport.MethodNote::name).contains("Propensity score adjustment");
  }

  @Test
  void thePublishedSectionSuppressesItsCountsAndTheHtmlHasALovePlot() throws Exception {
    EvaluationReport published = run("""
        {"method": "iptw-ate", "covariates": ["age", "female", "prior_admissions"]}""").published();
    AdjustmentSection a = published.adjustment().orElseThrow();
    List<EvaluationReport.GroupCount> counts = new ArrayList<>(a.people());
    counts.addAll(a.effectiveSize());
    a.effects().forEach(e -> counts.addAll(e.people()));
    // the demo's suppression rounds every published count to a multiple of 5
    assertThat(counts).isNotEmpty().allSatisfy(c -> assertThat(c.count().value().orElseThrow() % 5).isZero());
    String html = ReportHtml.toHtml(published);
    assertThat(html).contains("Adjusting for differences between the groups").contains("class=\"love-row\"");
    assertThat(html.split("class=\"love-row\"", -1)).hasSize(COVARIATES.size() + 1);
  }

  @Test
  void aMissingOrNonNumericCovariateLeavesThePersonOutOfTheAdjustmentOnlyAndIsNeverEchoed() throws Exception {
    List<String[]> rows = new ArrayList<>(people());
    int age = column(rows, "age");
    rows.get(3)[age] = "";
    rows.get(5)[age] = "NHS9434765919";
    rows.get(7)[age] = "x";
    writePeople(rows);
    Evaluation.Reports reports = run("""
        {"method": "iptw-att", "covariates": ["age", "female", "prior_admissions"]}""");
    AdjustmentSection a = reports.internal().adjustment().orElseThrow();
    assertThat(a.leftOut()).extracting(r -> r.reason() + " " + r.count().text())
        .containsExactlyInAnyOrder("covariate age: empty 1", "covariate age: not a number 2");
    long adjusted = a.people().stream().mapToLong(c -> c.count().value().orElseThrow()).sum();
    assertThat(adjusted).isEqualTo(rows.size() - 1 - 3);
    String everything = ReportJson.toJson(reports.internal()) + ReportHtml.toHtml(reports.published());
    assertThat(everything).doesNotContain("NHS9434765919");
  }

  @Test
  void separationIsReportedAsAnAdjustmentNotMadeAndTheEvaluationGoesOn() throws Exception {
    List<String[]> rows = new ArrayList<>(people());
    int group = column(rows, "group");
    List<String[]> withFlag = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] r = Arrays.copyOf(rows.get(i), rows.get(i).length + 1);
      r[r.length - 1] = i == 0 ? "referred_by_peer" : rows.get(i)[group].equals(DemoData.PEER) ? "1" : "0";
      withFlag.add(r);
    }
    writePeople(withFlag);
    EvaluationReport internal = run("""
        {"method": "iptw-att", "covariates": ["age", "referred_by_peer"]}""").internal();
    AdjustmentSection a = internal.adjustment().orElseThrow();
    assertThat(a.notRun()).hasValueSatisfying(r -> assertThat(r.message()).contains("referred_by_peer"));
    assertThat(a.balance()).isEmpty();
    assertThat(a.effects()).isEmpty();
    assertThat(internal.warnings()).extracting(Warning::code).contains(AdjustmentRunner.NOT_MADE);
    assertThat(internal.outcomes()).hasSize(2);
  }

  @Test
  void matchingGivesMatchedCountsTheCaliperAndClusteredErrors() throws Exception {
    EvaluationReport internal = run("""
        {"method": "match", "covariates": ["age", "female", "prior_admissions"], "caliper": 0.2}""").internal();
    AdjustmentSection a = internal.adjustment().orElseThrow();
    assertThat(a.matched()).hasSize(2);
    assertThat(a.caliperWidth()).isPresent();
    long treatedMatched = a.matched().get(0).count().value().orElseThrow();
    long controlsMatched = a.matched().get(1).count().value().orElseThrow();
    assertThat(treatedMatched).isEqualTo(controlsMatched).isPositive();
    assertThat(a.effects()).isNotEmpty().allSatisfy(e -> assertThat(e.seKind()).contains("matched set"));
  }

  @Test
  void matchingEveryControlOneToOneCannotBalanceAndWarnsByCovariate() throws Exception {
    // equal groups matched 1:1 without replacement and without a caliper use every control, so the
    // matched sample is the whole sample and the imbalance stays
    EvaluationReport internal = run("""
        {"method": "match", "covariates": ["age", "female", "prior_admissions"]}""").internal();
    AdjustmentSection a = internal.adjustment().orElseThrow();
    assertThat(a.balance()).allSatisfy(b -> assertThat(b.smdAfter()).isCloseTo(b.smdBefore(), within(1e-12)));
    List<String> imbalanced = a.balance().stream().filter(AdjustmentSection.BalanceRow::imbalanced)
        .map(AdjustmentSection.BalanceRow::covariate).toList();
    assertThat(imbalanced).isNotEmpty();
    assertThat(internal.warnings()).filteredOn(w -> w.code().equals(AdjustmentRunner.IMBALANCE))
        .extracting(Warning::message).hasSize(imbalanced.size())
        .allSatisfy(m -> assertThat(imbalanced).anySatisfy(c -> assertThat(m).contains("covariate " + c + " ")));
  }

  /**
   * The adjusted survival without readmission equals each group's weighted Kaplan-Meier curve
   * computed here from the same files: tenure derived by the tenure library, ATT weights from the
   * propensity model on the people file. Published, a day with fewer than {@code minAtRisk} people
   * at risk is withheld.
   */
  @Test
  void adjustedSurvivalIsTheWeightedCurveOfTenureAndThinDaysAreWithheld() throws Exception {
    DemoSpec spec = DemoSpec.standard().withPerGroup(120).withSeed(11);
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, """
        {"title": "T",
         "data": {"people": "people.csv", "episodes": "episodes.csv"},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "tenure": {"windowDays": 1095, "gapDays": 1, "extractionDate": "%s", "analyses": ["kaplan-meier"],
                    "atDays": [30, 365, 1095]},
         "adjustment": {"method": "iptw-att", "covariates": ["age", "female", "prior_admissions"]},
         "disclosure": {"minAtRisk": 60}}
        """.formatted(spec.extractionDate()));
    Evaluation.Reports reports = runFile(file);
    TenureResults tenure = tenure(spec);
    java.util.Map<String, Double> weightOf = attWeights();
    List<AdjustmentSection.AdjustedSurvival> internal = reports.internal().adjustment().orElseThrow().tenure();
    assertThat(internal).hasSize(6);
    for (String g : List.of(DemoData.PEER, DemoData.USUAL)) {
      List<org.outcome.tenure.TenureResult> members = tenure.people().stream()
          .filter(r -> r.included() && r.group().orElseThrow().equals(g)).toList();
      WeightedKaplanMeier.Curve curve = WeightedKaplanMeier.fit(
          members.stream().mapToDouble(r -> r.time().orElseThrow()).toArray(),
          booleans(members.stream().map(r -> r.event().orElseThrow()).toList()),
          members.stream().mapToDouble(r -> weightOf.get(r.subject().value())).toArray(), 0.95);
      for (AdjustmentSection.AdjustedSurvival s : internal.stream().filter(s -> s.group().equals(g)).toList()) {
        assertThat(s.survival()).as(g + " day " + s.day()).isCloseTo(curve.survivalAt(s.day()), within(1e-12));
      }
    }
    List<AdjustmentSection.AdjustedSurvival> published = reports.published().adjustment().orElseThrow().tenure();
    assertThat(published).anySatisfy(s -> assertThat(s.survival()).isNaN())
        .anySatisfy(s -> assertThat(s.survival()).isNotNaN());
    for (int i = 0; i < published.size(); i++) {
      boolean enough = internal.get(i).atRisk().value().orElseThrow() >= 60;
      assertThat(Double.isNaN(published.get(i).survival())).as("day " + published.get(i).day()).isEqualTo(!enough);
    }
  }

  /**
   * The adjusted hazard ratio is the weighted Cox model (robust variance) of the tenure library's
   * times on the intervention group, with the ATT weights of the propensity model on the people
   * file, computed here; published, it is withheld when a group has fewer than {@code minEvents}
   * readmissions, and the HTML says so without a number.
   */
  @Test
  void adjustedHazardRatioIsTheWeightedCoxModelAndFewReadmissionsWithholdIt() throws Exception {
    DemoSpec spec = DemoSpec.standard().withPerGroup(120).withSeed(11);
    String tenureConfig = """
        {"title": "T",
         "data": {"people": "people.csv", "episodes": "episodes.csv"},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "tenure": {"windowDays": 1095, "gapDays": 1, "extractionDate": "%s", "analyses": ["kaplan-meier"],
                    "atDays": [365]},
         "adjustment": {"method": "iptw-att", "covariates": ["age", "female", "prior_admissions"]},
         "disclosure": {"minEvents": %d}}
        """;
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, tenureConfig.formatted(spec.extractionDate(), 5));
    Evaluation.Reports reports = runFile(file);
    TenureResults tenure = tenure(spec);
    java.util.Map<String, Double> weightOf = attWeights();
    List<org.outcome.tenure.TenureResult> members = tenure.people().stream().filter(r -> r.included()).toList();
    double[] treated = members.stream().mapToDouble(r -> r.group().orElseThrow().equals(DemoData.PEER) ? 1 : 0)
        .toArray();
    SurvivalSample sample = SurvivalSample.builder(members.stream().mapToDouble(r -> r.time().orElseThrow()).toArray(),
        booleans(members.stream().map(r -> r.event().orElseThrow()).toList())).covariate("x", treated).build();
    CoxPh.Result cox = CoxPh.withDefaults().withVariance(Variance.ROBUST)
        .fit(sample, members.stream().mapToDouble(r -> weightOf.get(r.subject().value())).toArray());
    CoxTerm expected = cox.terms().get(0);

    AdjustmentSection.AdjustedHazardRatio internal = reports.internal().adjustment().orElseThrow().hazardRatio()
        .orElseThrow();
    assertThat(internal.hazardRatio()).isCloseTo(expected.hazardRatio(), within(1e-12));
    assertThat(internal.se()).isCloseTo(expected.se(), within(1e-12));
    assertThat(internal.lower()).isCloseTo(expected.hazardRatioInterval().lower(), within(1e-12));
    assertThat(internal.upper()).isCloseTo(expected.hazardRatioInterval().upper(), within(1e-12));
    assertThat(internal.p()).isCloseTo(expected.p(), within(1e-12));
    long peerEvents = members.stream().filter(r -> r.group().orElseThrow().equals(DemoData.PEER)
        && r.event().orElseThrow()).count();
    assertThat(internal.events().get(0).count().value()).hasValue(peerEvents);
    AdjustmentSection.AdjustedHazardRatio published = reports.published().adjustment().orElseThrow().hazardRatio()
        .orElseThrow();
    assertThat(published.hazardRatio()).isNotNaN();
    assertThat(published.lower()).isLessThanOrEqualTo(internal.lower());
    assertThat(published.upper()).isGreaterThanOrEqualTo(internal.upper());

    long fewest = Math.min(peerEvents, internal.events().get(1).count().value().orElseThrow());
    Files.writeString(file, tenureConfig.formatted(spec.extractionDate(), fewest + 1));
    Evaluation.Reports thin = runFile(file);
    AdjustmentSection.AdjustedHazardRatio withheld = thin.published().adjustment().orElseThrow().hazardRatio()
        .orElseThrow();
    assertThat(List.of(withheld.hazardRatio(), withheld.se(), withheld.lower(), withheld.upper(), withheld.p()))
        .allSatisfy(v -> assertThat(v).isNaN());
    assertThat(ReportHtml.toHtml(thin.published())).contains("withheld (too few readmissions)");
  }

  /** Community tenure of the demo's files, derived here by the tenure library as the evaluation derives it. */
  private TenureResults tenure(DemoSpec spec) {
    return EvaluationData.files().tenure(TableLocation.of(dir.resolve("people.csv")),
        TableLocation.of(dir.resolve("episodes.csv")), TenureOptions.withDefaults().withWindowDays(1095).withGapDays(1)
            .withExtractionDate(spec.extractionDate()));
  }

  /** Each subject's ATT weight from the propensity model on the people file, computed here. */
  private java.util.Map<String, Double> attWeights() throws Exception {
    Cohort cohort = cohort();
    double[] w = Weighting.weights(cohort.t(), LogisticRegression.fit(cohort.t(), COVARIATES, cohort.x()).fitted(),
        Estimand.ATT, false);
    java.util.Map<String, Double> weightOf = new java.util.HashMap<>();
    for (int i = 0; i < cohort.subjects().size(); i++) {
      weightOf.put(cohort.subjects().get(i), w[i]);
    }
    return weightOf;
  }

  private static boolean[] booleans(List<Boolean> values) {
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  @Test
  void aBadAdjustmentIsRefusedByItsPathBeforeAnyWork() throws Exception {
    for (String[] bad : List.of(
        new String[] {"{\"method\": \"propensity\", \"covariates\": [\"age\"]}", "adjustment.method"},
        new String[] {"{\"method\": \"iptw-att\", \"covariates\": [\"age\"], \"ratio\": 2}", "adjustment"},
        new String[] {"{\"method\": \"match\", \"covariates\": []}", "adjustment.covariates"},
        new String[] {"{\"method\": \"match\", \"covariates\": [\"age\", \"age\"]}", "adjustment.covariates"},
        new String[] {"{\"method\": \"match\", \"covariates\": [\"age\", \"height\"]}", "adjustment.covariates[1]"},
        new String[] {"{\"covariates\": [\"age\"]}", "adjustment.method"})) {
      Path file = config(bad[0]);
      assertThatThrownBy(() -> EvaluationConfigReader.read(file, INSTRUMENTS, ANALYSES)).as(bad[0])
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
              .extracting(Violation::location).contains(bad[1]));
    }
  }

  /**
   * Tenure with every readmission and with death competing: the recurrent analyses and the
   * mean-readmissions curves are the library's on the tenure library's community intervals, the
   * competing ones its cumulative incidence on time to the first of readmission and death, both
   * computed here from the same files; the HTML draws both charts; the published curves keep no
   * exact numbers at risk.
   */
  @Test
  void recurrentAndCompetingTenureAnalysesAreTheLibrarysOnTheTenureShapes() throws Exception {
    DemoSpec spec = DemoSpec.standard().withPerGroup(120).withSeed(11);
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, """
        {"title": "T",
         "data": {"people": "people.csv", "episodes": "episodes.csv"},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "tenure": {"windowDays": 1095, "gapDays": 1, "extractionDate": "%s",
                    "analyses": ["andersen-gill", "recurrent-rates", "cumulative-incidence", "fine-gray"],
                    "atDays": [90, 365, 1095]}}
        """.formatted(spec.extractionDate()));
    Evaluation.Reports reports = runFile(file);
    TenureResults tenure = tenure(spec);
    List<org.outcome.tenure.TenureResult> included = tenure.people().stream().filter(r -> r.included()).toList();
    List<Double> start = new ArrayList<>();
    List<Double> stop = new ArrayList<>();
    List<Boolean> event = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (org.outcome.tenure.TenureResult r : included) {
      for (org.outcome.tenure.Interval i : r.communityIntervals()) {
        start.add((double) i.start());
        stop.add((double) i.stop());
        event.add(i.event());
        ids.add(r.subject().value());
        groups.add(r.group().orElseThrow());
      }
    }
    List<String> levels = List.of(DemoData.USUAL, DemoData.PEER);
    org.outcome.api.sample.CountingProcessSample rows = org.outcome.api.sample.CountingProcessSample.builder(
        start.stream().mapToDouble(Double::doubleValue).toArray(), stop.stream().mapToDouble(Double::doubleValue).toArray(),
        booleans(event)).id(org.outcome.api.sample.Factor.of(ids.toArray(String[]::new)))
        .group(org.outcome.api.sample.Factor.withLevels(groups.toArray(String[]::new), levels)).build();
    CoxPh.Result ag = CoxPh.withDefaults().fit(rows);
    org.outcome.evaluation.report.TenureSection section = reports.internal().tenure().orElseThrow();
    org.outcome.evaluation.report.AnalysisEntry entry = section.analyses().stream()
        .filter(e -> e.analysis().value().equals("andersen-gill")).findFirst().orElseThrow();
    assertThat(entry.estimate().orElseThrow().value()).isCloseTo(ag.terms().get(0).hazardRatio(), within(1e-12));
    assertThat(entry.warnings()).isEmpty(); // no concordance or zph asked for, so none said to be missing
    for (org.outcome.stats.survival.recurrent.MeanCumulativeFunction.Curve c
        : org.outcome.stats.survival.recurrent.MeanCumulativeFunction.fit(rows)) {
      org.outcome.evaluation.report.TenureSection.Curve reported = section.meanReadmissions().stream()
          .filter(x -> x.group().equals(c.group())).findFirst().orElseThrow();
      for (int k = 0; k < 3; k++) {
        double day = List.of(90.0, 365.0, 1095.0).get(k);
        assertThat(reported.survivalAt().get(k)).isCloseTo(c.meanAt(day), within(1e-12));
      }
    }
    double[] time = included.stream().mapToDouble(r -> r.time().getAsInt()).toArray();
    int[] status = included.stream().mapToInt(r -> r.competingStatus().getAsInt()).toArray();
    assertThat(status).contains(2);
    org.outcome.api.sample.CompetingRisksSample competing = org.outcome.api.sample.CompetingRisksSample
        .builder(time, status).group(org.outcome.api.sample.Factor.withLevels(
            included.stream().map(r -> r.group().orElseThrow()).toArray(String[]::new), levels)).build();
    org.outcome.stats.survival.competing.CumulativeIncidence.Result cif =
        org.outcome.stats.survival.competing.CumulativeIncidence.fit(competing);
    for (org.outcome.evaluation.report.TenureSection.Curve reported : section.incidence()) {
      org.outcome.stats.survival.competing.CumulativeIncidence.Curve c = cif.curve(reported.group(), 1).orElseThrow();
      assertThat(reported.survivalAt().get(1)).isCloseTo(c.at(365).orElseThrow(), within(1e-12));
    }
    org.outcome.evaluation.report.AnalysisEntry gray = section.analyses().stream()
        .filter(e -> e.analysis().value().equals("cumulative-incidence")).findFirst().orElseThrow();
    assertThat(gray.test().orElseThrow().p()).isCloseTo(cif.test(1).orElseThrow().p(), within(1e-12));
    String html = ReportHtml.toHtml(reports.published());
    assertThat(html).contains("mean cumulative readmissions per person").contains("cumulative incidence");
    assertThat(reports.published().tenure().orElseThrow().meanReadmissions())
        .allSatisfy(c -> assertThat(c.nRisk()).isEmpty());
  }
}
