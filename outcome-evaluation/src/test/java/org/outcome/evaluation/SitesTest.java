package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.Warning;
import org.outcome.evaluation.demo.DemoData;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.PooledSection;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.ReportJson;
import org.outcome.evaluation.report.ReportWarnings;

/** Pooling each outcome across sites ({@code "sites"} in {@code evaluation.json}) on the demonstration data. */
class SitesTest {
  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.load();
  private static final AnalysisRegistry ANALYSES = AnalysisRegistry.load();

  @TempDir Path dir;

  @BeforeEach
  void data() {
    DemoData.write(DemoSpec.standard().withPerGroup(150).withSeed(5), INSTRUMENTS, dir);
  }

  private Path config(String sites) throws Exception {
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, """
        {"title": "T",
         "data": {"people": "people.csv", "answers": [{"instrument": "mhcs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "outcomes": [{"instrument": "mhcs", "primary": true, "comparison": ["welch-t"]}],
         "sites": %s}
        """.formatted(sites));
    return file;
  }

  private Evaluation.Reports run(String sites) throws Exception {
    return Evaluation.of(EvaluationConfigReader.read(config(sites), INSTRUMENTS, ANALYSES), INSTRUMENTS, ANALYSES)
        .runWithInternal(ProgressListener.silent());
  }

  private void rewriteSites(java.util.function.BiFunction<Integer, String, String> site) throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("people.csv"));
    int k = Arrays.asList(lines.get(0).split(",", -1)).indexOf("site");
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",", -1);
      cells[k] = site.apply(i, cells[k]);
      out.add(String.join(",", cells));
    }
    Files.write(dir.resolve("people.csv"), out);
  }

  @Test
  void theFixedEffectIsTheInverseVarianceMeanAndEveryPersonIsInOneSite() throws Exception {
    EvaluationReport internal = run("""
        {"column": "site", "names": ["north", "central", "south"], "method": "FE"}""").internal();
    PooledSection.PooledOutcome o = internal.pooled().orElseThrow().outcomes().get(0);
    assertThat(o.sites()).extracting(PooledSection.SiteRow::site).containsExactly("north", "central", "south");
    double sw = 0;
    double swy = 0;
    for (PooledSection.SiteRow s : o.sites()) {
      var e = s.estimate().orElseThrow();
      double se = (e.upper().getAsDouble() - e.lower().getAsDouble()) / (2 * 1.959963984540054);
      sw += 1 / (se * se);
      swy += e.value() / (se * se);
    }
    PooledSection.Pooled pooled = o.pooled().orElseThrow();
    assertThat(pooled.estimate().value()).isCloseTo(swy / sw, within(1e-9));
    assertThat(pooled.se()).isCloseTo(Math.sqrt(1 / sw), within(1e-9));
    assertThat(pooled.tau2()).isZero();
    assertThat(o.sites()).extracting(s -> s.weightPercent().orElseThrow()).satisfies(w ->
        assertThat(w.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(100, within(1e-9)));
    // the sites' people add up to the intention-to-treat complete cases of the outcome
    long bySite = o.sites().stream().mapToLong(s -> s.intervention().value().orElseThrow()
        + s.comparison().value().orElseThrow()).sum();
    OutcomeSection outcome = internal.outcomes().get(0);
    long itt = outcome.descriptives().stream().filter(d -> d.set().startsWith("intention"))
        .mapToLong(d -> d.n().value().orElseThrow()).sum();
    assertThat(bySite).isEqualTo(itt);
    assertThat(internal.pooled().orElseThrow().leftOut().value()).hasValue(0);
    EvaluationReport published = run("""
        {"column": "site", "names": ["north", "central", "south"]}""").published();
    assertThat(ReportHtml.toHtml(published)).contains("Pooled across sites").contains("class=\"pooled\"");
    // every published count of the section is suppressed or a multiple of the demo's rounding (5)
    assertThat(published.pooled().orElseThrow().outcomes().get(0).sites()).allSatisfy(s -> {
      assertThat(s.intervention().value().orElse(0) % 5).isZero();
      assertThat(s.comparison().value().orElse(0) % 5).isZero();
    });
  }

  @Test
  void aSiteWithTooFewPeopleIsListedButNotPooledAndOneSiteLeftIsNotPooledByAModelOfSeveral() throws Exception {
    rewriteSites((row, site) -> site.equals("south") && row % 10 != 0 ? "north" : site);
    rewriteSites((row, site) -> site.equals("south") && row % 20 == 0 ? "north" : site);
    EvaluationReport internal = run("""
        {"column": "site", "names": ["north", "central", "south"]}""").internal();
    PooledSection.PooledOutcome o = internal.pooled().orElseThrow().outcomes().get(0);
    assertThat(o.sites().get(2).estimate()).isEmpty();
    assertThat(o.pooled().orElseThrow().sites()).isEqualTo(2);

    boolean[] kept = {false};
    rewriteSites((row, site) -> {
      if (site.equals("central") && !kept[0]) {
        kept[0] = true; // one person left at the site: it stays named, with too few people to pool
        return site;
      }
      return site.equals("central") ? "north" : site;
    });
    EvaluationReport one = run("""
        {"column": "site", "names": ["north", "central", "south"]}""").internal();
    PooledSection.PooledOutcome single = one.pooled().orElseThrow().outcomes().get(0);
    assertThat(single.pooled()).isEmpty();
    assertThat(single.notRun()).hasValueSatisfying(r -> assertThat(r.message()).contains("at least two sites"));
    assertThat(one.warnings()).extracting(Warning::code).contains(ReportWarnings.NOT_RUN);
  }

  @Test
  void peopleAtAnUnnamedSiteAreCountedAndTheCellIsNeverEchoed() throws Exception {
    rewriteSites((row, site) -> row % 7 == 0 ? "NHS9434765919" : site);
    Evaluation.Reports reports = run("""
        {"column": "site", "names": ["north", "central", "south"]}""");
    long expected = (Files.readAllLines(dir.resolve("people.csv")).size() - 1) / 7;
    assertThat(reports.internal().pooled().orElseThrow().leftOut().value()).hasValue(expected);
    String everything = ReportJson.toJson(reports.internal()) + ReportHtml.toHtml(reports.published());
    assertThat(everything).doesNotContain("NHS9434765919");
  }

  @Test
  void badSitesAreRefusedByTheirPathBeforeAnyWork() throws Exception {
    for (String[] bad : List.of(
        new String[] {"{\"column\": \"trust\", \"names\": [\"north\", \"south\"]}", "sites.column"},
        new String[] {"{\"column\": \"site\", \"names\": [\"north\", \"west\"]}", "sites.names[1]"},
        new String[] {"{\"column\": \"site\", \"names\": [\"north\"]}", "sites.names"},
        new String[] {"{\"column\": \"site\", \"names\": [\"north\", \"north\"]}", "sites.names"},
        new String[] {"{\"column\": \"site\", \"names\": [\"north\", \"south\"], \"method\": \"ML\"}",
            "sites.method"})) {
      Path file = config(bad[0]);
      assertThatThrownBy(() -> EvaluationConfigReader.read(file, INSTRUMENTS, ANALYSES)).as(bad[0])
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
              .extracting(Violation::location).contains(bad[1]));
    }
  }
}
