package org.outcome.cli.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.RFixtures;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.JsonText;

/**
 * The recurrent-event and competing-risks commands on the shared fixtures ({@code andersen-gill}:
 * cgd; {@code competing-risks}: mgus2), their JSON compared with R's field by field within each
 * fixture's tolerance, and their refusals of bad rows (by row and column, never the value, every
 * bad row listed).
 */
class RecurrentCompetingCliTest {
  @TempDir Path dir;

  private static Map<?, ?> json(String... args) {
    CliRunner r = CliRunner.run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return (Map<?, ?>) JsonText.parse(r.out());
  }

  @Test
  void andersenGillMatchesTheCgdFixture() {
    Fixture f = RFixtures.ofKind("andersen-gill").get(0);
    Path file = f.writeCsv(dir.resolve("cgd.csv"), "id", "start", "stop", "event", "treat", "age");
    Map<?, ?> json = json("survival", "andersen-gill", "--input", file.toString(), "--start", "start", "--stop", "stop",
        "--event", "event", "--id", "id", "--covariates", "treat,age", "--format", "json");
    Map<String, Object> actual = new LinkedHashMap<>();
    for (String key : List.of("terms", "coef", "se", "naiveSe", "loglik")) {
      actual.put(key, json.get(key));
    }
    f.assertMatches(actual);
    assertThat(((Number) json.get("clusters")).intValue()).isEqualTo(128);
  }

  @Test
  void cumulativeIncidenceAndFineGrayMatchTheMgus2Fixture() {
    Fixture f = RFixtures.ofKind("competing-risks").get(0);
    Path file = f.writeCsv(dir.resolve("mgus2.csv"), "time", "status", "age", "male");
    String at = ((List<?>) f.options().get("times")).stream().map(String::valueOf).collect(Collectors.joining(","));
    Map<?, ?> cif = json("survival", "cif", "--input", file.toString(), "--time", "time", "--status", "status",
        "--at", at, "--format", "json");
    Map<?, ?> fg = json("survival", "fine-gray", "--input", file.toString(), "--time", "time", "--status", "status",
        "--covariates", "age,male", "--fail-code", "1", "--format", "json");
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("cifCause1", cif.get("cifCause1"));
    actual.put("cifCause2", cif.get("cifCause2"));
    actual.put("cifVarCause1", cif.get("cifVarCause1"));
    actual.put("fineGrayCoef", fg.get("coef"));
    actual.put("fineGraySe", fg.get("se"));
    actual.put("fineGrayP", fg.get("p"));
    f.assertMatches(actual);
    assertThat(((Map<?, ?>) fg.get("causeSpecific")).get("coef")).isNotNull();
  }

  @Test
  void mcfPrintsTheRobustCurveAndRates() {
    Fixture f = RFixtures.ofKind("andersen-gill").get(0);
    Path file = f.writeCsv(dir.resolve("cgd.csv"), "id", "start", "stop", "event", "treat", "age");
    Map<?, ?> json = json("survival", "mcf", "--input", file.toString(), "--start", "start", "--stop", "stop",
        "--event", "event", "--id", "id", "--group", "treat", "--at", "100,300", "--format", "json");
    Map<?, ?> placebo = (Map<?, ?>) ((List<?>) json.get("curves")).get(0);
    assertThat(placebo.get("group")).isEqualTo("0");
    // survfit(Surv(tstart, tstop, status) ~ treat, data = cgd, id = id): cumhaz, std.chaz at 100, 300
    List<?> mean = (List<?>) placebo.get("meanAt");
    List<?> se = (List<?>) placebo.get("seAt");
    assertThat(((Number) mean.get(1)).doubleValue()).isCloseTo(0.892971559173856, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(((Number) se.get(0)).doubleValue()).isCloseTo(0.0654429729705523, org.assertj.core.api.Assertions.within(1e-12));
    assertThat((List<?>) json.get("ratios")).hasSize(1);
  }

  @Test
  void badRowsAreRefusedByRowAndColumnNeverByValue() throws Exception {
    Path rows = dir.resolve("bad.csv");
    Files.writeString(rows, """
        id,start,stop,event,x
        a,0,10,1,0.5
        a,5,20,0,0.5
        b,7,7,1,1.5
        c,0,4,2,1.5
        d,,9,1,0.25
        """);
    CliRunner r = CliRunner.run("survival", "andersen-gill", "--input", rows.toString(), "--start", "start", "--stop",
        "stop", "--event", "event", "--id", "id", "--covariates", "x");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("column event: the codes mix codings: 0 on 1 row (2), 1 on 3 rows (1, 3, 5), 2 on 1 row (4)");
    Files.writeString(rows, """
        id,start,stop,event,x
        a,0,10,1,0.5
        a,5,20,0,0.5
        b,7,7,1,1.5
        d,,9,1,0.25
        """);
    r = CliRunner.run("survival", "andersen-gill", "--input", rows.toString(), "--start", "start", "--stop", "stop",
        "--event", "event", "--id", "id", "--covariates", "x");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("row 2").contains("overlaps").contains("row 1").contains("row 3")
        .contains("not before the stop").doesNotContain("0.5");
    Path competing = dir.resolve("competing.csv");
    Files.writeString(competing, """
        time,status,x
        3,1,0.5
        0,2,0.75
        4,3,0.5
        5,1.5,0.5
        6,0,0.5
        """);
    r = CliRunner.run("survival", "cif", "--input", competing.toString(), "--time", "time", "--status", "status",
        "--causes", "1,2");
    assertThat(r.exitCode()).isEqualTo(3);
    // an event at time 0 (row 2) is accepted, as cmprsk's cuminc accepts it
    assertThat(r.err()).contains("row 3, column status").contains("row 4, column status").doesNotContain("row 2")
        .doesNotContain("1.5");
  }
}
