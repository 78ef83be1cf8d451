package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.stats.paired.AnalysisSet;

/**
 * The demo end to end at a small size: every configured analysis is in the report, published
 * counts are suppressed, no subject identifier appears, the HTML parses, and each SVG chart
 * parses and has the expected curves.
 */
class EvaluationReportTest {
  @TempDir static Path dir;
  static Demo.Result result;
  static JsonNode json;
  static String html;
  static List<String> steps = new ArrayList<>();

  @BeforeAll
  static void runDemo() throws Exception {
    ProgressListener progress = new ProgressListener() {
      @Override
      public void started(int count) {
        steps.add("started " + count);
      }

      @Override
      public void step(int step, String description) {
        steps.add(step + " " + description);
      }

      @Override
      public void finished() {
        steps.add("finished");
      }
    };
    result = Demo.run(DemoSpec.standard().withPerGroup(60).withSeed(7), dir, InstrumentRegistry.load(),
        AnalysisRegistry.load(), progress);
    json = new ObjectMapper().readTree(Files.readString(result.json()));
    html = Files.readString(result.html());
  }

  @Test
  void everyConfiguredAnalysisIsInTheReport() {
    EvaluationReport r = result.report();
    assertThat(r.outcomes()).extracting(o -> o.instrument().value()).containsExactly("empowerment-scale", "mhcs", "swemwbs");
    for (var o : r.outcomes()) {
      // three arms (two groups ITT, intervention as treated) for each before-and-after analysis
      assertThat(o.beforeAndAfter()).extracting(e -> e.analysis().value()).contains("paired-t").hasSizeGreaterThanOrEqualTo(3);
      assertThat(o.comparison()).extracting(e -> e.analysis() + " " + e.set().substring(0, 6))
          .contains("ancova intent", "ancova as-tre");
      assertThat(o.descriptives()).isNotEmpty();
      assertThat(o.exclusions()).hasSize(3);
    }
    assertThat(r.tenure().orElseThrow().analyses()).extracting(e -> e.analysis().value())
        .containsExactly("kaplan-meier", "log-rank", "cox-efron", "rmst", "rate-ratio", "fisher-exact", "risk-ratio",
            "andersen-gill", "recurrent-rates", "cumulative-incidence", "fine-gray");
    assertThat(r.tenure().orElseThrow().analyses()).allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(AnalysisEntry.Status.RAN);
      assertThat(e.method()).isPresent();
      assertThat(e.reason()).isEmpty();
    });
    assertThat(r.tenure().orElseThrow().curves()).hasSize(2);
    assertThat(r.tenure().orElseThrow().meanReadmissions()).hasSize(2);
    assertThat(r.tenure().orElseThrow().incidence()).hasSize(2);
    assertThat(r.tenure().orElseThrow().bedDays()).isPresent();
    assertThat(r.tenure().orElseThrow().costs()).isPresent();
    assertThat(r.effectSizes()).hasSize(6);
    assertThat(r.multiplicity().orElseThrow().rows()).hasSize(3)
        .allSatisfy(row -> assertThat(row.adjustedP()).isGreaterThanOrEqualTo(row.rawP()));
    assertThat(r.methods()).extracting(m -> m.name()).contains("Small-number suppression", "Analysis sets");
    assertThat(steps).first().isEqualTo("started 6");
    assertThat(steps).last().isEqualTo("finished");
  }

  @Test
  void comparisonsCarryTheirSetKindAndTheFTestBothDegreesOfFreedomOnlyInTheInternalReport() {
    EvaluationReport r = result.internal();
    for (var o : r.outcomes()) {
      List<AnalysisEntry> ancova = o.comparison().stream().filter(e -> e.analysis().equals(AnalysisId.of("ancova"))).toList();
      assertThat(ancova).extracting(e -> e.setKind().orElseThrow())
          .containsExactly(AnalysisSet.Kind.INTENTION_TO_TREAT, AnalysisSet.Kind.AS_TREATED);
      assertThat(ancova.get(1).set()).isEqualTo("as-treated (more than 10 sessions), complete cases");
      for (AnalysisEntry e : ancova) {
        AnalysisEntry.TestEntry f = e.test().orElseThrow();
        assertThat(f.statistic()).isEqualTo("F");
        assertThat(f.df()).hasValue(1);
        // the residual df of post ~ pre + group is n - 3 (exact in the internal report)
        assertThat(f.denominatorDf().orElseThrow() + 3).isEqualTo(e.n().orElseThrow().value().orElseThrow());
      }
      // published: exact df beside a rounded n would give n away (issue 12), so both are withheld
      OutcomeSection published = result.report().outcomes().stream()
          .filter(x -> x.instrument().equals(o.instrument())).findFirst().orElseThrow();
      assertThat(published.comparison()).allSatisfy(e -> e.test().ifPresent(t -> {
        assertThat(t.df()).isEmpty();
        assertThat(t.denominatorDf()).isEmpty();
      }));
      assertThat(o.beforeAndAfter()).allSatisfy(e -> assertThat(e.setKind()).isPresent());
    }
    assertThat(r.tenure().orElseThrow().analyses()).allSatisfy(e -> assertThat(e.setKind()).isEmpty());
    JsonNode first = json.get("outcomes").get(0).get("comparison").get(0);
    assertThat(first.get("setKind").asText()).isEqualTo("INTENTION_TO_TREAT");
    assertThat(first.get("test").get("denominatorDf").isNull()).isTrue();
    assertThat(html).containsPattern("F = [0-9.]+").doesNotContainPattern("df = [0-9]");
  }

  @Test
  void theJsonKeepsTypedIdsAsTextAndEveryWarningWithItsCode() {
    List<JsonNode> entries = new ArrayList<>();
    json.get("outcomes").forEach(o -> {
      o.get("beforeAndAfter").forEach(entries::add);
      o.get("comparison").forEach(entries::add);
    });
    json.get("tenure").get("analyses").forEach(entries::add);
    assertThat(entries).isNotEmpty().allSatisfy(e -> {
      assertThat(e.get("analysis").isTextual()).isTrue();
      assertThat(e.get("status").asText()).isIn("RAN", "NOT_RUN");
      if (e.get("status").asText().equals("RAN")) {
        assertThat(e.get("method").isTextual()).isTrue();
        assertThat(e.get("reason").isNull()).isTrue();
      } else {
        assertThat(e.get("reason").get("code").isTextual()).isTrue();
        assertThat(e.get("method").isNull()).isTrue();
      }
      e.get("warnings").forEach(DemoReportJson::isCodedWarning);
    });
    assertThat(json.get("outcomes").get(0).get("instrument").asText()).isEqualTo("empowerment-scale");
    assertThat(json.get("warnings")).isNotEmpty();
    json.get("warnings").forEach(DemoReportJson::isCodedWarning);
    // curves are lists of numbers, with undefined limits as null
    JsonNode curve = json.get("tenure").get("curves").get(0);
    assertThat(curve.get("time").size()).isPositive().isEqualTo(curve.get("lower").size());
    curve.get("lower").forEach(v -> assertThat(v.isNumber() || v.isNull()).isTrue());

    Document doc = Jsoup.parse(html);
    assertThat(doc.select("ul.warnings li")).isNotEmpty()
        .allSatisfy(li -> assertThat(li.attr("data-code")).isNotBlank());
  }

  /** Checks on the JSON form of a warning. */
  private static final class DemoReportJson {
    static void isCodedWarning(JsonNode w) {
      assertThat(w.isObject()).as("warning %s is an object", w).isTrue();
      assertThat(w.get("code").asText()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(w.get("message").asText()).isNotBlank();
    }
  }

  @Test
  void everyInputRowIsAccountedFor() {
    for (JsonNode input : json.get("inputs")) {
      assertThat(input.get("read").asLong())
          .isEqualTo(input.get("accepted").asLong() + input.get("rejected").asLong());
    }
    long rejected = 0;
    for (JsonNode input : json.get("inputs")) {
      rejected += input.get("rejected").asLong();
    }
    assertThat(json.get("rejectedRows").size()).isEqualTo(rejected).isPositive();
    assertThat(json.get("rejectedRows").get(0).get("reasons").get(0).asText()).contains("outside the scale");
  }

  @Test
  void publishedCountsAreSuppressedInTheJson() {
    List<String> counts = new ArrayList<>();
    collectCounts(json, "", counts);
    assertThat(counts).isNotEmpty();
    assertThat(counts).allSatisfy(c -> assertThat(c).matches("\\*|0|[1-9][0-9]*[05]"));
    assertThat(counts).contains("*");
  }

  /** The fields that hold counts of people or events in the report model. */
  private static final Set<String> COUNT_FIELDS = Set.of("n", "count", "enrolled", "included", "improved", "unchanged",
      "deteriorated", "recovered", "people", "readmitted", "censored", "readmissions", "bedDays", "notReadmitted",
      "unknown", "asTreated", "observed", "atRisk");

  private static void collectCounts(JsonNode node, String field, List<String> counts) {
    if (node.isObject()) {
      node.properties().forEach(e -> collectCounts(e.getValue(), e.getKey(), counts));
    } else if (node.isArray()) {
      node.forEach(n -> collectCounts(n, field, counts));
    } else if (COUNT_FIELDS.contains(field) && (node.isNumber() || node.isTextual())) {
      counts.add(node.asText());
    }
  }

  @Test
  void noSubjectIdentifierIsPublished() throws Exception {
    Pattern id = Pattern.compile("DEMO\\d{4}");
    assertThat(id.matcher(Files.readString(result.json())).find()).isFalse();
    assertThat(id.matcher(html).find()).isFalse();
    assertThat(Files.readString(dir.resolve("data/people.csv"))).containsPattern(id);
  }

  @Test
  void htmlIsOneSelfContainedDocument() {
    Document doc = Jsoup.parse(html);
    assertThat(doc.title()).startsWith("Peer support evaluation");
    assertThat(doc.select("h2").eachText()).contains("Summary", "Who was compared", "Effect sizes", "Methods",
        "Data accounting", "Community tenure: time to psychiatric readmission",
        "Primary outcomes, adjusted for multiplicity");
    assertThat(doc.select("script, link, img, iframe")).isEmpty();
    assertThat(doc.select("[src], [href]")).isEmpty();
    assertThat(doc.select("table").size()).isGreaterThan(10);
    assertThat(doc.select("table td").eachText()).contains("*");
  }

  @Test
  void everyChartIsValidSvgWithTheExpectedMarks() throws Exception {
    Document doc = Jsoup.parse(html);
    List<Element> svgs = doc.select("svg");
    // Kaplan-Meier, mean cumulative readmissions, cumulative incidence, effect-size forest, love
    // plot and one forest plot per outcome pooled across the three sites only: no before/after
    // chart in groups of 60, since a box plot needs at least 10 values beyond each whisker (the
    // 10th and 90th percentiles)
    assertThat(svgs).hasSize(8);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    for (Element svg : svgs) {
      String xml = Jsoup.parse(svg.outerHtml(), "", Parser.xmlParser()).outerHtml();
      org.w3c.dom.Document parsed = f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      assertThat(parsed.getDocumentElement().getLocalName()).isEqualTo("svg");
    }
    Element km = svgs.stream().filter(s -> s.selectFirst("title").text().startsWith("Time to psychiatric")).findFirst()
        .orElseThrow();
    assertThat(km.select("path.km-curve")).hasSize(2);
    assertThat(km.select("path.km-band")).hasSize(2);
    assertThat(km.select("text.at-risk-label").eachText()).containsExactly("peer-support", "usual-care");
    assertThat(km.select("text.at-risk").eachText()).allSatisfy(t -> assertThat(t).matches("\\*|0|[1-9][0-9]*[05]"));
    for (String title : List.of("Every readmission", "Readmission with death")) {
      Element step = svgs.stream().filter(s -> s.selectFirst("title").text().startsWith(title)).findFirst()
          .orElseThrow();
      assertThat(step.select("path.km-curve")).hasSize(2);
      assertThat(step.select("text.at-risk").eachText()).allSatisfy(t -> assertThat(t).matches("\\*|0|[1-9][0-9]*[05]"));
    }
    Element forest = svgs.stream().filter(s -> s.selectFirst("title").text().startsWith("Standardised")).findFirst()
        .orElseThrow();
    assertThat(forest.select("g.forest-row")).hasSize(6);
    Element love = svgs.stream().filter(s -> s.selectFirst("title").text().startsWith("Balance")).findFirst()
        .orElseThrow();
    assertThat(love.select("g.love-row").eachAttr("aria-label")).containsExactly("age", "female", "prior_admissions");
    assertThat(love.select("circle.after")).hasSize(3);
    assertThat(love.select("path.before")).hasSize(3);
    List<Element> bySite = svgs.stream().filter(s -> s.selectFirst("title").text().endsWith("by site")).toList();
    assertThat(bySite).hasSize(3).allSatisfy(svg -> {
      assertThat(svg.select("g.forest-row").eachAttr("aria-label")).startsWith("north", "central", "south");
      assertThat(svg.select("path.pooled")).hasSize(1);
    });
    assertThat(svgs.stream().filter(s -> s.select("rect.box-after").size() > 0).count()).isZero();
    assertThat(result.internal().outcomes()).allSatisfy(o -> assertThat(o.distributions()).hasSize(4));
  }
}
