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
 * measure time. The files are smaller than one of {@code TableReader}'s parallel read chunks, so all
 * the work happens on the calling thread, whose allocation is what is counted.
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

  /** A command's arguments for an input of a number of rows (made on first use). */
  private interface Command {
    List<String> args(int rows) throws Exception;
  }

  @org.junit.jupiter.api.Test
  void scoringAndTenureAllocateLinearlyToo() throws Exception {
    for (String format : List.of("csv", "json")) {
      List<Command> commands = List.of(
          rows -> List.of("score", "--instrument", "swemwbs", "--input", answers(rows).toString(), "--format", format),
          rows -> List.of("tenure", "--people", people(rows).toString(), "--episodes", episodes(rows).toString(),
              "--extraction-date", "2026-09-30", "--format", format));
      for (Command command : commands) {
        allocated(command.args(N));
        long n = allocated(command.args(N));
        long fourN = allocated(command.args(4 * N));
        assertThat((double) fourN / n).as("bytes allocated on 4n rows / on n rows, %s", command.args(N))
            .isLessThan(6.0);
      }
    }
  }

  private static long allocated(List<String> command, Path input) {
    List<String> args = new ArrayList<>(command);
    args.add(command.get(0).equals("survival") ? 2 : 1, "--input");
    args.add(command.get(0).equals("survival") ? 3 : 2, input.toString());
    args.addAll(List.of("--format", "json"));
    return allocated(args);
  }

  private static long allocated(List<String> args) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    CliRunner run = CliRunner.run(args.toArray(String[]::new));
    long after = threads.getCurrentThreadAllocatedBytes();
    assertThat(run.exitCode()).as(run.err()).isZero();
    return after - before;
  }

  /** SWEMWBS answers, one administration a row, a few items missing. */
  private static Path answers(int rows) throws Exception {
    return written("answers-" + rows, rows, "subject,timepoint,q1,q2,q3,q4,q5,q6,q7", rows, (random, i, csv) -> {
      csv.append('S').append(i + 1).append(",baseline");
      for (int q = 0; q < 7; q++) {
        csv.append(',');
        if (random.nextInt(50) > 0) {
          csv.append(random.nextInt(1, 6));
        }
      }
    });
  }

  /** A people file: an index date in 2023 or 2024, a group, some ends of observation and deaths. */
  private static Path people(int rows) throws Exception {
    return written("people-" + rows, rows, "subject,index_date,end_date,death_date,group", rows, (random, i, csv) -> {
      java.time.LocalDate index = java.time.LocalDate.of(2023, 1, 1).plusDays(random.nextInt(700));
      csv.append('S').append(i + 1).append(',').append(index).append(',')
          .append(random.nextInt(10) == 0 ? index.plusDays(random.nextInt(1, 400)).toString() : "").append(',')
          .append(random.nextInt(50) == 0 ? index.plusDays(random.nextInt(1, 400)).toString() : "").append(',')
          .append(random.nextBoolean() ? "peer" : "usual");
    });
  }

  /** About two psychiatric or other episodes a person of {@link #people(int)}, in no particular order. */
  private static Path episodes(int rows) throws Exception {
    return written("episodes-" + rows, rows + 1L, "subject,admission_date,discharge_date,setting", 2 * rows,
        (random, e, csv) -> {
          java.time.LocalDate admission = java.time.LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1000));
          csv.append('S').append(random.nextInt(rows) + 1).append(',').append(admission).append(',')
              .append(admission.plusDays(random.nextInt(1, 60))).append(',')
              .append(random.nextInt(5) == 0 ? "other" : "psychiatric");
        });
  }

  /** A seeded cohort as the benchmarks generate it, in the columns a user's export has. */
  private static Path cohort(int rows) throws Exception {
    return written("cohort-" + rows, rows,
        "id,group,age,female,prior_admissions,psychosis,baseline,time,event,peer,after", rows, (random, i, csv) -> {
          boolean peer = random.nextBoolean();
          double baseline = Math.round(random.nextDouble(14, 70) * 10) / 10.0;
          csv.append('P').append(i + 1).append(',').append(peer ? "peer-support" : "usual-care").append(',')
              .append(random.nextInt(18, 81)).append(',').append(random.nextInt(2)).append(',')
              .append(random.nextInt(11)).append(',').append(random.nextInt(2)).append(',')
              .append(baseline).append(',').append(random.nextInt(1, peer ? 731 : 601)).append(',')
              .append(random.nextDouble() < 0.6 ? 1 : 0).append(',').append(peer ? 1 : 0).append(',')
              .append(String.format(Locale.ROOT, "%.1f", baseline + random.nextDouble(-5, 8)));
        });
  }

  /** Appends line {@code i} of a generated file, without its line break. */
  @FunctionalInterface
  private interface Line {
    void append(SplittableRandom random, int i, StringBuilder csv);
  }

  /** A seeded CSV file in the test folder, {@code name}.csv, written on first use. */
  private static Path written(String name, long seed, String header, int lines, Line line) throws Exception {
    Path file = dir.resolve(name + ".csv");
    if (!Files.exists(file)) {
      SplittableRandom random = new SplittableRandom(seed);
      StringBuilder csv = new StringBuilder(header).append('\n');
      for (int i = 0; i < lines; i++) {
        line.append(random, i, csv);
        csv.append('\n');
      }
      Files.writeString(file, csv);
    }
    return file;
  }
}
