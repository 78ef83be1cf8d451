package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A guard against quadratic work on every path a user runs, without timing anything: each command
 * runs in-process on a cohort file of n rows and of 4n rows, and the bytes its thread allocates
 * must grow about four times, not sixteen. Reading a column per row (a copy of the whole column
 * each time, as {@code SurvivalInput} once did) allocates n columns of n values, so its bytes grow
 * sixteen times and this fails; a linear or n log n path stays near four. Allocation, unlike time,
 * does not depend on what else the machine is doing. Blind spot: a quadratic loop that allocates
 * nothing (a linear search per row) is not seen here; the benchmarks in {@code outcome-benchmarks/e2e}
 * measure time.
 */
class LinearWorkTest {
  private static final int N = 4_000;

  @TempDir static Path dir;

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("survival", "km", "--time", "time", "--event", "event", "--group", "group"),
        List.of("survival", "logrank", "--time", "time", "--event", "event", "--group", "group"),
        List.of("survival", "logrank", "--time", "time", "--event", "event", "--group", "group", "--strata", "female"),
        List.of("survival", "rmst", "--time", "time", "--event", "event", "--group", "group", "--tau", "300"),
        List.of("survival", "cox", "--time", "time", "--event", "event",
            "--covariates", "peer,age,female,prior_admissions,psychosis,baseline"),
        List.of("survival", "cox", "--time", "time", "--event", "event", "--covariates", "peer,age",
            "--cluster", "id"),
        List.of("compare", "--value", "baseline", "--group", "group"),
        List.of("paired", "--before", "baseline", "--after", "after"),
        List.of("ancova", "--pre", "baseline", "--post", "after", "--group", "group"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void allocationGrowsLinearlyWithTheRows(List<String> command) throws Exception {
    Path small = cohort(N);
    Path large = cohort(4 * N);
    allocated(command, small); // loads the classes once, so that both runs below count only the work
    long n = allocated(command, small);
    long fourN = allocated(command, large);

    assertThat((double) fourN / n).as("bytes allocated on 4n rows / on n rows, %s", command).isLessThan(6.0);
  }

  private static long allocated(List<String> command, Path input) {
    List<String> args = new ArrayList<>(command);
    args.add(command.get(0).equals("survival") ? 2 : 1, "--input");
    args.add(command.get(0).equals("survival") ? 3 : 2, input.toString());
    args.addAll(List.of("--format", "json"));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    CliRunner run = CliRunner.run(args.toArray(String[]::new));
    long after = threads.getCurrentThreadAllocatedBytes();
    assertThat(run.exitCode()).as(run.err()).isZero();
    return after - before;
  }

  /** A seeded cohort as the benchmarks generate it, in the columns a user's export has. */
  private static Path cohort(int rows) throws Exception {
    Path file = dir.resolve("cohort-" + rows + ".csv");
    if (Files.exists(file)) {
      return file;
    }
    SplittableRandom random = new SplittableRandom(rows);
    StringBuilder csv = new StringBuilder("id,group,age,female,prior_admissions,psychosis,baseline,time,event,peer,after\n");
    for (int i = 0; i < rows; i++) {
      boolean peer = random.nextBoolean();
      double baseline = Math.round(random.nextDouble(14, 70) * 10) / 10.0;
      csv.append('P').append(i + 1).append(',').append(peer ? "peer-support" : "usual-care").append(',')
          .append(random.nextInt(18, 81)).append(',').append(random.nextInt(2)).append(',')
          .append(random.nextInt(11)).append(',').append(random.nextInt(2)).append(',')
          .append(baseline).append(',').append(random.nextInt(1, peer ? 731 : 601)).append(',')
          .append(random.nextDouble() < 0.6 ? 1 : 0).append(',').append(peer ? 1 : 0).append(',')
          .append(String.format(Locale.ROOT, "%.1f", baseline + random.nextDouble(-5, 8))).append('\n');
    }
    Files.writeString(file, csv);
    return file;
  }
}
