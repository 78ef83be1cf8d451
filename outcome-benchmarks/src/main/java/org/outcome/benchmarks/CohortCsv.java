package org.outcome.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the seeded synthetic cohort of the end-to-end benchmark ({@code outcome-benchmarks/e2e}):
 * one CSV file that every command under test reads (Kaplan–Meier, log-rank, RMST, Cox, the
 * two-group comparison, the before-and-after analysis and the ANCOVA), by the outcome command line
 * and by the R and Python scripts beside it. The same rows and seed give the same bytes.
 *
 * <pre>
 * java -cp outcome-benchmarks/target/benchmarks.jar org.outcome.benchmarks.CohortCsv 1000000 /tmp/cohort-1m.csv
 * </pre>
 *
 * <p>Columns, in order: {@code id,group,age,female,prior_admissions,psychosis,baseline,time,event,peer,after}.
 *
 * <ul>
 *   <li>{@code id}: {@code P} and the row number, from {@code P1};
 *   <li>{@code group}: {@code peer-support} or {@code usual-care}, each with probability 1/2;
 *   <li>{@code age}: whole years, 18 to 80; {@code female}, {@code psychosis}: 0 or 1 (about 50% and 30%);
 *   <li>{@code prior_admissions}: whole number, 0 to 10;
 *   <li>{@code baseline}: a score with one decimal, 14.0 to 70.0;
 *   <li>{@code time}: days to readmission or censoring, whole numbers 1 to {@value #FOLLOW_UP_DAYS};
 *   <li>{@code event}: 1 readmitted, 0 censored (about 60% events); readmission comes sooner in
 *       usual care (hazard ratio of peer support about 0.7), so the groups' curves differ;
 *   <li>{@code peer}: 1 in {@code peer-support}, else 0 (the group as a Cox covariate);
 *   <li>{@code after}: the follow-up score, {@code baseline} plus a change (larger with peer
 *       support), one decimal, 0.0 to 84.0.
 * </ul>
 *
 * <p>Written in one pass with no per-row objects beyond the line buffer, so that ten million rows
 * take seconds, not the minute the commands under test may take.
 */
public final class CohortCsv {
  /** The default seed, so that every run of the benchmark reads the same cohort. */
  public static final long SEED = 20261204L;
  /** The follow-up window, in days. */
  public static final int FOLLOW_UP_DAYS = 730;
  /** The header row. */
  public static final String HEADER = "id,group,age,female,prior_admissions,psychosis,baseline,time,event,peer,after";

  private static final double BASE_HAZARD = 0.0017;
  private static final double PEER = -0.35;
  private static final double AGE = 0.01;
  private static final double FEMALE = -0.1;
  private static final double ADMISSIONS = 0.12;
  private static final double PSYCHOSIS = 0.3;
  private static final double BASELINE = -0.01;
  private static final double LOST_TO_FOLLOW_UP = 0.1;

  private CohortCsv() {}

  /** Writes {@code rows} people to {@code file}; the seed fixes the data. */
  public static void write(long rows, Path file, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
      StringBuilder line = new StringBuilder(128);
      out.write(HEADER);
      out.write('\n');
      for (long r = 1; r <= rows; r++) {
        boolean peer = random.nextBoolean();
        int age = (int) Math.min(80, Math.max(18, Math.round(44 + 14 * random.nextGaussian())));
        int female = random.nextDouble() < 0.5 ? 1 : 0;
        int admissions = (int) Math.min(10, Math.floor(-Math.log(1 - random.nextDouble()) * 1.6));
        int psychosis = random.nextDouble() < 0.3 ? 1 : 0;
        int baseline = (int) Math.min(700, Math.max(140, Math.round(10 * (38 + 9 * random.nextGaussian()))));
        double lp = (peer ? PEER : 0) + AGE * (age - 44) + FEMALE * female + ADMISSIONS * (admissions - 1.5)
            + PSYCHOSIS * psychosis + BASELINE * (baseline / 10.0 - 38);
        double t = -Math.log(1 - random.nextDouble()) / (BASE_HAZARD * Math.exp(lp));
        double c = random.nextDouble() < LOST_TO_FOLLOW_UP ? random.nextDouble() * FOLLOW_UP_DAYS : FOLLOW_UP_DAYS;
        int time = (int) Math.max(1, Math.ceil(Math.min(t, c)));
        int event = t <= c ? 1 : 0;
        double change = (peer ? 4.0 : 1.5) + 0.1 * (38 - baseline / 10.0) + 6 * random.nextGaussian();
        int after = (int) Math.min(840, Math.max(0, baseline + Math.round(10 * change)));

        line.setLength(0);
        line.append('P').append(r).append(',').append(peer ? "peer-support" : "usual-care")
            .append(',').append(age).append(',').append(female).append(',').append(admissions)
            .append(',').append(psychosis).append(',');
        tenths(line, baseline).append(',').append(time).append(',').append(event)
            .append(',').append(peer ? 1 : 0).append(',');
        tenths(line, after).append('\n');
        out.append(line);
      }
    }
  }

  /** Appends a non-negative number of tenths with one decimal: 345 as {@code 34.5}. */
  private static StringBuilder tenths(StringBuilder line, int tenths) {
    return line.append(tenths / 10).append('.').append(tenths % 10);
  }

  /** {@code CohortCsv ROWS FILE [SEED]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: CohortCsv ROWS FILE [SEED]");
      System.exit(2);
    }
    write(Long.parseLong(args[0]), Path.of(args[1]), args.length == 3 ? Long.parseLong(args[2]) : SEED);
  }
}
