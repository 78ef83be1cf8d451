package org.outcome.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.outcome.api.OutcomeException;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
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

  private WholeEvaluationExample() {}

  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (OutcomeException e) {
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }

  static void run(String[] args, PrintStream out) {
    Path configFile = args.length > 0 ? Path.of(args[0]) : DATA.resolve("evaluation.json");
    Path outputFolder = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"), "outcome-example-report");

    InstrumentRegistry instruments = InstrumentRegistry.load();     // built-in and plugin instruments
    AnalysisRegistry analyses = AnalysisRegistry.load();            // built-in and plugin analyses
    EvaluationConfig config = EvaluationConfigReader.read(configFile, instruments, analyses);   // every problem at once
    EvaluationReport report = Evaluation.of(config, instruments, analyses).run(ProgressListener.silent());
    ReportJson.write(report, outputFolder.resolve("report.json"));
    ReportHtml.write(report, outputFolder.resolve("report.html"));

    out.println(report.title());
    for (OutcomeSection outcome : report.outcomes()) {
      List<AnalysisEntry> entries = new ArrayList<>(outcome.beforeAndAfter());
      entries.addAll(outcome.comparison());
      table(out, outcome.name() + ": " + outcome.score(), entries);
    }
    report.tenure().ifPresent(tenure -> table(out, "Community tenure", tenure.analyses()));
    report.multiplicity().ifPresent(m -> m.rows().forEach(row -> out.printf(Locale.ROOT,
        "%s-adjusted p, %s (%s): %.4g%n", m.method(), row.outcome(), row.analysis(), row.adjustedP())));
    out.printf("%n%d input rows rejected, %d warnings: see the report%n", report.rejectedRows().size(),
        report.warnings().size());
    out.println("reports: " + outputFolder.resolve("report.html") + " and report.json");
  }

  /** One table per analysis set: analysis, group, estimate, interval and p. */
  private static void table(PrintStream out, String heading, List<AnalysisEntry> entries) {
    out.printf("%n%s%n", heading);
    Map<String, List<AnalysisEntry>> bySet = entries.stream()
        .collect(Collectors.groupingBy(AnalysisEntry::set, LinkedHashMap::new, Collectors.toList()));
    String format = "    %-22s %-28s %9s  %-22s %s";
    bySet.forEach((set, rows) -> {
      out.printf("  %s%n", set);
      printRow(out, format, "analysis", "group", "estimate", "95% CI", "p");
      rows.forEach(entry -> printRow(out, format, entry.analysis(), entry.group(), estimate(entry), interval(entry),
          entry.test().map(t -> pValue(t.p())).orElse("")));
    });
  }

  private static String estimate(AnalysisEntry entry) {
    return entry.estimate().map(e -> number(e.value())).orElse("");
  }

  private static String interval(AnalysisEntry entry) {
    return entry.estimate().filter(e -> e.lower().isPresent() && e.upper().isPresent())
        .map(e -> "[" + number(e.lower().getAsDouble()) + ", " + number(e.upper().getAsDouble()) + "]").orElse("");
  }

  private static void printRow(PrintStream out, String format, Object... cells) {
    out.println(String.format(Locale.ROOT, format, cells).stripTrailing());
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** Four significant digits, in scientific notation below 0.0001, as R prints p-values. */
  private static String pValue(double p) {
    return String.format(Locale.ROOT, "%.4g", p);
  }
}
