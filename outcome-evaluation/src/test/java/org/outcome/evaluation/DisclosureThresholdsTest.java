package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.TenureSection;

/**
 * The thresholds in {@code "disclosure"} reach the publication view: the same demo data published
 * under other thresholds gives a Kaplan-Meier curve on the configured grid, each step pooling the
 * configured number of events, and box plots exactly where the configured number of values lies
 * beyond each whisker.
 */
class DisclosureThresholdsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void otherThresholdsChangeThePublishedCurvesAndBoxPlots() throws Exception {
    InstrumentRegistry instruments = InstrumentRegistry.load();
    AnalysisRegistry analyses = AnalysisRegistry.load();
    Demo.Result demo = Demo.run(DemoSpec.standard().withPerGroup(80).withSeed(7), dir, instruments, analyses,
        ProgressListener.silent());
    ObjectNode root = (ObjectNode) JSON.readTree(demo.config().toFile());
    root.putObject("disclosure").put("minAtRisk", 20).put("minEvents", 5).put("minBeyondWhisker", 5)
        .put("curveGridDays", 7);
    Path custom = dir.resolve("evaluation-custom.json");
    JSON.writeValue(custom.toFile(), root);
    EvaluationConfig config = EvaluationConfigReader.read(custom, instruments, analyses);
    Evaluation.Reports reports = Evaluation.of(config, instruments, analyses).runWithInternal(ProgressListener.silent());
    EvaluationReport byDefault = demo.report();
    EvaluationReport configured = reports.published();

    // the default grid of 30 days and 10 events a step; the configured 7 days and 5 events a step
    assertSteps(byDefault, demo.internal(), 30, 10, 10);
    assertSteps(configured, reports.internal(), 7, 5, 20);
    assertThat(curves(configured).get(0).time()).isNotEqualTo(curves(byDefault).get(0).time());
    assertThat(configured.suppression()).contains("only on a 7-day grid,"
        + " where at least 20 people are at risk, with each step pooling at least 5 events");

    // box plots: none by default (fewer than 100 people a group), where 10% of the group is at least 5 when configured
    assertThat(byDefault.outcomes()).allSatisfy(o -> assertThat(o.distributions()).isEmpty());
    for (OutcomeSection o : configured.outcomes()) {
      OutcomeSection exact = reports.internal().outcomes().stream()
          .filter(x -> x.instrument().equals(o.instrument())).findFirst().orElseThrow();
      for (OutcomeSection.Distribution d : exact.distributions()) {
        long n = exact.descriptives().stream().filter(x -> x.group().equals(d.group())).findFirst().orElseThrow()
            .n().value().orElseThrow();
        assertThat(o.distributions().stream().anyMatch(p -> p.group().equals(d.group()) && p.time().equals(d.time())))
            .as("box plot of %s %s (n = %d)", d.group(), d.time(), n).isEqualTo(n >= 50);
      }
    }
    assertThat(configured.outcomes()).anySatisfy(o -> assertThat(o.distributions()).isNotEmpty());
  }

  /** Every published step lies on the grid, with enough people at risk and enough exact events since the last step. */
  private static void assertSteps(EvaluationReport published, EvaluationReport internal, int grid, int minEvents,
      int minAtRisk) {
    List<TenureSection.Curve> curves = curves(published);
    assertThat(curves).hasSize(2).allSatisfy(c -> assertThat(c.time().size()).isGreaterThan(1));
    for (TenureSection.Curve c : curves) {
      TenureSection.Curve exact = curves(internal).stream().filter(x -> x.group().equals(c.group())).findFirst()
          .orElseThrow();
      for (int k = 1; k < c.time().size(); k++) {
        double from = c.time().get(k - 1);
        double to = c.time().get(k);
        assertThat(to % grid).isZero();
        long events = 0;
        long atRisk = 0;
        for (int i = 0; i < exact.time().size(); i++) {
          if (exact.time().get(i) > from && exact.time().get(i) <= to) {
            events += exact.nEvent().get(i);
          }
          if (atRisk == 0 && exact.time().get(i) >= to) {
            atRisk = exact.nRisk().get(i);
          }
        }
        assertThat(events).as("events in (%s, %s] of %s", from, to, c.group()).isGreaterThanOrEqualTo(minEvents);
        assertThat(atRisk).as("at risk at %s of %s", to, c.group()).isGreaterThanOrEqualTo(minAtRisk);
      }
    }
  }

  private static List<TenureSection.Curve> curves(EvaluationReport r) {
    return r.tenure().orElseThrow().curves();
  }
}
