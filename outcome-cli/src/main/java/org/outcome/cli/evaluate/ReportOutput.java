package org.outcome.cli.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.ReportJson;

/** Writes an evaluation's reports into a folder and tells the user where they are. */
final class ReportOutput {
  private ReportOutput() {}

  /**
   * Writes the publication view to report.json and report.html, and the exact results to
   * report-internal.json beside them, saying so on {@code err}: that file is NOT FOR PUBLICATION.
   */
  static void write(EvaluationReport report, EvaluationReport internal, Path directory, PrintWriter out,
      PrintWriter err) {
    Path json = directory.resolve("report.json");
    Path html = directory.resolve("report.html");
    Path exact = directory.resolve(ReportJson.INTERNAL_FILE);
    ReportJson.write(report, json);
    ReportHtml.write(report, html);
    ReportJson.writeInternal(internal, exact);
    err.println("Exact results (NOT FOR PUBLICATION: unsuppressed counts) written to " + exact.toAbsolutePath()
        + "; publish only report.json and report.html.");
    err.flush();
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
