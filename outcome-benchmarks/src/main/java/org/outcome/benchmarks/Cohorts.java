package org.outcome.benchmarks;

import java.util.SplittableRandom;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;

/**
 * Seeded synthetic tenure cohorts for the survival benchmarks (shared by Kaplan–Meier, log-rank
 * and Cox): time in whole days from discharge to readmission, two groups ({@code peer} and
 * {@code usual}), six covariates, about 68% events over three years of follow-up, so that the
 * data have the many tied times of real episode data.
 *
 * <p>Model: readmission time exponential with hazard {@code λ exp(lp)}, {@code lp = -0.3·peer +
 * 0.2·x1 + ... }; follow-up ends at 1095 days, or earlier (uniform) for 15% lost to follow-up;
 * the observed time is rounded up to whole days.
 */
public final class Cohorts {
  /** The follow-up window, in days. */
  public static final int FOLLOW_UP_DAYS = 1095;

  private static final double BASE_HAZARD = 0.00137;
  private static final double[] BETA = {0.2, -0.15, 0.1, 0.25, -0.05, 0.3};

  private Cohorts() {}

  /**
   * A cohort of {@code n} people, the same for the same seed.
   *
   * @param n rows
   * @param seed the random seed
   * @return time, event, group and covariates {@code x1..x6} (x1, x2 binary; the rest standard normal)
   */
  public static Cohort tenure(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    String[] group = new String[n];
    double[][] x = new double[BETA.length][n];
    for (int i = 0; i < n; i++) {
      boolean peer = random.nextBoolean();
      group[i] = peer ? "peer" : "usual";
      double lp = peer ? -0.3 : 0;
      for (int j = 0; j < BETA.length; j++) {
        x[j][i] = j < 2 ? (random.nextDouble() < 0.4 ? 1 : 0) : gaussian(random);
        lp += BETA[j] * x[j][i];
      }
      double t = -Math.log(1 - random.nextDouble()) / (BASE_HAZARD * Math.exp(lp));
      double c = random.nextDouble() < 0.15 ? random.nextDouble() * FOLLOW_UP_DAYS : FOLLOW_UP_DAYS;
      double observed = Math.min(t, c);
      time[i] = Math.max(1, Math.ceil(observed));
      event[i] = t <= c;
    }
    return new Cohort(time, event, group, x);
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * The generated columns.
   *
   * @param time days, whole numbers from 1 to {@link #FOLLOW_UP_DAYS}
   * @param event readmitted (true) or censored
   * @param group {@code peer} or {@code usual}
   * @param covariates {@code x1..x6}, one array per covariate
   */
  public record Cohort(double[] time, boolean[] event, String[] group, double[][] covariates) {
    /** The sample with the group column only. */
    public SurvivalSample grouped() {
      return SurvivalSample.builder(time, event).group(Factor.of(group)).build();
    }

    /** The sample with the group column and the six covariates (for Cox models). */
    public SurvivalSample withCovariates() {
      SurvivalSample.Builder b = SurvivalSample.builder(time, event).group(Factor.of(group));
      for (int j = 0; j < covariates.length; j++) {
        b.covariate("x" + (j + 1), covariates[j]);
      }
      return b.build();
    }

    /** The share of rows with an event. */
    public double eventShare() {
      int e = 0;
      for (boolean b : event) {
        e += b ? 1 : 0;
      }
      return (double) e / event.length;
    }
  }
}
