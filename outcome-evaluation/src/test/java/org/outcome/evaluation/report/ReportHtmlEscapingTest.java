package org.outcome.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Every text in report.html is escaped, whatever it starts with: a group name is data. (Issue 12:
 * a cell starting with {@code &lt; } used to be written unescaped, so a group named
 * {@code &lt; <img src=x onerror=...>} ran script in the report.)
 */
class ReportHtmlEscapingTest {
  private static final String PAYLOAD = "&lt; <img src=x onerror=alert(1)>";

  @Test
  void aGroupNameThatLooksEscapedIsStillEscaped() {
    EvaluationReport report = new EvaluationReport("t", "test", List.of(), "rule",
        new EvaluationReport.GroupsSection(PAYLOAD, "< <script>alert(2)</script>", "consecutive cohorts", "d",
            List.of(new EvaluationReport.GroupCount(PAYLOAD, SuppressedCount.shown(10)),
                new EvaluationReport.GroupCount("< <script>alert(2)</script>", SuppressedCount.shown(10))),
            Optional.empty(), Optional.empty()),
        List.of(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), List.of());
    String html = ReportHtml.toHtml(report);
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("img")).isEmpty();
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("[onerror]")).isEmpty();
    assertThat(doc.select("td").eachText()).contains(PAYLOAD, "< <script>alert(2)</script>");
  }
}
