package org.outcome.stats.balance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.outcome.api.DegenerateDataException;
import org.outcome.stats.descriptive.Descriptives;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * Inverse probability of treatment weights from propensity scores, the weighted (Hájek) difference
 * in means they give, and the standardised mean differences that show the balance they achieve.
 *
 * <p>Weights for treatment {@code t} (0/1) and propensity {@code e}:
 * <ul>
 *   <li>{@link Estimand#ATE}: {@code t / e + (1 − t) / (1 − e)};
 *   <li>{@link Estimand#ATT}: {@code t + (1 − t) e / (1 − e)};
 *   <li>{@link Estimand#OVERLAP}: {@code t (1 − e) + (1 − t) e} (Li, Morgan &amp; Zaslavsky 2018).
 * </ul>
 * Stabilised ATE weights multiply by the share of units in the unit's own group; Hájek means
 * normalise by the sum of weights, so stabilising changes no mean.
 *
 * <p>Standardised mean differences, as the fixtures and MatchIt's {@code summary}: the (weighted)
 * difference of the groups' means over an unweighted standard deviation, the pooled
 * {@code sqrt((s1² + s0²) / 2)} for the ATE and overlap, the treated group's {@code s1} for the ATT.
 */
public final class Weighting {
  /** MatchIt's threshold for a difference or a standard deviation that is zero: {@code sqrt(.Machine$double.eps)}. */
  private static final double SQRT_EPSILON = Math.sqrt(Math.ulp(1.0));

  private Weighting() {}

  /** Whom the weights make the groups resemble. */
  public enum Estimand {
    /** The average treatment effect: both groups weighted to the whole sample. */
    ATE,
    /** The average treatment effect on the treated: controls weighted to the treated. */
    ATT,
    /** Overlap weights: both groups weighted to the units with the most equipoise. */
    OVERLAP
  }

  /**
   * Each unit's weight.
   *
   * @param treatment 0 or 1 per unit
   * @param propensity each unit's propensity score, strictly between 0 and 1
   * @param stabilised for the ATE, multiply by the share of units in the unit's group
   * @throws DegenerateDataException if a score is 0 or 1 (no weight exists)
   */
  public static double[] weights(double[] treatment, double[] propensity, Estimand estimand, boolean stabilised) {
    int n = treatment.length;
    double treated = 0;
    for (double t : treatment) {
      treated += t;
    }
    double share = treated / n;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double e = propensity[i];
      if (!(e > 0 && e < 1)) {
        throw new DegenerateDataException("unit " + (i + 1) + " has a propensity score of " + (e <= 0 ? 0 : 1)
            + ", so it has no weight", "restrict to units with common support, or trim the scores");
      }
      boolean t = treatment[i] == 1;
      w[i] = switch (estimand) {
        case ATE -> (t ? 1 / e : 1 / (1 - e)) * (stabilised ? (t ? share : 1 - share) : 1);
        case ATT -> t ? 1 : e / (1 - e);
        case OVERLAP -> t ? 1 - e : e;
      };
    }
    return w;
  }

  /**
   * Weights trimmed (winsorised) at a quantile: each weight above the {@code quantile}-th quantile
   * (R's default type 7) of the weights that vary is set to it. For the ATT those are the
   * controls' (the treated weigh 1); otherwise all units'. The rule of WeightIt's {@code trim(w,
   * at = quantile)} as its manual describes it (WeightIt is not packaged by Debian, so not checked
   * against it). Effects on trimmed weights estimate a slightly different population: say so.
   *
   * @param quantile in (0, 1], for example 0.99
   */
  public static double[] trim(double[] w, double[] treatment, Estimand estimand, double quantile) {
    if (!(quantile > 0 && quantile <= 1)) {
      throw new IllegalArgumentException("the trimming quantile must be in (0, 1], got " + quantile);
    }
    double[] varying = IntStream.range(0, w.length).filter(i -> estimand != Estimand.ATT || treatment[i] == 0)
        .mapToDouble(i -> w[i]).toArray();
    double cap = Descriptives.quantile(varying, quantile);
    double[] out = w.clone();
    for (int i = 0; i < out.length; i++) {
      if ((estimand != Estimand.ATT || treatment[i] == 0) && out[i] > cap) {
        out[i] = cap;
      }
    }
    return out;
  }

  /** The weighted mean of {@code y} in group {@code group} (Hájek: over the group's sum of weights). */
  public static double weightedMean(double[] y, double[] treatment, double[] w, int group) {
    double s = 0;
    double t = 0;
    for (int i = 0; i < y.length; i++) {
      if (treatment[i] == group) {
        s += w[i] * y[i];
        t += w[i];
      }
    }
    return s / t;
  }

  /** The weighted difference in means, treated minus control. */
  public static double difference(double[] y, double[] treatment, double[] w) {
    return weightedMean(y, treatment, w, 1) - weightedMean(y, treatment, w, 0);
  }

  /**
   * A weighted difference in means, treated minus control (a risk difference when the outcome is
   * 0/1), with robust standard errors: the coefficient of the treatment in the weighted least
   * squares fit {@code lm(y ~ t, weights = w)} and its sandwich variances, as R's
   * {@code sandwich::vcovHC(fit, type = "HC0")} and {@code sandwich::vcovCL(fit, cluster, type =
   * "HC0")} (with its default small-sample factor {@code G / (G − 1)} over the G clusters). They
   * treat the weights as known, as those calls do.
   *
   * @param estimate the difference
   * @param seHc0 the heteroscedasticity-consistent standard error
   * @param seClustered the cluster-robust standard error, when clusters were given
   * @param clusters the number of clusters with a unit of positive weight (0 without clusters)
   */
  public record Effect(double estimate, double seHc0, OptionalDouble seClustered, int clusters) {
    /** Checks. */
    public Effect {
      Objects.requireNonNull(seClustered, "seClustered");
    }

    /** The standard error to report: the clustered one when there are clusters, else HC0. */
    public double se() {
      return seClustered.orElse(seHc0);
    }

    /** The two-sided p-value of no difference, from the normal distribution of estimate / {@link #se()}. */
    public double p() {
      return Distributions.normalTwoSided(estimate / se());
    }

    /**
     * The normal (Wald) confidence interval {@code estimate ∓ z se()}, as
     * {@code marginaleffects::avg_comparisons} gives after matching or weighting.
     *
     * @return the lower and upper limits
     */
    public double[] interval(double level) {
      double z = Distributions.normalQuantile(1 - (1 - Arguments.confLevel(level)) / 2);
      return new double[] {estimate - z * se(), estimate + z * se()};
    }
  }

  /** The weighted difference with its HC0 standard error. */
  public static Effect effect(double[] y, double[] treatment, double[] w) {
    return effect(y, treatment, w, null);
  }

  /**
   * The weighted difference with its HC0 and cluster-robust standard errors.
   *
   * @param cluster each unit's cluster (for example its matched set), or null for none; units of
   *     weight 0 are in no cluster
   */
  public static Effect effect(double[] y, double[] treatment, double[] w, int[] cluster) {
    double m1 = weightedMean(y, treatment, w, 1);
    double m0 = weightedMean(y, treatment, w, 0);
    double w1 = 0;
    double w0 = 0;
    for (int i = 0; i < y.length; i++) {
      if (treatment[i] == 1) {
        w1 += w[i];
      } else {
        w0 += w[i];
      }
    }
    // The influence of unit i on the coefficient: w e / W of its group, signed by the group.
    double[] influence = new double[y.length];
    double hc0 = 0;
    for (int i = 0; i < y.length; i++) {
      influence[i] = treatment[i] == 1 ? w[i] * (y[i] - m1) / w1 : -w[i] * (y[i] - m0) / w0;
      hc0 += influence[i] * influence[i];
    }
    if (cluster == null) {
      return new Effect(m1 - m0, Math.sqrt(hc0), OptionalDouble.empty(), 0);
    }
    // clusters summed by id: in an array when the ids are small, as matched sets' are
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < y.length; i++) {
      if (w[i] > 0) {
        min = Math.min(min, cluster[i]);
        max = Math.max(max, cluster[i]);
      }
    }
    double clustered = 0;
    int g = 0;
    if (min >= 0 && max < 4L * y.length) {
      double[] sums = new double[max + 1];
      boolean[] seen = new boolean[max + 1];
      for (int i = 0; i < y.length; i++) {
        if (w[i] > 0) {
          sums[cluster[i]] += influence[i];
          seen[cluster[i]] = true;
        }
      }
      for (int c = 0; c <= max; c++) {
        if (seen[c]) {
          g++;
          clustered += sums[c] * sums[c];
        }
      }
    } else {
      Map<Integer, double[]> sums = new HashMap<>();
      for (int i = 0; i < y.length; i++) {
        if (w[i] > 0) {
          sums.computeIfAbsent(cluster[i], c -> new double[1])[0] += influence[i];
        }
      }
      g = sums.size();
      for (double[] s : sums.values()) {
        clustered += s[0] * s[0];
      }
    }
    return new Effect(m1 - m0, Math.sqrt(hc0), OptionalDouble.of(Math.sqrt(clustered * g / (g - 1.0))), g);
  }

  /**
   * Each covariate's variance ratio, treated over control, with weighted variances
   * {@code Σw(x − m)² / (Σw − Σw²/Σw)} (the sample variance when the weights are all 1, as
   * cobalt's {@code bal.tab} computes them); near 1 when the spreads match. Meaningful for
   * continuous covariates; a 0/1 covariate's ratio follows from its means.
   */
  public static double[] varianceRatios(double[] treatment, List<double[]> covariates, double[] weights) {
    double[] ratio = new double[covariates.size()];
    for (int j = 0; j < ratio.length; j++) {
      double[] x = covariates.get(j);
      ratio[j] = weightedVariance(x, treatment, weights, 1) / weightedVariance(x, treatment, weights, 0);
    }
    return ratio;
  }

  /**
   * One group's weighted variance {@code Σw(x − m)² / (Σw − Σw²/Σw)}: the sample variance
   * (denominator n − 1) when the weights are all 1.
   */
  private static double weightedVariance(double[] x, double[] treatment, double[] w, int group) {
    double mean = weightedMean(x, treatment, w, group);
    double sw = 0;
    double sw2 = 0;
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (treatment[i] == group) {
        sw += w[i];
        sw2 += w[i] * w[i];
        s += w[i] * (x[i] - mean) * (x[i] - mean);
      }
    }
    return s / (sw - sw2 / sw);
  }

  /**
   * The share of units whose propensity score lies in the region of common support, from the
   * larger of the groups' smallest scores to the smaller of their largest.
   */
  public static double commonSupport(double[] treatment, double[] propensity) {
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < propensity.length; i++) {
      int g = treatment[i] == 1 ? 1 : 0;
      min[g] = Math.min(min[g], propensity[i]);
      max[g] = Math.max(max[g], propensity[i]);
    }
    double lo = Math.max(min[0], min[1]);
    double hi = Math.min(max[0], max[1]);
    long inside = 0;
    for (double e : propensity) {
      if (e >= lo && e <= hi) {
        inside++;
      }
    }
    return (double) inside / propensity.length;
  }

  /** Kish's effective sample size of a group, {@code (Σw)² / Σw²}. */
  public static double effectiveSize(double[] treatment, double[] w, int group) {
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < w.length; i++) {
      if (treatment[i] == group) {
        s += w[i];
        s2 += w[i] * w[i];
      }
    }
    return s * s / s2;
  }

  /**
   * The standardised mean difference of each covariate, treated minus control, weighted means over
   * the unweighted SD of the estimand ({@code weights} all 1 for the balance before weighting).
   * With MatchIt's guards: a difference within {@code sqrt(machine epsilon)} of 0 is given as it
   * is, and for the ATT a covariate constant among the treated is standardised by the pooled SD;
   * a covariate constant in both groups has difference 0, so no result is infinite or NaN.
   */
  public static double[] standardisedDifferences(double[] treatment, List<double[]> covariates, double[] weights,
      Estimand estimand) {
    double[] ones = new double[treatment.length];
    Arrays.fill(ones, 1);
    double[] smd = new double[covariates.size()];
    for (int j = 0; j < smd.length; j++) {
      double[] x = covariates.get(j);
      double v1 = weightedVariance(x, treatment, ones, 1);
      double v0 = weightedVariance(x, treatment, ones, 0);
      double sd = estimand == Estimand.ATT ? Math.sqrt(v1) : Math.sqrt((v1 + v0) / 2);
      if (!(sd >= SQRT_EPSILON)) {
        sd = Math.sqrt((v1 + v0) / 2); // constant among the treated: the pooled SD, as MatchIt falls back
      }
      double diff = weightedMean(x, treatment, weights, 1) - weightedMean(x, treatment, weights, 0);
      smd[j] = Math.abs(diff) <= SQRT_EPSILON ? diff : diff / sd;
    }
    return smd;
  }

  /**
   * Standardised mean differences as MatchIt's {@code summary} gives them for the ATT: the
   * weighted difference of the groups' means over the treated group's standard deviation in the
   * whole sample, {@code sqrt(p (1 − p))} for a 0/1 covariate and the sample SD otherwise. As
   * MatchIt 4.5.1 (its {@code qoi}): a difference within {@code sqrt(machine epsilon)} of 0 is
   * reported unstandardised, and a treated SD below it (a covariate constant among the treated)
   * is replaced by the pooled SD with each group contributing in proportion to its size, so the
   * result is never infinite or NaN.
   */
  public static double[] standardisedDifferencesAsMatchIt(double[] treatment, List<double[]> covariates,
      double[] weights) {
    double[] ones = new double[treatment.length];
    Arrays.fill(ones, 1);
    double[] smd = new double[covariates.size()];
    for (int j = 0; j < smd.length; j++) {
      double[] x = covariates.get(j);
      boolean binary = true;
      for (double v : x) {
        binary &= v == 0 || v == 1;
      }
      double diff = weightedMean(x, treatment, weights, 1) - weightedMean(x, treatment, weights, 0);
      if (Math.abs(diff) <= SQRT_EPSILON) {
        smd[j] = diff;
        continue;
      }
      double sd;
      if (binary) {
        double p = weightedMean(x, treatment, ones, 1);
        sd = Math.sqrt(p * (1 - p));
      } else {
        sd = Math.sqrt(weightedVariance(x, treatment, ones, 1));
      }
      if (!(sd >= SQRT_EPSILON)) {
        sd = proportionalPooledSd(x, treatment, binary);
      }
      smd[j] = diff / sd;
    }
    return smd;
  }

  /**
   * MatchIt's {@code pooled_sd(contribution = "proportional")} with the unit sampling weights its
   * {@code summary} passes: {@code Σ_g n_g p_g (1 − p_g) / n} for a 0/1 covariate, else the
   * within-group sum of squares over {@code n − 1}.
   */
  private static double proportionalPooledSd(double[] x, double[] treatment, boolean binary) {
    double[] ones = new double[x.length];
    Arrays.fill(ones, 1);
    double pooled = 0;
    for (int g = 0; g <= 1; g++) {
      int group = g;
      long n = Arrays.stream(treatment).filter(t -> t == group).count();
      double p = weightedMean(x, treatment, ones, g);
      // summary() passes unit sampling weights, so the continuous form divides by n − 1
      pooled += binary ? n * p * (1 - p) / x.length : (n - 1) * weightedVariance(x, treatment, ones, g) / (x.length - 1);
    }
    return Math.sqrt(pooled);
  }
}
