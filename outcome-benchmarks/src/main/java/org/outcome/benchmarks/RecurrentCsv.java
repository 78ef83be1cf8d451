package org.outcome.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the seeded synthetic data of the end-to-end benchmark's recurrent-event and
 * competing-risks jobs: people followed for up to {@value #FOLLOW_UP_DAYS} days, readmitted again and
 * again (a gamma frailty makes some people readmitted far more often than others; peer support
 * lowers the rate by about 30%), each stay taking them out of the community for a while, and dying
 * with a small daily hazard.
 *
 * <pre>
 * java -cp outcome-benchmarks/target/benchmarks.jar org.outcome.benchmarks.RecurrentCsv 1000000 recurrent /tmp/rec-1m.csv
 * java -cp outcome-benchmarks/target/benchmarks.jar org.outcome.benchmarks.RecurrentCsv 1000000 competing /tmp/comp-1m.csv
 * </pre>
 *
 * <p>{@code recurrent}: one row per interval in the community, {@code id,group,peer,age,female,start,stop,event}
 * (whole days; about four rows per person, three of them ending in a readmission).
 * {@code competing}: one row per person, {@code id,group,peer,age,female,time,status} (status 1 the first
 * readmission, 2 death before it, 0 censored). The same people, arguments and seed give the same bytes.
 */
public final class RecurrentCsv {
  /** The default seed. */
  public static final long SEED = 20261204L;
  /** The longest follow-up, in days. */
  public static final int FOLLOW_UP_DAYS = 730;

  private static final double RATE = 0.0068;
  private static final double PEER = Math.log(0.7);
  private static final double AGE = 0.008;
  private static final double DEATH = 0.00025;
  private static final double FRAILTY_SHAPE = 2;

  private RecurrentCsv() {}

  /**
   * Writes the file.
   *
   * @param args people, {@code recurrent} or {@code competing}, the output file, optionally a seed
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3 || !(args[1].equals("recurrent") || args[1].equals("competing"))) {
      System.err.println("usage: RecurrentCsv PEOPLE recurrent|competing FILE [SEED]");
      System.exit(2);
    }
    int people = Integer.parseInt(args[0]);
    boolean recurrent = args[1].equals("recurrent");
    long seed = args.length > 3 ? Long.parseLong(args[3]) : SEED;
    write(people, recurrent, Path.of(args[2]), seed);
  }

  static void write(int people, boolean recurrent, Path file, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(recurrent ? "id,group,peer,age,female,start,stop,event\n" : "id,group,peer,age,female,time,status\n");
      StringBuilder line = new StringBuilder(64);
      for (int p = 1; p <= people; p++) {
        int peer = random.nextInt(2);
        int age = 18 + random.nextInt(63);
        int female = random.nextInt(2);
        double frailty = gamma(random, FRAILTY_SHAPE) / FRAILTY_SHAPE;
        double rate = RATE * Math.exp(PEER * peer + AGE * (age - 45)) * frailty;
        int followUp = random.nextDouble() < 0.3 ? 30 + random.nextInt(FOLLOW_UP_DAYS - 30) : FOLLOW_UP_DAYS;
        int death = 1 + (int) (-Math.log(1 - random.nextDouble()) / DEATH);
        int end = Math.min(followUp, death);
        String prefix = "P" + p + "," + (peer == 1 ? "peer-support" : "usual-care") + "," + peer + "," + age + ","
            + female + ",";
        int start = 0;
        boolean first = true;
        while (start < end) {
          int event = start + 1 + (int) (-Math.log(1 - random.nextDouble()) / rate);
          boolean readmitted = event <= end;
          int stop = readmitted ? event : end;
          if (!recurrent) {
            int status = readmitted ? 1 : end == death ? 2 : 0;
            line.setLength(0);
            out.write(line.append(prefix).append(stop).append(',').append(status).append('\n').toString());
            break;
          }
          line.setLength(0);
          out.write(line.append(prefix).append(start).append(',').append(stop).append(',').append(readmitted ? 1 : 0)
              .append('\n').toString());
          first = false;
          if (!readmitted) {
            break;
          }
          start = stop + 1 + (int) (-Math.log(1 - random.nextDouble()) * 14);
        }
        if (recurrent && first) {
          throw new IllegalStateException("every person has a row");
        }
      }
    }
  }

  /** A gamma variate with scale 1 (Marsaglia and Tsang), shape at least 1. */
  private static double gamma(SplittableRandom random, double shape) {
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
