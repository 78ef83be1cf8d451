package org.outcome.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;

/** The refusals of {@code outcome serve} before it starts; the running service is ScoringServiceTest's. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void aTokenOrAnExplicitNoAuthIsRequired() throws Exception {
    // the test JVM's environment has no OUTCOME_SERVICE_TOKEN (checked, so that the case is real)
    assertThat(System.getenv(ServeCommand.TOKEN_VARIABLE)).isNull();
    CliRunner none = CliRunner.run("serve", "--port", "0");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).contains("a bearer token is needed");

    Path token = dir.resolve("token");
    Files.writeString(token, "x".repeat(40) + "\n");
    CliRunner both = CliRunner.run("serve", "--port", "0", "--no-auth", "--token-file", token.toString());
    assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.err()).contains("exclude each other");

    String shortToken = "short-secret-token";
    Files.writeString(token, shortToken);
    CliRunner tooShort = CliRunner.run("serve", "--port", "0", "--token-file", token.toString());
    assertThat(tooShort.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooShort.err()).contains("at least 32").doesNotContain(shortToken);
  }
}
