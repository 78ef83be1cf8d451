package org.outcome.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-evaluation example on the shipped {@code data/evaluation.json}: the reports hold every
 * configured analysis, the plugin's {@code sign-test} among them, and the key numbers are R's (in
 * the exact results, {@code report-internal.json}; {@code report.json} is the publication view,
 * rounded and suppressed, see docs/evaluations.md#disclosure-control).
 *
 * <p>R calls run from the {@code examples} folder after {@code source("src/test/r/scores.R");
 * complete$group <- relevel(factor(complete$group), "usual-care")} (R 4.2.2; the script scores the
 * instruments in R, without the library).
 */
class WholeEvaluationExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double EXACT = 1e-9;

  @TempDir
  static Path output;
  private static Printed printed;
  private static JsonNode report;
  private static JsonNode config;

  @BeforeAll
  static void runTheExample() throws IOException {
    printed = Printed.of(out -> WholeEvaluationExample.run(
        new String[] {"data/evaluation.json", output.toString()}, out));
    report = JSON.readTree(output.resolve("report-internal.json").toFile());
    config = JSON.readTree(Path.of("data/evaluation.json").toFile());
  }

  @Test
  void writesBothReports() throws IOException {
    assertThat(output.resolve("report.html")).isRegularFile();
    assertThat(Files.readString(output.resolve("report.html"))).contains("<html").contains("Sign test");
    assertThat(printed.text()).contains("reports: " + output.resolve("report.html"));
    assertThat(report.get("notForPublication").asText()).startsWith("NOT FOR PUBLICATION");
    JsonNode published = JSON.readTree(output.resolve("report.json").toFile());
    assertThat(published.has("notForPublication")).isFalse();
    assertThat(published.at("/outcomes/0/comparison/0/test/denominatorDf").isNull()).isTrue();
  }

  @Test
  void reportsEveryConfiguredAnalysisIncludingThePlugin() {
    for (int i = 0; i < config.get("outcomes").size(); i++) {
      JsonNode configured = config.get("outcomes").get(i);
      JsonNode reported = report.get("outcomes").get(i);
      assertThat(reported.get("instrument").asText()).isEqualTo(configured.get("instrument").asText());
      for (String section : List.of("beforeAndAfter", "comparison")) {
        assertThat(ids(reported.get(section))).as("%s %s", configured.get("instrument"), section)
            .isSubsetOf(texts(configured.get(section)))
            .containsAll(texts(configured.get(section)));
      }
    }
    assertThat(ids(report.get("tenure").get("analyses")))
        .containsExactlyInAnyOrderElementsOf(texts(config.get("tenure").get("analyses")));
    assertThat(texts(config.get("outcomes").get(0).get("beforeAndAfter"))).contains("sign-test");
  }

  @Test
  void signTestMatchesBinomTest() {
    // sign_test(complete$change[complete$group == "peer-support"]):
    //   median 0.21428571428571397, lower 0.03571428571428559, upper 0.32142857142857117, p 0.00259947776794434
    JsonNode peer = entry(report.get("outcomes").get(0).get("beforeAndAfter"), "sign-test", "peer-support",
        "intention");
    assertThat(peer.get("estimate").get("value").asDouble()).isCloseTo(0.21428571428571397, within(EXACT));
    assertThat(peer.get("estimate").get("lower").asDouble()).isCloseTo(0.03571428571428559, within(EXACT));
    assertThat(peer.get("estimate").get("upper").asDouble()).isCloseTo(0.32142857142857117, within(EXACT));
    assertThat(peer.get("test").get("p").asDouble()).isCloseTo(0.00259947776794434, within(EXACT));
    Printed itt = printed.from("intention-to-treat");
    itt.assertNumbers("sign-test peer-support", 0.21428571428571397, 0.03571428571428559,
        0.32142857142857117, 0.00259947776794434);
    // sign_test(complete$change[complete$group == "usual-care"])
    //   = 0.0357142857142856 -0.1071428571428572 0.0714285714285716 0.3074562549591067
    itt.assertNumbers("sign-test usual-care", 0.0357142857142856, -0.1071428571428572, 0.0714285714285716,
        0.3074562549591067);
    // sign_test(complete$change[complete$group == "peer-support" & complete$sessions > 10])
    //   = 0.321428571428571 0 0.428571428571429 0.021484375
    printed.from("as-treated").assertNumbers("sign-test peer-support", 0.321428571428571, 0, 0.428571428571429,
        0.021484375);
  }

  @Test
  void ancovaAndPairedTMatchR() {
    JsonNode empowerment = report.get("outcomes").get(0);
    // coef(summary(lm(score.after ~ score.before + group, data = complete)))["grouppeer-support", ] and confint:
    //   0.161221789702482 [0.0410374912875952, 0.281406088117368], p 9.61873340759245e-03
    JsonNode ancova = entry(empowerment.get("comparison"), "ancova", "peer-support vs usual-care", "intention");
    assertThat(ancova.get("estimate").get("value").asDouble()).isCloseTo(0.161221789702482, within(EXACT));
    assertThat(ancova.get("estimate").get("lower").asDouble()).isCloseTo(0.0410374912875952, within(EXACT));
    assertThat(ancova.get("test").get("p").asDouble()).isCloseTo(9.61873340759245e-03, within(EXACT));
    printed.from("intention-to-treat").assertNumbers("ancova", 0.161221789702482, 0.0410374912875952, 0.281406088117368,
        9.61873340759245e-03);
    // t.test(p$score.after, p$score.before, paired = TRUE) with p the peer-support rows of complete
    printed.from("intention-to-treat").assertNumbers("paired-t peer-support", 0.184285714285714,
        0.103912919788219, 0.264658508783209, 8.20266779969e-05);
  }

  @Test
  void tenureMatchesSurvival() {
    // Rscript src/test/r/tenure.R: summary(coxph(Surv(time, event) ~ group, data = d))$conf.int, $coefficients
    printed.from("Community tenure").assertNumbers("cox-efron", 0.939655417865596, 0.505298697649226, 1.74738685936037,
        0.84410435406809);
    printed.from("Community tenure").assertNumbers("log-rank", 0.8440067881327966);
  }

  @Test
  void holmAdjustsThePrimaryOutcomes() {
    // p.adjust(c(p_es, p_mhcs, p_logrank), "holm") with p_es = anova(lm(score.after ~ score.before + group,
    // data = complete))["group", "Pr(>F)"] = 0.00961873340759245, p_mhcs the same on mh <- mhcs_scores()
    // = 0.00468942151362236 and p_logrank from src/test/r/tenure.R = 0.8440067881327966:
    //   0.0192374668151849 0.0140682645408671 0.8440067881327966
    double[] holm = {0.0192374668151849, 0.0140682645408671, 0.8440067881327966};
    JsonNode rows = report.get("multiplicity").get("rows");
    assertThat(rows).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(rows.get(i).get("adjustedP").asDouble()).isCloseTo(holm[i], within(EXACT));
    }
    // Printed: one line per primary outcome ending in its raw and adjusted p.
    List<String> lines = printed.from("Holm-adjusted").text().lines().skip(1).limit(3).toList();
    double[] raw = {0.00961873340759245, 0.00468942151362236, 0.8440067881327966};
    for (int i = 0; i < 3; i++) {
      String[] numbers = lines.get(i).substring(lines.get(i).lastIndexOf(':') + 1).split(",");
      Printed.assertPrinted(numbers[0].strip(), raw[i]);
      Printed.assertPrinted(numbers[1].strip(), holm[i]);
    }
  }

  @Test
  void accountsForTheRejectedRows() {
    // Counted by hand: row 97 of each of the three answers files has an answer outside its scale.
    assertThat(report.get("rejectedRows")).hasSize(3);
    assertThat(printed.text()).contains("3 input rows rejected");
  }

  private static JsonNode entry(JsonNode entries, String analysis, String group, String set) {
    for (JsonNode e : entries) {
      if (e.get("analysis").asText().equals(analysis) && e.get("group").asText().equals(group)
          && e.get("set").asText().startsWith(set)) {
        return e;
      }
    }
    throw new AssertionError("no " + analysis + " for " + group + " in " + entries);
  }

  private static List<String> ids(JsonNode entries) {
    List<String> ids = new ArrayList<>();
    entries.forEach(e -> ids.add(e.get("analysis").asText()));
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(e -> texts.add(e.asText()));
    return texts;
  }
}
