package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code outcome spark} in a run without the outcome-spark module (the class path of these tests):
 * it says what to do instead of failing somewhere inside, refuses commands that do not run on
 * Spark, and shows a command's own help without starting Spark. The module's tests run the
 * commands on Spark.
 */
class SparkCommandTest {
  @Test
  void withoutSparkOnTheClassPathItSaysHowToStartIt() {
    CliRunner r = CliRunner.run("spark", "survival", "km", "--input", "x.csv", "--time", "t", "--event", "e");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Spark is not on the class path").contains("./outcome spark");
  }

  @Test
  void aCommandThatDoesNotRunOnSparkIsRefusedByName() {
    CliRunner r = CliRunner.run("spark", "--master", "local[2]", "mcnemar", "--cells", "10,5,3,12");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("'mcnemar' does not run on Spark").contains("survival km", "tenure", "score",
        "paired", "compare", "ancova");
  }

  @Test
  void aCommandsHelpNeedsNoSpark() {
    CliRunner r = CliRunner.run("spark", "survival", "cox", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--covariates");
  }
}
