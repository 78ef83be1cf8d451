package org.outcome.cli.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.ReportJson;

/** Writes an evaluation's reports into a folder and tells the user where they are. */
final class ReportOutput {
  private ReportOutput() {}

  static void write(EvaluationReport report, Path directory, PrintWriter out) {
    Path json = directory.resolve("report.json");
    Path html = directory.resolve("report.html");
    ReportJson.write(report, json);
    ReportHtml.write(report, html);
    out.println(report.title());
    out.println();
    report.summary().forEach(line -> out.println("- " + line));
    out.println();
    out.println("Reports: " + html.toAbsolutePath() + "  (and report.json beside it)");
    long rejected = report.inputs().stream().mapToLong(a -> a.rejected()).sum();
    if (rejected > 0 || !report.warnings().isEmpty()) {
      out.println(rejected + " input rows rejected and " + report.warnings().size()
          + " warnings: see the report's data accounting section.");
    }
    out.flush();
  }
}
