package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.TenureSection;
import org.outcome.stats.tables.RiskComparison;

/**
 * The readmission table's analyses in the published report are those of the table as published,
 * and are published without numbers where a cell of it is hidden.
 */
class PublishedTableAnalysesTest {
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
