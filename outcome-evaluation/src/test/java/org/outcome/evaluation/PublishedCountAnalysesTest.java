package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.Disclosure;
import org.outcome.evaluation.report.DisclosurePolicy;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.Suppression;
import org.outcome.evaluation.report.TenureSection;
import org.outcome.stats.tables.RateRatioTest;
import org.outcome.stats.tables.RiskComparison;

/**
 * The analyses of counts in the published report (the readmission table's, the rate ratio) are
 * those of the counts as published, and tenure analyses are published without numbers where a
 * count they rest on is hidden.
 */
class PublishedCountAnalysesTest {
  @TempDir Path dir;

  private Demo.Result demo(DemoSpec spec) {
    return Demo.run(spec, dir, InstrumentRegistry.load(), AnalysisRegistry.load(), ProgressListener.silent());
  }

  private static AnalysisEntry entry(EvaluationReport report, String analysis) {
    return report.tenure().orElseThrow().analyses().stream().filter(e -> e.analysis().equals(AnalysisId.of(analysis)))
        .findFirst().orElseThrow();
  }

  @Test
  void theRiskRatioIsThatOfThePublishedCells() {
    Demo.Result r = demo(DemoSpec.standard());
    List<TenureSection.ReadmissionRow> rows = r.report().tenure().orElseThrow().readmissionTable();
    TwoByTwoTable published = TwoByTwoTable.of(rows.get(0).readmitted().value().getAsLong(),
        rows.get(0).notReadmitted().value().getAsLong(), rows.get(1).readmitted().value().getAsLong(),
        rows.get(1).notReadmitted().value().getAsLong());
    double onPublished = RiskComparison.withDefaults().compare(published).estimate().orElseThrow().value();
    AnalysisEntry rr = entry(r.report(), "risk-ratio");
    assertThat(rr.estimate().orElseThrow().value())
        .isEqualTo(new BigDecimal(onPublished).round(new MathContext(2, RoundingMode.HALF_EVEN)).doubleValue());
    assertThat(rr.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("from-published-counts"));
    // the exact report keeps the exact table's ratio, which the published cells do not give
    double exact = entry(r.internal(), "risk-ratio").estimate().orElseThrow().value();
    assertThat(exact).isNotEqualTo(onPublished);
    assertThat(entry(r.report(), "fisher-exact").test()).isPresent();

    // the rate ratio: each group's readmissions and person-years in the community as published
    List<TenureSection.GroupTenure> groups = r.report().tenure().orElseThrow().groups();
    double rate = RateRatioTest.withDefaults().test(new PersonTimeCounts(groups.get(0).readmissions().value()
        .getAsLong(), groups.get(0).personYearsInCommunity(), groups.get(1).readmissions().value().getAsLong(),
        groups.get(1).personYearsInCommunity())).estimate().orElseThrow().value();
    AnalysisEntry ratio = entry(r.report(), "rate-ratio");
    assertThat(ratio.estimate().orElseThrow().value())
        .isEqualTo(new BigDecimal(rate).round(new MathContext(2, RoundingMode.HALF_EVEN)).doubleValue());
    assertThat(ratio.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("from-published-counts"));

    // the sandwich rates: the same published ratio, with the exact robust SE around it
    AnalysisEntry sandwich = entry(r.report(), "recurrent-rates");
    AnalysisEntry exactSandwich = entry(r.internal(), "recurrent-rates");
    double fromCounts = (double) groups.get(0).readmissions().value().getAsLong() / groups.get(0).personYearsInCommunity()
        / ((double) groups.get(1).readmissions().value().getAsLong() / groups.get(1).personYearsInCommunity());
    assertThat(sandwich.estimate().orElseThrow().value())
        .isEqualTo(new BigDecimal(fromCounts).round(new MathContext(2, RoundingMode.HALF_EVEN)).doubleValue());
    AnalysisEntry.EstimateEntry x = exactSandwich.estimate().orElseThrow();
    double halfWidth = Math.log(x.upper().getAsDouble() / x.lower().getAsDouble()) / 2;
    AnalysisEntry.EstimateEntry y = sandwich.estimate().orElseThrow();
    // the published limits are rounded outward to 2 digits, so they hold published * exp(+- halfWidth)
    assertThat(y.lower().getAsDouble()).isLessThanOrEqualTo(fromCounts * Math.exp(-halfWidth))
        .isGreaterThan(fromCounts * Math.exp(-halfWidth) * 0.9);
    assertThat(y.upper().getAsDouble()).isGreaterThanOrEqualTo(fromCounts * Math.exp(halfWidth))
        .isLessThan(fromCounts * Math.exp(halfWidth) * 1.1);
    assertThat(sandwich.warnings()).anySatisfy(w -> assertThat(w.code()).isEqualTo("from-published-counts"));
  }

  @Test
  void withoutSuppressionNothingIsRerun() {
    // counts published exactly: each analysis is the exact one to the policy's digits
    Demo.Result r = demo(DemoSpec.standard().withPerGroup(40).withSeed(3));
    TenureSection published = new Disclosure(DisclosurePolicy.of(Suppression.none())).tenure(
        r.internal().tenure().orElseThrow(), Disclosure.CountAnalyses.of(AnalysisRegistry.load(),
            AnalysisSettings.defaults()));
    for (String analysis : List.of("risk-ratio", "rate-ratio", "recurrent-rates")) {
      AnalysisEntry e = published.analyses().stream().filter(x -> x.analysis().equals(AnalysisId.of(analysis)))
          .findFirst().orElseThrow();
      assertThat(e.warnings()).noneSatisfy(w -> assertThat(w.code()).isEqualTo("from-published-counts"));
      assertThat(e.estimate().orElseThrow().value()).isEqualTo(new BigDecimal(entry(r.internal(), analysis).estimate()
          .orElseThrow().value()).round(new MathContext(2, RoundingMode.HALF_EVEN)).doubleValue());
    }
  }

  @Test
  void aGroupWithFewReadmissionsHasItsTenureAnalysesPublishedWithoutNumbers() {
    // the exact tenure section of a demo, with the intervention group's readmissions cut to 5 (and
    // everything else as it was): a rate ratio, hazard ratio or test to two digits on 5 events tells
    // 5 from 4 and 6
    Demo.Result r = demo(DemoSpec.standard().withPerGroup(40).withSeed(3));
    TenureSection exact = r.internal().tenure().orElseThrow();
    List<TenureSection.GroupTenure> groups = new ArrayList<>(exact.groups());
    TenureSection.GroupTenure g = groups.get(0);
    groups.set(0, new TenureSection.GroupTenure(g.group(), g.people(), g.readmitted(), g.censored(),
        Suppression.none().apply(5), g.personYears(), g.personYearsInCommunity(), g.bedDays(), g.medianDays(),
        g.medianLower(), g.medianUpper()));
    TenureSection few = new TenureSection(exact.rules(), exact.excluded(), groups, exact.curves(), exact.atDays(),
        exact.analyses(), exact.readmissionTable(), exact.bedDays(), exact.costs(), exact.meanReadmissions(),
        exact.incidence());
    TenureSection published = new Disclosure(DisclosurePolicy.of(Suppression.nhsDefault())).tenure(few,
        Disclosure.CountAnalyses.of(AnalysisRegistry.load(), AnalysisSettings.defaults()));
    assertThat(published.groups().get(0).readmissions().hidden()).isTrue();
    assertThat(published.analyses()).isNotEmpty().allSatisfy(e -> {
      if (e.ran()) {
        assertThat(e.estimate()).as(e.name()).isEmpty();
        assertThat(e.test()).as(e.name()).isEmpty();
        assertThat(e.warnings()).singleElement().satisfies(w -> assertThat(w.code()).isEqualTo("withheld-small-count"));
      }
    });
    // and with the exact counts as they were, the same analyses have their numbers
    assertThat(r.report().tenure().orElseThrow().analyses()).anySatisfy(e -> assertThat(e.estimate()).isPresent());
  }

  @Test
  void aHiddenCellLeavesTheTableAnalysesWithoutNumbers() {
    // 25 people a group, seed 246749: 7 of the intervention group readmitted within the year (*)
    Demo.Result r = demo(DemoSpec.standard().withPerGroup(25).withSeed(246_749));
    assertThat(r.report().tenure().orElseThrow().readmissionTable().get(0).readmitted().hidden()).isTrue();
    for (String analysis : List.of("risk-ratio", "fisher-exact")) {
      AnalysisEntry e = entry(r.report(), analysis);
      assertThat(e.ran()).isTrue();
      assertThat(e.estimate()).isEmpty();
      assertThat(e.test()).isEmpty();
      assertThat(e.warnings()).singleElement().satisfies(w -> assertThat(w.code()).isEqualTo("withheld-small-count"));
      assertThat(entry(r.internal(), analysis).estimate()).isPresent();
    }
  }
}
