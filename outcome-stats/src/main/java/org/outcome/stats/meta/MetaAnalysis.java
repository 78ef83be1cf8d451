package org.outcome.stats.meta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;
import org.outcome.stats.internal.Moments;

/**
 * Pools the effects of several sites (trusts, services, studies), as metafor's
 * {@code rma(yi, vi, method = ..., test = ..., level = ...)} does for the models without moderators.
 * Immutable.
 *
 * <p>With weights {@code w_i = 1 / (v_i + τ²)} the pooled effect is {@code μ = Σ w_i y_i / Σ w_i}
 * and its standard error {@code 1 / sqrt(Σ w_i)}; the test is {@code z = μ / se} against the normal
 * distribution, or with the Knapp–Hartung adjustment {@code t = μ / se_KH} on {@code k − 1}
 * degrees of freedom, where {@code se_KH² = Σ w_i (y_i − μ)² / ((k − 1) Σ w_i)} (metafor's
 * {@code test = "knha"}, not truncated). The heterogeneity τ² is estimated by:
 * <ul>
 *   <li>{@link Method#FIXED} — none (τ² = 0), the common-effect model;
 *   <li>{@link Method#DERSIMONIAN_LAIRD} — {@code max(0, (Q − (k − 1)) / (Σw − Σw² / Σw))} with the
 *       fixed-effect weights (DerSimonian &amp; Laird 1986);
 *   <li>{@link Method#REML} — restricted maximum likelihood by Fisher scoring, as metafor
 *       (Viechtbauer 2005): {@code τ² += (y'PPy − tr P) / tr PP} with
 *       {@code P = W − W 1 1' W / Σw}, from the DerSimonian–Laird value, iterated to a relative change of 1e-12 (metafor stops at an
 *       absolute change of 1e-5, so where τ² is tiny its value is looser); a step that would go
 *       below zero is halved, unless the restricted likelihood already falls at τ² = 0, which is
 *       then the estimate (and is when its likelihood is higher than at the root scoring found);
 *       where Fisher scoring does not settle (metafor then stops with an error),
 *       the highest of the restricted likelihood's maxima, found on a grid, with a warning;
 *   <li>{@link Method#PAULE_MANDEL} — the τ² ≥ 0 at which the generalised Q equals {@code k − 1}
 *       (Paule &amp; Mandel 1982), 0 when Q at τ² = 0 is already below it; found by bisection.
 * </ul>
 *
 * <p>Heterogeneity statistics as metafor reports them: Cochran's {@code Q = Σ w_i (y_i − μ_FE)²}
 * with the fixed-effect weights, its p-value on {@code k − 1} degrees of freedom; for a
 * random-effects model {@code I² = 100 τ² / (τ² + s²)} and {@code H² = (τ² + s²) / s²} with the
 * typical within-site variance {@code s² = (k − 1) Σw / ((Σw)² − Σw²)} (Higgins &amp; Thompson
 * 2002); for the fixed model {@code I² = 100 max(0, (Q − (k − 1)) / Q)} and {@code H² = Q / (k − 1)}.
 * The prediction interval for a new site's effect is {@code μ ± crit sqrt(se² + τ²)} (crit from the
 * normal, or t on {@code k − 1} df with Knapp–Hartung), as metafor's {@code predict}.
 *
 * <p>Checked against metafor 3.8.1 on the BCG vaccine trials ({@code dat.bcg}, log risk ratios):
 * the fixture {@code meta__bcg-logrr} for DL, REML and FE.
 */
public final class MetaAnalysis {
  private static final MetaAnalysis DEFAULT = new MetaAnalysis(Method.REML, false, 0.95);
  /** Relative change of τ² at which an iteration stops (metafor's absolute threshold is 1e-5). */
  private static final double TOLERANCE = 1e-12;
  private static final int FISHER_STEPS = 100;
  private static final int SCAN_POINTS = 2000;

  /** How τ², the between-site variance, is estimated. */
  public enum Method {
    /** No between-site variance: the common-effect ("fixed-effect") model, metafor's {@code "FE"}. */
    FIXED("FE", "fixed-effect (common-effect) model"),
    /** DerSimonian and Laird's moment estimator, metafor's {@code "DL"}. */
    DERSIMONIAN_LAIRD("DL", "random-effects model, DerSimonian-Laird tau^2"),
    /** Restricted maximum likelihood, metafor's default {@code "REML"}. */
    REML("REML", "random-effects model, REML tau^2"),
    /** Paule and Mandel's estimator, metafor's {@code "PM"}. */
    PAULE_MANDEL("PM", "random-effects model, Paule-Mandel tau^2");

    private final String code;
    private final String description;

    Method(String code, String description) {
      this.code = code;
      this.description = description;
    }

    /** The method in words, for example "random-effects model, REML tau^2". */
    public String description() {
      return description;
    }

    /** metafor's name of the method ({@code FE}, {@code DL}, {@code REML}, {@code PM}). */
    public String code() {
      return code;
    }

    /**
     * The method named by metafor's code, in any case.
     *
     * @throws IllegalArgumentException naming the codes known
     */
    public static Method ofCode(String code) {
      for (Method m : values()) {
        if (m.code.equalsIgnoreCase(code.strip())) {
          return m;
        }
      }
      throw new IllegalArgumentException("'" + code + "' is not a method; use one of FE, DL, REML, PM");
    }
  }

  private final Method method;
  private final boolean knappHartung;
  private final double confLevel;

  private MetaAnalysis(Method method, boolean knappHartung, double confLevel) {
    this.method = method;
    this.knappHartung = knappHartung;
    this.confLevel = confLevel;
  }

  /** REML, z-test, 95% (metafor's defaults). */
  public static MetaAnalysis withDefaults() {
    return DEFAULT;
  }

  /** This analysis with another estimator of τ². */
  public MetaAnalysis withMethod(Method value) {
    return new MetaAnalysis(Arguments.option(value, "method"), knappHartung, confLevel);
  }

  /** This analysis with (true) or without the Knapp–Hartung adjustment of the test and intervals. */
  public MetaAnalysis withKnappHartung(boolean value) {
    return new MetaAnalysis(method, value, confLevel);
  }

  /** This analysis with another confidence level. */
  public MetaAnalysis withConfLevel(double value) {
    return new MetaAnalysis(method, knappHartung, Arguments.confLevel(value));
  }

  /**
   * Pools the sites.
   *
   * @throws DegenerateDataException with no site, or with one site for a random-effects model or
   *     the Knapp–Hartung adjustment (there is no between-site variance to estimate)
   */
  public Result pool(SiteEffects sites) {
    Objects.requireNonNull(sites, "sites");
    int k = sites.size();
    if (k == 0) {
      throw new DegenerateDataException("there are no sites to pool", "give each site's effect and variance");
    }
    if (k == 1 && (method != Method.FIXED || knappHartung)) {
      throw new DegenerateDataException("a " + method.description + (knappHartung ? " with Knapp-Hartung" : "")
          + " needs at least two sites; there is one", "report the one site's effect, or use method FE");
    }
    double[] y = sites.effects();
    double[] v = sites.variances();
    double[] fixed = weights(v, 0);
    double muFixed = weightedMean(y, fixed);
    double q = 0;
    for (int i = 0; i < k; i++) {
      q += fixed[i] * (y[i] - muFixed) * (y[i] - muFixed);
    }
    List<Warning> warnings = new ArrayList<>();
    double tau2 = switch (method) {
      case FIXED -> 0;
      case DERSIMONIAN_LAIRD -> dersimonianLaird(fixed, q, k);
      case REML -> reml(y, v, dersimonianLaird(fixed, q, k), warnings);
      case PAULE_MANDEL -> pauleMandel(y, v, k);
    };
    double[] w = weights(v, tau2);
    double sumW = sum(w);
    double mu = weightedMean(y, w);
    double se = Math.sqrt(1 / sumW);
    double df = k - 1.0;
    double statistic;
    double p;
    double crit;
    if (knappHartung) {
      double s2 = 0;
      for (int i = 0; i < k; i++) {
        s2 += w[i] * (y[i] - mu) * (y[i] - mu);
      }
      se = Math.sqrt(s2 / (df * sumW));
      statistic = mu / se;
      p = 2 * Distributions.tUpper(Math.abs(statistic), df);
      crit = Distributions.tQuantile(1 - (1 - confLevel) / 2, df);
    } else {
      statistic = mu / se;
      p = Distributions.normalTwoSided(statistic);
      crit = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
    }
    if (!(se > 0)) {
      throw new DegenerateDataException("the pooled effect's standard error is zero (every site has the same"
          + " effect, so the Knapp-Hartung variance vanishes)", "report the common effect, or pool without Knapp-Hartung");
    }
    double qp = k > 1 ? Distributions.chiSquareUpper(q, df) : 1;
    double i2;
    double h2;
    if (method == Method.FIXED) {
      i2 = q > 0 && k > 1 ? 100 * Math.max(0, (q - df) / q) : 0;
      h2 = k > 1 ? q / df : 1;
    } else {
      double sumFixed = sum(fixed);
      double typical = df * sumFixed / (sumFixed * sumFixed - sumSquares(fixed));
      i2 = 100 * tau2 / (tau2 + typical);
      h2 = (tau2 + typical) / typical;
    }
    ConfidenceInterval interval = new ConfidenceInterval(mu - crit * se, mu + crit * se, confLevel);
    double half = crit * Math.sqrt(se * se + tau2);
    ConfidenceInterval prediction = new ConfidenceInterval(mu - half, mu + half, confLevel);
    double[] percent = new double[k];
    for (int i = 0; i < k; i++) {
      percent[i] = 100 * w[i] / sumW;
    }
    return new MetaResult(method, knappHartung, k, Estimate.of("pooled effect", mu, interval), se, statistic,
        knappHartung ? df : Double.NaN, p, tau2, i2, h2, q, qp, prediction, percent, warnings);
  }

  /**
   * The analysis again with each site left out in turn (metafor's {@code leave1out}): result
   * {@code i} pools every site but site {@code i}.
   *
   * @throws DegenerateDataException when leaving one out would leave too few sites
   */
  public List<Result> leaveOneOut(SiteEffects sites) {
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      results.add(pool(sites.without(i)));
    }
    return List.copyOf(results);
  }

  private static double dersimonianLaird(double[] fixed, double q, int k) {
    double sumW = sum(fixed);
    double c = sumW - sumSquares(fixed) / sumW;
    return c > 0 ? Math.max(0, (q - (k - 1)) / c) : 0;
  }

  /**
   * The REML estimate: Fisher scoring from the DerSimonian–Laird value; when it does not settle in
   * {@value #FISHER_STEPS} steps (where metafor stops with "Fisher scoring algorithm did not
   * converge"), {@link #remlByScan}.
   */
  private static double reml(double[] y, double[] v, double start, List<Warning> warnings) {
    double tau2 = start;
    for (int iteration = 0; iteration < FISHER_STEPS; iteration++) {
      // the expected information: tr PP = Σw² − 2 Σw³/Σw + (Σw²/Σw)², with P = W − w w'/Σw
      double[] w = weights(v, tau2);
      double sumW = sum(w);
      double sw2 = sumSquares(w);
      double sw3 = 0;
      for (double x : w) {
        sw3 += x * x * x;
      }
      double trPP = sw2 - 2 * sw3 / sumW + (sw2 / sumW) * (sw2 / sumW);
      double step = remlScore(y, v, tau2) / trPP;
      if (tau2 + step < 0 && remlScore(y, v, 0) <= 0) {
        return 0; // the restricted likelihood falls from 0 on: its maximum on [0, ∞) is at the boundary
      }
      while (tau2 + step < 0) {
        step /= 2;
      }
      tau2 += step;
      if (Math.abs(step) <= TOLERANCE * Math.max(1e-8, tau2)) {
        if (remlScore(y, v, 0) <= 0 && remlLogLikelihood(y, v, 0) >= remlLogLikelihood(y, v, tau2)) {
          // two maxima, and the one at the boundary is the higher (metafor, starting elsewhere, gives it too)
          warnings.add(Warning.of("reml-two-maxima", "the restricted likelihood has a maximum at tau^2 = " + tau2
              + " and a higher one at tau^2 = 0, which is the estimate"));
          return 0;
        }
        return tau2;
      }
    }
    return remlByScan(y, v, warnings);
  }

  /**
   * Where Fisher scoring does not settle, the restricted likelihood can have two maxima (one at
   * τ² = 0, one inside): every local maximum is found (the score's falls through zero on a
   * geometric grid, each refined by bisection) and the highest likelihood's τ² returned, with a
   * warning.
   */
  private static double remlByScan(double[] y, double[] v, List<Warning> warnings) {
    double upper = 10 * (Moments.of(y).variance() + Arrays.stream(v).max().orElse(1));
    while (remlScore(y, v, upper) > 0) {
      upper *= 2;
    }
    double best = 0;
    double bestLikelihood = remlLogLikelihood(y, v, 0);
    int maxima = remlScore(y, v, 0) <= 0 ? 1 : 0;
    double lowest = upper * 1e-12;
    double previous = 0;
    double previousScore = remlScore(y, v, 0);
    for (int j = 0; j <= SCAN_POINTS; j++) {
      double t = lowest * Math.pow(upper / lowest, (double) j / SCAN_POINTS);
      double score = remlScore(y, v, t);
      if (previousScore > 0 && score <= 0) {
        double root = bisect(x -> remlScore(y, v, x), previous, t);
        maxima++;
        double likelihood = remlLogLikelihood(y, v, root);
        if (likelihood > bestLikelihood) {
          best = root;
          bestLikelihood = likelihood;
        }
      }
      previous = t;
      previousScore = score;
    }
    warnings.add(Warning.of("reml-not-fisher-scoring", "REML's Fisher scoring did not settle in " + FISHER_STEPS
        + " steps (metafor stops with an error here); tau^2 is the highest of the restricted likelihood's "
        + maxima + (maxima == 1 ? " maximum" : " maxima") + ", found on a grid and refined by bisection"));
    return best;
  }

  /** The restricted log-likelihood in τ², without its constant. */
  private static double remlLogLikelihood(double[] y, double[] v, double tau2) {
    double[] w = weights(v, tau2);
    double sumW = sum(w);
    double mu = weightedMean(y, w);
    double l = Math.log(sumW);
    for (int i = 0; i < y.length; i++) {
      l += Math.log(v[i] + tau2) + w[i] * (y[i] - mu) * (y[i] - mu);
    }
    return -l / 2;
  }

  /** The root of a function positive at {@code low} and not positive at {@code high}, by bisection. */
  private static double bisect(DoubleUnaryOperator f, double low, double high) {
    for (int i = 0; i < 2000 && high - low > TOLERANCE * Math.max(1e-8, high); i++) {
      double mid = (low + high) / 2;
      if (f.applyAsDouble(mid) > 0) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return (low + high) / 2;
  }

  /** Twice the derivative of the restricted log-likelihood in τ²: {@code y'PPy − tr P}. */
  private static double remlScore(double[] y, double[] v, double tau2) {
    double[] w = weights(v, tau2);
    double sumW = sum(w);
    double mu = weightedMean(y, w);
    double yppy = 0;
    for (int i = 0; i < y.length; i++) {
      double r = w[i] * (y[i] - mu);
      yppy += r * r;
    }
    return yppy - (sumW - sumSquares(w) / sumW);
  }

  /** The τ² at which the generalised Q statistic equals k - 1, by bisection. */
  private static double pauleMandel(double[] y, double[] v, int k) {
    double target = k - 1.0;
    if (generalisedQ(y, v, 0) <= target) {
      return 0;
    }
    double high = Math.max(1e-8, Moments.of(y).variance());
    while (generalisedQ(y, v, high) > target) {
      high *= 2;
    }
    return bisect(tau2 -> generalisedQ(y, v, tau2) - target, 0, high);
  }

  private static double generalisedQ(double[] y, double[] v, double tau2) {
    double[] w = weights(v, tau2);
    double mu = weightedMean(y, w);
    double q = 0;
    for (int i = 0; i < y.length; i++) {
      q += w[i] * (y[i] - mu) * (y[i] - mu);
    }
    return q;
  }

  private static double[] weights(double[] v, double tau2) {
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = 1 / (v[i] + tau2);
    }
    return w;
  }

  private static double weightedMean(double[] y, double[] w) {
    double s = 0;
    double t = 0;
    for (int i = 0; i < y.length; i++) {
      s += w[i] * y[i];
      t += w[i];
    }
    return s / t;
  }

  private static double sum(double[] w) {
    double s = 0;
    for (double x : w) {
      s += x;
    }
    return s;
  }

  private static double sumSquares(double[] w) {
    double s = 0;
    for (double x : w) {
      s += x * x;
    }
    return s;
  }

  /**
   * A pooled analysis.
   *
   * <p>Only {@link MetaAnalysis#pool} makes one.
   */
  public sealed interface Result extends AnalysisResult permits MetaResult {
    /** The estimator of τ² used. */
    Method tau2Method();

    /** Whether the Knapp–Hartung adjustment was applied. */
    boolean knappHartung();

    /** The number of sites, k. */
    int sites();

    /** The pooled effect with its confidence interval. */
    Estimate pooled();

    /** Its standard error (the Knapp–Hartung one when adjusted). */
    double se();

    /** {@code z} (or {@code t} with Knapp–Hartung). */
    double statistic();

    /** The degrees of freedom of {@code t} with Knapp–Hartung; NaN for {@code z}. */
    double df();

    /** The two-sided p-value of the pooled effect. */
    double pValue();

    /** The between-site variance τ² (0 for the fixed model). */
    double tau2();

    /** I², in percent. */
    double i2();

    /** H². */
    double h2();

    /** Cochran's Q. */
    double q();

    /** The p-value of Q on {@code k − 1} degrees of freedom. */
    double qPValue();

    /** Where a new site's effect is expected to lie (the confidence interval for the fixed model). */
    ConfidenceInterval prediction();

    /** Each site's weight, in percent of the total, in the sites' order. */
    double[] weightsPercent();
  }

  private record MetaResult(Method tau2Method, boolean knappHartung, int sites, Estimate pooled, double se,
      double statistic, double df, double pValue, double tau2, double i2, double h2, double q, double qPValue,
      ConfidenceInterval prediction, double[] weightsPercent, List<Warning> warnings) implements Result {
    MetaResult {
      weightsPercent = weightsPercent.clone();
      warnings = List.copyOf(warnings);
    }

    @Override
    public double[] weightsPercent() {
      return weightsPercent.clone();
    }

    @Override
    public String method() {
      return "Meta-analysis, " + tau2Method.description + (knappHartung ? ", Knapp-Hartung adjustment" : "");
    }

    @Override
    public long nUsed() {
      return sites;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(pooled);
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(knappHartung ? HypothesisTest.of("t", statistic, df, pValue)
          : HypothesisTest.of("z", statistic, pValue));
    }
  }
}
