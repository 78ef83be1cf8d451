package org.outcome.cli.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.io.Json;

/**
 * A file as an R user exports it, read as R reads it back: R's {@code lung} data written by
 * {@code write.csv} ({@code NA} for a missing value, status 1 = censored and 2 = dead, a text
 * group with {@code NA}, a TRUE/FALSE event column), analysed by the survival commands and
 * compared with R 4.2.2 / survival 3.5-3 on the same file ({@code r-exports/generate.R} writes
 * both the file and {@code r-values.json}).
 */
class RExportsCliTest {
  private static final String LUNG = "src/test/resources/r-exports/lung.csv";
  private static JsonNode r;

  @TempDir Path dir;

  @BeforeAll
  static void readRValues() throws Exception {
    r = Json.MAPPER.readTree(Path.of("src/test/resources/r-exports/r-values.json").toFile());
  }

  private static JsonNode json(CliRunner run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.MAPPER.readTree(run.out());
  }

  private static void assertClose(JsonNode actual, JsonNode expected, double relative) {
    assertThat(actual.size()).isEqualTo(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.get(i).asDouble();
      assertThat(actual.get(i).asDouble()).as("[%d]", i).isCloseTo(e, within(relative * Math.max(1, Math.abs(e))));
    }
  }

  @Test
  void naInANumericGroupIsLeftOutAsRDoes() throws Exception {
    // R: survdiff(Surv(time, status) ~ ph.ecog, data = read.csv("lung.csv")): chisq 21.96 on 3 df,
    // the row with ph.ecog NA (row 14) dropped
    CliRunner run = CliRunner.run("survival", "logrank", "--input", LUNG, "--time", "time", "--event", "status",
        "--group", "ph.ecog", "--format", "json");
    JsonNode j = json(run);
    JsonNode expected = r.get("logrank_ecog");
    assertThat(j.get("chisq").asDouble()).isCloseTo(expected.get("chisq").get(0).asDouble(), within(1e-10));
    assertThat(j.get("df").asInt()).isEqualTo(expected.get("df").get(0).asInt());
    assertClose(j.get("n"), expected.get("n"), 0);
    assertClose(j.get("expected"), expected.get("exp"), 1e-12);
    assertThat(j.get("omittedRows").toString()).isEqualTo("[14]").isEqualTo(expected.get("omitted").toString());
    assertThat(j.get("eventCoding").asText()).isEqualTo("1/2");
    assertThat(run.err()).contains("event column read as 1/2 (2 event, 1 censored)")
        .contains("1 row with a missing value (an empty cell or NA) left out of the analysis (as R's na.omit): row 14");
  }

  @Test
  void naInATextGroupIsMissingNotALevel() throws Exception {
    // R: survdiff(Surv(time, status) ~ arm, data = read.csv("lung.csv")): chisq 0.0824 on 1 df
    // (the report: NA had become a third level, chisq on 2 df)
    JsonNode j = json(CliRunner.run("survival", "logrank", "--input", LUNG, "--time", "time", "--event", "status",
        "--group", "arm", "--format", "json"));
    JsonNode expected = r.get("logrank_arm");
    assertThat(j.get("groups").toString()).isEqualTo("[\"arm=even\",\"arm=odd\"]");
    assertThat(j.get("chisq").asDouble()).isCloseTo(expected.get("chisq").get(0).asDouble(), within(1e-12));
    assertThat(j.get("df").asInt()).isEqualTo(1);
    assertClose(j.get("n"), expected.get("n"), 0);
    assertThat(j.get("omittedRows").toString()).isEqualTo(expected.get("omitted").toString());
  }

  @Test
  void naCovariatesAreLeftOutOfACoxModelAndEveryCodingGivesTheSameFit() throws Exception {
    // R: coxph(Surv(time, status) ~ age + ph.ecog + wt.loss, data = read.csv("lung.csv")):
    // n = 213 of 228, 151 events, na.action = the 15 rows below; Surv(time, dead) the same fit
    List<JsonNode> fits = new ArrayList<>();
    for (String event : List.of("status", "dead")) {
      fits.add(json(CliRunner.run("survival", "cox", "--input", LUNG, "--time", "time", "--event", event,
          "--covariates", "age,ph.ecog,wt.loss", "--format", "json")));
    }
    JsonNode expected = r.get("cox");
    for (JsonNode j : fits) {
      assertClose(j.get("coef"), expected.get("coef"), 1e-9);
      assertClose(j.get("se"), expected.get("se"), 1e-9);
      assertThat(j.get("n").asInt()).isEqualTo(expected.get("n").get(0).asInt());
      assertThat(j.get("nEvent").asInt()).isEqualTo(expected.get("nevent").get(0).asInt());
      assertThat(j.get("omittedRows").toString()).isEqualTo(expected.get("omitted").toString().replace(" ", ""));
    }
    assertThat(fits.get(0).get("eventCoding").asText()).isEqualTo("1/2");
    assertThat(fits.get(1).get("eventCoding").asText()).isEqualTo("TRUE/FALSE");
    assertThat(fits.get(0).get("coef")).isEqualTo(fits.get(1).get("coef"));
  }

  @Test
  void kaplanMeierOfOneTwoCodedDataEqualsR() throws Exception {
    // R: summary(survfit(Surv(time, status) ~ sex, data = read.csv("lung.csv")),
    //            times = c(100, 365, 1000), extend = TRUE)
    JsonNode j = json(CliRunner.run("survival", "km", "--input", LUNG, "--time", "time", "--event", "status",
        "--group", "sex", "--at", "100,365,1000", "--format", "json"));
    JsonNode expected = r.get("km_sex");
    List<Double> surv = new ArrayList<>();
    List<Double> se = new ArrayList<>();
    for (JsonNode stratum : j.get("strata")) {
      for (JsonNode at : stratum.get("at")) {
        surv.add(at.get("survival").asDouble());
        se.add(at.get("stdErr").asDouble());
      }
    }
    assertClose(Json.MAPPER.valueToTree(surv), expected.get("surv"), 1e-12);
    assertClose(Json.MAPPER.valueToTree(se), expected.get("std_err"), 1e-10);
  }

  @Test
  void otherMarkersAreNamedWithNa() throws Exception {
    // an SPSS-style export: -99 for a missing age; R: read.csv(f, na.strings = c("NA", "-99"))
    Path file = Files.writeString(dir.resolve("spss.csv"), "t,e,age\n5,1,40\n6,0,-99\n7,1,50\n8,1,NA\n9,0,45\n");
    JsonNode withMarker = json(CliRunner.run("survival", "cox", "--input", file.toString(), "--time", "t", "--event",
        "e", "--covariates", "age", "--na", "NA,-99", "--format", "json"));
    assertThat(withMarker.get("omittedRows").toString()).isEqualTo("[2,4]");
    // without the marker -99 is an age: the fit uses four rows
    JsonNode without = json(CliRunner.run("survival", "cox", "--input", file.toString(), "--time", "t", "--event", "e",
        "--covariates", "age", "--format", "json"));
    assertThat(without.get("omittedRows").toString()).isEqualTo("[4]");
    assertThat(without.get("n").asInt()).isEqualTo(4);
    // --na '' leaves only the empty cell missing: NA is then not a number
    CliRunner none = CliRunner.run("survival", "cox", "--input", file.toString(), "--time", "t", "--event", "e",
        "--covariates", "age", "--na", "");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(none.err()).contains("row 4, column age: not a number");
  }

  @Test
  void manyBadCodesAreRefusedInOneLine() throws Exception {
    StringBuilder csv = new StringBuilder("t,e\n");
    for (int i = 0; i < 500; i++) {
      csv.append(i + 1).append(',').append(i % 3 == 0 ? "died" : "0").append('\n');
    }
    Path file = Files.writeString(dir.resolve("codes.csv"), csv);
    CliRunner run = CliRunner.run("survival", "km", "--input", file.toString(), "--time", "t", "--event", "e");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("column e: 167 rows have a value that is not an event code (0/1, 1/2 or"
        + " TRUE/FALSE, as R's Surv reads): rows 1, 4, 7, 10, 13 and 162 more").doesNotContain("died");
    assertThat(run.err().lines().filter(l -> l.contains("column e")).count()).isEqualTo(1);
  }
}
