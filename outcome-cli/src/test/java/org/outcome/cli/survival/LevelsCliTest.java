package org.outcome.cli.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.RFixtures;
import org.outcome.cli.io.Json;
import org.outcome.testkit.fixtures.Fixture;

/**
 * {@code --levels} (the order of the group levels) and {@code --reference}: the order only
 * reorders and, where a comparison has a direction, names its reference; no number changes except
 * by the direction. R: {@code factor(arm, levels = c("odd", "even"))} or {@code relevel(arm,
 * "odd")} before the same call.
 */
class LevelsCliTest {
  private static final String LUNG = "src/test/resources/r-exports/lung.csv";
  @TempDir Path dir;

  private static JsonNode json(String... args) throws Exception {
    CliRunner run = CliRunner.run(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.MAPPER.readTree(run.out());
  }

  private static String[] survival(String command, String... more) {
    List<String> args = new ArrayList<>(List.of("survival", command, "--input", LUNG, "--time", "time", "--event",
        "status", "--group", "arm", "--format", "json"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void kaplanMeierCurvesFollowTheOrderUnchanged() throws Exception {
    JsonNode byDefault = json(survival("km", "--at", "100,365"));
    JsonNode reversed = json(survival("km", "--at", "100,365", "--levels", "odd,even"));
    assertThat(byDefault.at("/strata/0/stratum").asText()).isEqualTo("arm=even"); // code-point order
    assertThat(reversed.at("/strata/0/stratum").asText()).isEqualTo("arm=odd");
    assertThat(reversed.at("/strata/0")).isEqualTo(byDefault.at("/strata/1"));
    assertThat(reversed.at("/strata/1")).isEqualTo(byDefault.at("/strata/0"));
  }

  @Test
  void theLogRankTestIsSymmetricInTheOrder() throws Exception {
    // R: survdiff(Surv(time, status) ~ factor(arm, levels = c("odd", "even")), data = lung.csv)
    JsonNode byDefault = json(survival("logrank"));
    JsonNode reversed = json(survival("logrank", "--levels", "odd,even"));
    assertThat(reversed.get("chisq").asDouble()).isCloseTo(byDefault.get("chisq").asDouble(), within(1e-12));
    assertThat(reversed.get("groups").toString()).isEqualTo("[\"arm=odd\",\"arm=even\"]");
    assertThat(reversed.at("/observed/0")).isEqualTo(byDefault.at("/observed/1"));
    assertThat(reversed.at("/expected/1").asDouble()).isCloseTo(byDefault.at("/expected/0").asDouble(),
        within(1e-9));
  }

  @Test
  void theFirstLevelIsTheReferenceOfRmstUnlessNamed() throws Exception {
    JsonNode levels = json(survival("rmst", "--tau", "500", "--levels", "odd,even"));
    JsonNode reference = json(survival("rmst", "--tau", "500", "--reference", "odd"));
    JsonNode byDefault = json(survival("rmst", "--tau", "500"));
    assertThat(levels.get("contrasts")).isEqualTo(reference.get("contrasts"));
    assertThat(levels.at("/contrasts/0/reference").asText()).isEqualTo("arm=odd");
    assertThat(levels.at("/contrasts/0/difference").asDouble())
        .isCloseTo(-byDefault.at("/contrasts/0/difference").asDouble(), within(1e-9));
    // --reference wins over the order's first level
    JsonNode both = json(survival("rmst", "--tau", "500", "--levels", "odd,even", "--reference", "even"));
    assertThat(both.get("contrasts")).isEqualTo(byDefault.get("contrasts"));
  }

  @Test
  void mcfRatiosTakeTheReferenceAndCurvesTheOrder() throws Exception {
    Fixture f = RFixtures.ofKind("andersen-gill").get(0);
    Path file = f.writeCsv(dir.resolve("cgd.csv"), "id", "start", "stop", "event", "treat", "age");
    List<String> base = List.of("survival", "mcf", "--input", file.toString(), "--start", "start", "--stop", "stop",
        "--event", "event", "--id", "id", "--group", "treat", "--format", "json");
    JsonNode byDefault = json(base.toArray(String[]::new));
    List<String> withReference = new ArrayList<>(base);
    withReference.addAll(List.of("--reference", "1"));
    JsonNode flipped = json(withReference.toArray(String[]::new));
    assertThat(flipped.at("/ratios/0/reference").asText()).isEqualTo("1");
    assertThat(flipped.at("/ratios/0/ratio").asDouble())
        .isCloseTo(1 / byDefault.at("/ratios/0/ratio").asDouble(), within(1e-12));
    assertThat(flipped.at("/curves/0/group").asText()).isEqualTo("1");
  }

  @Test
  void aLevelOrderMustListEveryLevelOnce() {
    CliRunner run = CliRunner.run(survival("logrank", "--levels", "odd,evn,odd"));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("'evn' is not one of the levels", "'odd' is listed twice",
        "level 'even' is missing from the order");
  }
}
