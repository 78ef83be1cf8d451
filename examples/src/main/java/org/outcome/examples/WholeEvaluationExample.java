package org.outcome.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.outcome.api.OutcomeException;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.ResultText;
import org.outcome.evaluation.Evaluation;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationConfigReader;
import org.outcome.evaluation.ProgressListener;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.ReportJson;

/**
 * A whole service evaluation from its configuration: the questionnaires before and after in both
 * groups, the comparison between the groups, community tenure, the multiplicity adjustment, and
 * the reports ({@code report.json} with every number, {@code report.html} for a commissioner).
 * The configuration names its analyses by id, built-in or from a plugin on the class path: the
 * shipped {@code evaluation.json} runs this module's {@code sign-test} plugin beside the built-in
 * tests.
 *
 * <pre>examples/run WholeEvaluationExample [evaluation.json] [output-folder]</pre>
 */
public final class WholeEvaluationExample {
  private static final Path DATA = Path.of(System.getProperty("examples.data", "examples/data"));
  private static final String ROW = "    %-22s %-28s %9s  %-22s %s";

  private WholeEvaluationExample() {}

  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (OutcomeException e) {                             // bad input: every problem, no stack trace
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }

  static void run(String[] args, PrintStream out) {
    Path configFile = args.length > 0 ? Path.of(args[0]) : DATA.resolve("evaluation.json");
    Path outputFolder = args.length > 1 ? Path.of(args[1])
        : Path.of(System.getProperty("java.io.tmpdir"), "outcome-example-report");

    InstrumentRegistry instruments = InstrumentRegistry.load();     // built-in and plugin instruments
    AnalysisRegistry analyses = AnalysisRegistry.load();            // built-in and plugin analyses
    EvaluationConfig config = EvaluationConfigReader.read(configFile, instruments, analyses);   // every problem at once
    // the evaluator sees the exact results; only the publication view goes into report.json/html
    Evaluation.Reports reports = Evaluation.of(config, instruments, analyses).runWithInternal(ProgressListener.silent());
    ReportJson.write(reports.published(), outputFolder.resolve("report.json"));
    ReportHtml.write(reports.published(), outputFolder.resolve("report.html"));
    ReportJson.writeInternal(reports.internal(), outputFolder.resolve(ReportJson.INTERNAL_FILE));
    EvaluationReport report = reports.internal();

    out.println(report.title());
    for (OutcomeSection outcome : report.outcomes()) {
      List<AnalysisEntry> entries = new ArrayList<>(outcome.beforeAndAfter());
      entries.addAll(outcome.comparison());
      table(out, outcome.name() + ": " + outcome.score(), entries);
    }
    report.tenure().ifPresent(tenure -> table(out, "Community tenure", tenure.analyses()));
    report.multiplicity().ifPresent(m -> {
      out.printf("%n%s-adjusted p-values of the primary outcomes (raw, adjusted)%n", m.method());
      m.rows().forEach(row -> out.printf("  %s, %s: %s, %s%n", row.outcome(), row.analysis(),
          ResultText.pValue(row.rawP()), ResultText.pValue(row.adjustedP())));
    });
    out.printf("%n%d input rows rejected, %d warnings: see the report%n", report.rejectedRows().size(),
        report.warnings().size());
    out.println("reports: " + outputFolder.resolve("report.html") + " and report.json (exact results, NOT FOR"
        + " PUBLICATION, in " + ReportJson.INTERNAL_FILE + ")");
  }

  /** One table per analysis set: analysis, group, estimate, interval and p. */
  private static void table(PrintStream out, String heading, List<AnalysisEntry> entries) {
    out.printf("%n%s%n", heading);
    Map<String, List<AnalysisEntry>> bySet = entries.stream()
        .collect(Collectors.groupingBy(AnalysisEntry::set, LinkedHashMap::new, Collectors.toList()));
    bySet.forEach((set, rows) -> {
      out.printf("  %s%n", set);
      out.printf(ROW + "%n", "analysis", "group", "estimate", "95% CI", "p");
      rows.forEach(entry -> row(out, entry));
    });
  }

  /** An analysis as the report publishes it: estimate, interval and p (R's four significant digits). */
  private static void row(PrintStream out, AnalysisEntry entry) {
    String estimate = entry.estimate().map(e -> ResultText.number(e.value())).orElse("");
    String interval = entry.estimate().filter(e -> e.lower().isPresent() && e.upper().isPresent())
        .map(e -> ResultText.number(e.lower().getAsDouble()) + " to " + ResultText.number(e.upper().getAsDouble()))
        .orElse("");
    String p = entry.test().map(t -> ResultText.pValue(t.p())).orElse("");
    out.println(String.format(ROW, entry.analysis(), entry.group(), estimate, interval, p).stripTrailing());
  }
}
