package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.outcome.cli.io.Json;

class MainTest {
  @Test
  void helpListsTheCommandsAndConventions() {
    CliRunner r = CliRunner.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: outcome", "plugins", "Exit codes: 0 success, 2 usage error, 3 invalid input");
  }

  @Test
  void versionPrintsTheProjectVersion() {
    CliRunner r = CliRunner.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("outcome ").doesNotContain("${project.version}").doesNotContain("unknown");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRunner r = CliRunner.run("frobnicate");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Unmatched argument").contains("'frobnicate'");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRunner r = CliRunner.run();

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("missing command");
  }

  @Test
  void badFormatValueIsAUsageError() {
    CliRunner r = CliRunner.run("plugins", "--format", "xml");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--format");
  }

  @Test
  void pluginsListsRegistriesAsJson() throws Exception {
    CliRunner r = CliRunner.run("plugins", "--format", "JSON");

    assertThat(r.exitCode()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.has("instruments")).isTrue();
    assertThat(json.get("analyses").isArray()).isTrue();
  }

  @Test
  void csvIsRefusedWhereACommandHasNoCsv() {
    CliRunner r = CliRunner.run("plugins", "--format", "csv");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--format csv is not available for this command");
  }
}
