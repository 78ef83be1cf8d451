package org.outcome.evaluation.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.Evaluation;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationConfigReader;
import org.outcome.evaluation.ProgressListener;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.ReportJson;

/**
 * The demonstration evaluation end to end: writes the synthetic data ({@link DemoData}) and an
 * {@code evaluation.json} that names them, reads that configuration back exactly as
 * {@code outcome evaluate} would, runs it, and writes {@code report.json} and
 * {@code report.html}.
 *
 * <p>The configuration mirrors the seed literature: consecutive cohorts with an as-treated set of
 * more than 10 sessions (Resnick and Rosenheck 2008), Empowerment Scale and MHCS as primary
 * outcomes and SWEMWBS as secondary, readmissions compared between groups (Davidson et al. 2006),
 * time to readmission over three years (Min et al. 2007), bed-days against a historical comparator
 * (Lawn et al. 2008) and a cost-offset table (Trachtenberg et al. 2013). The {@code sign-test}
 * plugin of the examples module is named too when it is installed.
 */
public final class Demo {
  private Demo() {}

  /**
   * The paths of a demo run.
   *
   * @param config the configuration written
   * @param json the JSON report
   * @param html the HTML report
   * @param report the report itself (the publication view)
   * @param internalJson the exact results, {@code report-internal.json}: NOT FOR PUBLICATION
   * @param internal the exact results the report was made from: NOT FOR PUBLICATION
   */
  public record Result(Path config, Path json, Path html, EvaluationReport report, Path internalJson,
      EvaluationReport internal) {}

  /** Writes the data and configuration, runs the evaluation, and writes the reports into {@code directory}. */
  public static Result run(DemoSpec spec, Path directory, InstrumentRegistry instruments, AnalysisRegistry analyses,
      ProgressListener progress) {
    DemoFiles files = DemoData.write(spec, instruments, directory.resolve("data"));
    Path configFile = directory.resolve("evaluation.json");
    writeConfig(spec, files, directory, configFile, analyses);
    EvaluationConfig config = EvaluationConfigReader.read(configFile, instruments, analyses);
    Evaluation.Reports reports = Evaluation.of(config, instruments, analyses).runWithInternal(progress);
    Path json = directory.resolve("report.json");
    Path html = directory.resolve("report.html");
    Path internal = directory.resolve(ReportJson.INTERNAL_FILE);
    ReportJson.write(reports.published(), json);
    ReportHtml.write(reports.published(), html);
    ReportJson.writeInternal(reports.internal(), internal);
    return new Result(configFile, json, html, reports.published(), internal, reports.internal());
  }

  private static void writeConfig(DemoSpec spec, DemoFiles files, Path directory, Path target,
      AnalysisRegistry analyses) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("title", "Peer support evaluation: synthetic demonstration (no real people, seed " + spec.seed() + ")");
    root.put("confLevel", 0.95);
    ObjectNode data = root.putObject("data");
    data.put("people", relative(directory, files.people()));
    data.put("episodes", relative(directory, files.episodes()));
    data.put("sessions", relative(directory, files.sessions()));
    ArrayNode answers = data.putArray("answers");
    for (Path file : files.answers()) {
      String name = file.getFileName().toString();
      answers.addObject().put("instrument", name.substring(0, name.length() - ".csv".length()))
          .put("file", relative(directory, file));
    }
    root.putObject("groups").put("intervention", DemoData.PEER).put("comparison", DemoData.USUAL)
        .put("comparisonKind", "consecutive-cohorts");
    root.putObject("timepoints").put("baseline", DemoData.BASELINE).put("followUp", DemoData.FOLLOW_UP);
    root.putObject("asTreated").put("moreThan", 10);
    boolean signTest = analyses.find(AnalysisId.of("sign-test")).isPresent();
    ArrayNode outcomes = root.putArray("outcomes");
    outcome(outcomes, "empowerment-scale", true, signTest ? List.of("paired-t", "wilcoxon-signed-rank", "sign-test")
        : List.of("paired-t", "wilcoxon-signed-rank"), List.of("ancova", "welch-t"));
    outcome(outcomes, "mhcs", true, List.of("paired-t"), List.of("ancova", "welch-t"));
    outcome(outcomes, "swemwbs", false, List.of("paired-t"), List.of("ancova", "mann-whitney"));
    ObjectNode tenure = root.putObject("tenure");
    tenure.put("windowDays", 1095).put("gapDays", 1).put("extractionDate", spec.extractionDate().toString());
    array(tenure.putArray("analyses"), List.of("kaplan-meier", "log-rank", "cox-efron", "rmst", "rate-ratio",
        "fisher-exact", "risk-ratio", "andersen-gill", "recurrent-rates", "cumulative-incidence", "fine-gray"));
    tenure.put("rmstTau", 1095);
    ArrayNode at = tenure.putArray("atDays");
    List.of(30, 90, 365, 730, 1095).forEach(at::add);
    tenure.put("readmissionHorizonDays", 365);
    tenure.putObject("comparator").put("admissionsPerPersonYear", 0.55).put("meanLengthOfStayDays", 23)
        .put("source", "illustrative historical rates for the demonstration (close to the synthetic usual-care"
            + " group's), not a published figure");
    tenure.putObject("costs").put("bedDayCost", 450).put("peerSupportCost", 114000).put("currency", "GBP")
        .put("source", "illustrative figures for the demonstration: a mental health bed-day at GBP 450 and three"
            + " peer workers for a year at GBP 38,000 each; use your trust's reference costs");
    root.putObject("adjustment").put("method", "iptw-att").putArray("covariates").add("age").add("female")
        .add("prior_admissions");
    ArrayNode sites = root.putObject("sites").put("column", "site").put("method", "REML").putArray("names");
    DemoData.SITES.forEach(sites::add);
    root.put("multiplicity", "holm");
    root.putObject("suppression").put("enabled", true).put("maxSuppressed", 7).put("roundTo", 5);
    write(root, target);
  }

  private static void outcome(ArrayNode outcomes, String instrument, boolean primary, List<String> paired,
      List<String> comparison) {
    ObjectNode o = outcomes.addObject();
    o.put("instrument", instrument).put("primary", primary);
    array(o.putArray("beforeAndAfter"), paired);
    array(o.putArray("comparison"), comparison);
  }

  private static void array(ArrayNode node, List<String> values) {
    values.forEach(node::add);
  }

  private static String relative(Path directory, Path file) {
    return directory.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
  }

  private static void write(JsonNode root, Path target) {
    try {
      Files.writeString(target, root.toPrettyString() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
