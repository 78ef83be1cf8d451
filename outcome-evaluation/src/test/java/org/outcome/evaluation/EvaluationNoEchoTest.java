package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.DemoData;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.ReportJson;

/**
 * Values planted in the wrong column of the evaluation's files (an NHS number in group, a name
 * in sessions and in q1, an identifier in timepoint, a Java-only number) are rejected by row and
 * column; neither report.json nor report.html contains them.
 */
class EvaluationNoEchoTest {
  static final String NHS = "9434769999";
  static final String NAME = "Jane Smith";
  static final String OTHER_ID = "4010232137";

  @TempDir Path dir;

  /** Replaces one cell (data rows from 1) of a demo CSV, which has no quoted cells. */
  private static void plant(Path csv, int row, String column, String value) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    int c = Arrays.asList(lines.get(0).split(",", -1)).indexOf(column);
    assertThat(c).as(column).isNotNegative();
    String[] cells = lines.get(row).split(",", -1);
    cells[c] = value;
    lines.set(row, String.join(",", cells));
    Files.write(csv, lines);
  }

  @Test
  void plantedValuesNeverReachTheReports() throws Exception {
    InstrumentRegistry instruments = InstrumentRegistry.load();
    AnalysisRegistry analyses = AnalysisRegistry.load();
    DemoData.write(DemoSpec.standard().withPerGroup(20).withSeed(11), instruments, dir);
    plant(dir.resolve("people.csv"), 2, "group", NHS);
    plant(dir.resolve("sessions.csv"), 3, "sessions", NAME);
    plant(dir.resolve("sessions.csv"), 4, "sessions", "0x1p1");
    plant(dir.resolve("mhcs.csv"), 5, "q1", NAME);
    plant(dir.resolve("mhcs.csv"), 6, "q2", "4.000f");
    plant(dir.resolve("mhcs.csv"), 7, "timepoint", OTHER_ID);
    Path config = dir.resolve("evaluation.json");
    Files.writeString(config, """
        {"title": "T",
         "data": {"people": "people.csv", "sessions": "sessions.csv",
                  "answers": [{"instrument": "mhcs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "outcomes": [{"instrument": "mhcs", "primary": true, "beforeAndAfter": ["paired-t"], "comparison": ["welch-t"]}]}
        """);

    EvaluationReport report = Evaluation.of(EvaluationConfigReader.read(config, instruments, analyses), instruments,
        analyses).run(ProgressListener.silent());
    Path json = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    ReportJson.write(report, json);
    ReportHtml.write(report, html);

    String jsonText = Files.readString(json);
    String htmlText = Files.readString(html);
    for (String planted : List.of(NHS, NAME, "Jane", "0x1p1", "4.000f", OTHER_ID)) {
      assertThat(jsonText).as(planted).doesNotContain(planted);
      assertThat(htmlText).as(planted).doesNotContain(planted);
    }
    List<String> reasons = new ArrayList<>();
    for (JsonNode row : new ObjectMapper().readTree(jsonText).get("rejectedRows")) {
      row.get("reasons").forEach(r -> reasons.add(row.toString()));
    }
    String all = String.join("\n", reasons);
    assertThat(all).contains("column group: neither 'peer-support' nor 'usual-care'",
        "column sessions: not a whole number of 0 or more", "column q1: not a number", "column q2: not a number",
        "column timepoint: not one of the time points");
  }
}
