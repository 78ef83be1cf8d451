package org.outcome.benchmarks;

import java.util.SplittableRandom;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;

/**
 * The seeded synthetic tenure cohort every survival benchmark runs on (Kaplan–Meier, log-rank,
 * Cox): days from discharge to readmission over three years, six covariates, about 68% events,
 * and the many tied times of whole-day data. The same size and seed give the same cohort.
 *
 * <p>Model: readmission time exponential with hazard {@code h0 exp(b'x)}, covariates {@code peer}
 * and {@code female} (0/1), {@code age} (whole years, 18 to 90), {@code admissions} (previous
 * admissions, 0 to 12), {@code deprivation} (quintile 1 to 5) and {@code severity} (standard normal,
 * one decimal); follow-up ends at 1095 days, or earlier (uniformly) for the 15% lost to follow-up;
 * the observed time is rounded up to whole days. The two groups of the Kaplan–Meier and log-rank
 * benchmarks are {@code peer} ({@code peer = 1}) and {@code usual}.
 *
 * @param time days, whole numbers from 1 to {@link #FOLLOW_UP_DAYS}
 * @param event readmitted (true) or censored
 * @param covariates the columns named by {@link #COVARIATES}, one array per covariate
 */
public record TenureCohort(double[] time, boolean[] event, double[][] covariates) {
  /** The seed of every survival benchmark, so that they all measure the same data. */
  public static final long SEED = 20261125L;
  /** The follow-up window, in days. */
  public static final int FOLLOW_UP_DAYS = 1095;
  /** The covariates' names, in model order. */
  public static final String[] COVARIATES = {"peer", "female", "age", "admissions", "deprivation", "severity"};

  private static final double BASE_HAZARD = 0.00148;
  private static final double[] BETA = {-0.35, 0.1, 0.012, 0.15, 0.08, 0.3};

  /** A cohort of {@code n} people drawn with {@link #SEED}. */
  public static TenureCohort of(int n) {
    return of(n, SEED);
  }

  /** A cohort of {@code n} people; the same seed gives the same cohort. */
  public static TenureCohort of(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    double[][] x = new double[BETA.length][n];
    for (int i = 0; i < n; i++) {
      x[0][i] = random.nextBoolean() ? 1 : 0;
      x[1][i] = random.nextDouble() < 0.45 ? 1 : 0;
      x[2][i] = Math.min(90, Math.max(18, Math.round(45 + 15 * gaussian(random))));
      x[3][i] = Math.min(12, Math.floor(-Math.log(1 - random.nextDouble()) * 1.5));
      x[4][i] = 1 + random.nextInt(5);
      x[5][i] = Math.round(10 * gaussian(random)) / 10.0;
      double lp = 0;
      for (int j = 0; j < BETA.length; j++) {
        lp += BETA[j] * x[j][i];
      }
      lp -= BETA[2] * 45 + BETA[3] * 1.5 + BETA[4] * 3;
      double t = -Math.log(1 - random.nextDouble()) / (BASE_HAZARD * Math.exp(lp));
      double c = random.nextDouble() < 0.15 ? random.nextDouble() * FOLLOW_UP_DAYS : FOLLOW_UP_DAYS;
      double observed = Math.min(t, c);
      time[i] = Math.max(1, Math.ceil(observed));
      event[i] = t <= c;
    }
    return new TenureCohort(time, event, x);
  }

  /** The sample with the six covariates (for Cox models). */
  public SurvivalSample withCovariates() {
    SurvivalSample.Builder b = SurvivalSample.builder(time, event);
    for (int j = 0; j < covariates.length; j++) {
      b.covariate(COVARIATES[j], covariates[j]);
    }
    return b.build();
  }

  /** The sample with a group column only: {@code peer} where the {@code peer} covariate is 1, else {@code usual}. */
  public SurvivalSample grouped() {
    String[] group = new String[time.length];
    for (int i = 0; i < group.length; i++) {
      group[i] = covariates[0][i] == 1 ? "peer" : "usual";
    }
    return SurvivalSample.builder(time, event).group(Factor.of(group)).build();
  }

  /** The share of rows with an event. */
  public double eventShare() {
    int e = 0;
    for (boolean b : event) {
      e += b ? 1 : 0;
    }
    return (double) e / event.length;
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
