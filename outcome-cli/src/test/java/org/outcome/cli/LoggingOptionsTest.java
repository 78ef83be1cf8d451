package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code --verbose}, {@code -vv} and {@code --quiet}: the library's log goes to this process's
 * standard error through Logback (LogSetup), never to standard output, and is quiet by default.
 */
class LoggingOptionsTest {
  @TempDir Path dir;

  /** A run, with what Logback wrote to the process's standard error. */
  private record Logged(CliRunner run, String log) {}

  private static synchronized Logged run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      CliRunner r = CliRunner.run(args);
      return new Logged(r, log.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }

  private Path answers() throws Exception {
    Path file = dir.resolve("gse.csv");
    Files.writeString(file, """
        subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10
        NHS-0001,baseline,1,2,3,4,1,2,3,4,1,2
        NHS-0002,baseline,5,2,3,4,1,2,3,4,1,2
        NHS-0003,week 12,1,2,3,4,1,2,3,4,1,2
        """);
    return file;
  }

  @Test
  void byDefaultTheLibraryLogsNothing() throws Exception {
    Logged quiet = run("score", "--instrument", "gse", "--input", answers().toString());

    assertThat(quiet.run().exitCode()).isZero();
    assertThat(quiet.log()).isEmpty();
  }

  @Test
  void verboseShowsTheBatchSummaryOnStandardErrorAndLeavesStandardOutputAlone() throws Exception {
    String input = answers().toString();
    Logged plain = run("score", "--instrument", "gse", "--input", input);
    Logged verbose = run("--verbose", "score", "--instrument", "gse", "--input", input);

    assertThat(verbose.run().exitCode()).isZero();
    assertThat(verbose.log()).contains("INFO BatchScorer: batch scored: read 3 rows, scored 2, rejected 1")
        .doesNotContain("NHS-").doesNotContain("DEBUG");
    assertThat(verbose.run().out()).isEqualTo(plain.run().out()).startsWith("row,subject,timepoint,total")
        .doesNotContain("INFO");
  }

  @Test
  void theOptionsMayAlsoFollowTheCommand() throws Exception {
    Logged verbose = run("score", "--instrument", "gse", "--input", answers().toString(), "-v");

    assertThat(verbose.run().exitCode()).isZero();
    assertThat(verbose.log()).contains("batch scored: read 3 rows, scored 2, rejected 1");
  }

  @Test
  void veryVerboseShowsWhereEachPluginCameFrom() {
    Logged debug = run("-vv", "plugins", "--format", "json");

    assertThat(debug.run().exitCode()).isZero();
    assertThat(debug.log())
        .contains("DEBUG InstrumentRegistry: instrument 'gse' from org.outcome.instruments.BuiltInInstruments (")
        .contains("DEBUG AnalysisRegistry: analysis '");
    assertThat(debug.run().out()).startsWith("{").doesNotContain("DEBUG");
  }

  @Test
  void quietLogsErrorsOnlyAndTheNextRunGetsTheConfiguredLevelsBack() throws Exception {
    Logged quiet = run("--quiet", "score", "--instrument", "gse", "--input", answers().toString());

    assertThat(quiet.run().exitCode()).isZero();
    assertThat(quiet.log()).isEmpty();
    assertThat(LoggerFactory.getLogger("org.outcome.evaluation").isWarnEnabled()).isFalse();
    assertThat(LoggerFactory.getLogger("org.outcome.evaluation").isErrorEnabled()).isTrue();

    run("plugins");
    assertThat(LoggerFactory.getLogger("org.outcome.evaluation").isWarnEnabled()).isTrue();
    assertThat(LoggerFactory.getLogger("org.outcome.evaluation").isInfoEnabled()).isFalse();
  }

  @Test
  void quietAndVerboseTogetherAreAUsageError() {
    Logged both = run("-q", "-v", "plugins");

    assertThat(both.run().exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(both.run().err()).contains("--quiet and --verbose cannot be used together");
  }
}
