package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.api.AnalysisId;
import org.outcome.api.InstrumentId;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;

/**
 * The demo's report recovers the effects its generating model puts in, within sampling error:
 * each true value lies inside the report's 95% confidence interval.
 *
 * <p>The true values come from simulating {@link DemoSpec#standard()}'s model with 400,000 people
 * ({@code src/test/resources/demo-truth.py}): ANCOVA estimands (intervention minus comparison,
 * baseline-adjusted) Empowerment Scale 0.164 (as treated 0.248), MHCS 0.255 (0.399), SWEMWBS metric
 * 1.103 (1.557); readmission hazard ratio 0.65 and rate ratio 0.65 by construction; restricted mean
 * time to readmission within 1095 days 694.3 against 559.0 days (difference 135.3); readmitted
 * within a year 28.2% against 40.2% (risk ratio 0.702).
 */
class DemoRecoveryTest {
  @TempDir static Path dir;
  static EvaluationReport report;

  @BeforeAll
  static void run() {
    report = Demo.run(DemoSpec.standard(), dir, InstrumentRegistry.load(), AnalysisRegistry.load(),
        ProgressListener.silent()).report();
  }

  private static void covers(AnalysisEntry entry, double truth) {
    AnalysisEntry.EstimateEntry e = entry.estimate().orElseThrow();
    assertThat(truth).as(entry.name() + " (" + entry.set() + "): " + e.value() + " [" + e.lower() + ", " + e.upper() + "]")
        .isBetween(e.lower().getAsDouble(), e.upper().getAsDouble());
  }

  private static AnalysisEntry ancova(String instrument, String set) {
    OutcomeSection o = report.outcomes().stream().filter(x -> x.instrument().equals(InstrumentId.of(instrument))).findFirst().orElseThrow();
    return o.comparison().stream().filter(e -> e.analysis().equals(AnalysisId.of("ancova")) && e.set().startsWith(set))
        .findFirst().orElseThrow();
  }

  private static AnalysisEntry tenure(String analysis) {
    return report.tenure().orElseThrow().analyses().stream().filter(e -> e.analysis().equals(AnalysisId.of(analysis)))
        .findFirst().orElseThrow();
  }

  @Test
  void questionnaireEffectsAreRecovered() {
    covers(ancova("empowerment-scale", "intention"), 0.164);
    covers(ancova("empowerment-scale", "as-treated"), 0.248);
    covers(ancova("mhcs", "intention"), 0.255);
    covers(ancova("mhcs", "as-treated"), 0.399);
    covers(ancova("swemwbs", "intention"), 1.103);
    covers(ancova("swemwbs", "as-treated"), 1.557);
  }

  @Test
  void readmissionEffectsAreRecovered() {
    covers(tenure("cox-efron"), 0.65);
    covers(tenure("rate-ratio"), 0.65);
    covers(tenure("rmst"), 135.3);
    covers(tenure("risk-ratio"), 0.702);
  }

  @Test
  void theEffectsAreAlsoDetected() {
    assertThat(report.multiplicity().orElseThrow().rows()).allSatisfy(r -> assertThat(r.adjustedP()).isLessThan(0.05));
  }
}
