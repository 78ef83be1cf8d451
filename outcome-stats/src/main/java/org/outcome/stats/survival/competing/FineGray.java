package org.outcome.stats.survival.competing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.Covariate;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;
import org.outcome.stats.internal.RadixSort;

/**
 * The Fine–Gray proportional subdistribution hazards model (Fine and Gray, 1999, <i>JASA</i>
 * 94:496–509), equal to cmprsk 2.2-11's {@code crr(ftime, fstatus, cov1, failcode, cencode = 0)}:
 * coefficients, the sandwich variance that accounts for estimating the censoring distribution,
 * z, two-sided p, the pseudo log-likelihoods.
 *
 * <p>At each event time {@code t} of the cause of interest the risk set holds everyone still
 * event-free and, with weight {@code G(t-)/G(T_j-)}, everyone who had a competing event earlier
 * ({@code G} the Kaplan–Meier estimate of the censoring distribution, left-continuous: censorings
 * tied with an event count after it). The
 * estimates are found by crr's Newton–Raphson from zero: a full step, halved while the pseudo
 * log-likelihood does not improve by the Armijo margin {@code 1e-4} (at most 20 times), stopping
 * when {@code max |score_j| max(|b_j|, 1) < max(|loglik|, 1) * gtol} ({@code gtol = 1e-6}) or
 * after {@code maxiter = 10} steps, so the coefficients are crr's iterate. The variance is
 * {@code H^-1 (sum_i (eta_i + psi_i)(eta_i + psi_i)') H^-1}: {@code eta_i} the subject's score
 * residual, {@code psi_i} its term from the censoring martingale.
 *
 * <p>At time 0 this follows crr, as users comparing with R expect. crr reads {@code G(T-)} as
 * {@code approx(..., xout = ftime * (1 - 100 * .Machine$double.eps), method = "constant")} (cmprsk
 * 2.2-11, R/crr.R), which at {@code ftime = 0} is {@code G(0)}, after the censorings at 0, where at
 * every later time it is {@code G(t-)}; so with censorings at time 0 the estimates change when
 * every time is shifted by a constant ({@code crr(ftime + 1, ...)} reads {@code G(0-) = 1}), though
 * the model depends only on the order of the times. Without censorings at 0 the two readings agree.
 *
 * <p>The model's terms are the sample's group, when it has one, as R codes a factor (an indicator
 * {@code "group" + level} for each level after the first), then its covariates.
 *
 * <p>crr computes the risk sets and the variance with nested loops over subjects, O(n²) per
 * iteration and O(n² × failures) for the variance; here every sum is a running total over the
 * subjects sorted once by time, so each iteration and the variance are O(n p²) after an
 * O(n log n) sort.
 */
public final class FineGray {
  private final int failCode;
  private final int maxIterations;
  private final double gradientTolerance;
  private final double confLevel;

  private FineGray(int failCode, int maxIterations, double gradientTolerance, double confLevel) {
    this.failCode = failCode;
    this.maxIterations = maxIterations;
    this.gradientTolerance = gradientTolerance;
    this.confLevel = confLevel;
  }

  /** crr's defaults: cause 1 of interest, 10 iterations, {@code gtol = 1e-6}, 95% intervals. */
  public static FineGray withDefaults() {
    return new FineGray(1, 10, 1e-6, 0.95);
  }

  /**
   * This configuration with another cause of interest (crr's {@code failcode}).
   *
   * @throws IllegalArgumentException unless at least 1
   */
  public FineGray withFailCode(int code) {
    if (code < 1) {
      throw new IllegalArgumentException("the cause of interest is a status code of at least 1");
    }
    return new FineGray(code, maxIterations, gradientTolerance, confLevel);
  }

  /**
   * This configuration with another iteration limit (crr's {@code maxiter}).
   *
   * @throws IllegalArgumentException if negative
   */
  public FineGray withMaxIterations(int iterations) {
    Arguments.nonNegative(iterations, "the iteration limit");
    return new FineGray(failCode, iterations, gradientTolerance, confLevel);
  }

  /**
   * This configuration with another convergence tolerance (crr's {@code gtol}): the iterations stop
   * when {@code max |score_j| max(|b_j|, 1) < max(|loglik|, 1) * tolerance}. crr's 1e-6 leaves the
   * coefficients within about 1e-5 of the maximum; a smaller value takes them closer.
   *
   * @throws IllegalArgumentException unless positive and finite
   */
  public FineGray withGradientTolerance(double tolerance) {
    Arguments.positive(tolerance, "gradient tolerance");
    return new FineGray(failCode, maxIterations, tolerance, confLevel);
  }

  /**
   * This configuration with another confidence level for the subdistribution hazard ratios.
   *
   * @throws IllegalArgumentException unless in (0, 1)
   */
  public FineGray withConfLevel(double level) {
    Arguments.confLevel(level);
    return new FineGray(failCode, maxIterations, gradientTolerance, level);
  }

  /** The cause of interest. */
  public int failCode() {
    return failCode;
  }

  /**
   * One covariate's line.
   *
   * @param name the covariate
   * @param coef the coefficient (log subdistribution hazard ratio)
   * @param se its standard error (sandwich)
   * @param z {@code coef / se}
   * @param p two-sided normal p
   * @param hazardRatio {@code exp(coef)}
   * @param interval the hazard ratio's confidence interval, {@code exp(coef ± q se)}
   */
  public record Term(String name, double coef, double se, double z, double p, double hazardRatio,
      ConfidenceInterval interval) {
    /** Validates. */
    public Term {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(interval, "interval");
    }
  }

  /**
   * A fitted model.
   *
   * @param terms one per covariate, in order
   * @param variance the coefficients' sandwich variance, row-major p × p (copied)
   * @param loglik the pseudo log-likelihood at the estimates
   * @param loglikNull the pseudo log-likelihood at zero
   * @param iterations Newton steps taken
   * @param converged whether crr's gradient rule was met
   * @param n the subjects
   * @param events the events of the cause of interest
   * @param competing the events of other causes
   */
  public record Result(List<Term> terms, double[] variance, double loglik, double loglikNull, int iterations,
      boolean converged, int n, int events, int competing, int failCode) implements AnalysisResult {
    /** Validates and copies. */
    public Result {
      terms = List.copyOf(terms);
      variance = variance.clone();
    }

    @Override
    public String method() {
      return "Fine-Gray subdistribution hazards (cause " + failCode + ")";
    }

    @Override
    public long nUsed() {
      return n;
    }

    /** The subdistribution hazard ratio of the first term (put the group first) with its interval. */
    @Override
    public Optional<Estimate> estimate() {
      Term t = terms.get(0);
      return Optional.of(Estimate.of("subdistribution hazard ratio (" + t.name() + ")", t.hazardRatio(), t.interval()));
    }

    /** The first term's Wald z test (sandwich SE). */
    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("z", terms.get(0).z(), terms.get(0).p()));
    }

    @Override
    public List<Warning> warnings() {
      return converged ? List.of() : List.of(Warning.of("not-converged",
          "the Fine-Gray iterations did not meet crr's convergence rule; the estimates are the last iterate"));
    }

    @Override
    public double[] variance() {
      return variance.clone();
    }

    /** The coefficients, in term order. */
    public double[] coefficients() {
      return terms.stream().mapToDouble(Term::coef).toArray();
    }
  }

  /**
   * Fits the model to the sample's covariates.
   *
   * @throws InvalidInputException if the sample has no covariate
   * @throws DegenerateDataException with no event of the cause of interest, a covariate without
   *     variance, a singular information matrix, or estimates that diverge (infinite or undefined
   *     standard errors, a hazard ratio that overflows)
   */
  public Result fit(CompetingRisksSample sample) {
    Objects.requireNonNull(sample, "sample");
    List<Covariate> covariates = terms(sample);
    if (covariates.isEmpty()) {
      throw InvalidInputException.of("nothing to model",
          Violation.at("covariates", "a Fine-Gray model needs at least one covariate or a group"));
    }
    Data d = Data.of(sample, covariates, failCode);
    if (d.events == 0) {
      throw new DegenerateDataException("no event of cause " + failCode, "the model needs events of the cause of interest");
    }
    for (int j = 0; j < d.p; j++) {
      double first = d.x[j];
      boolean constant = true;
      for (int i = 1; i < d.n && constant; i++) {
        constant = d.x[i * d.p + j] == first;
      }
      if (constant) {
        throw new DegenerateDataException("covariate '" + covariates.get(j).name() + "' has no variance",
            "drop it from the model");
      }
    }
    int p = d.p;
    double[] b = new double[p];
    Sums at = d.evaluate(b);
    boolean converged = false;
    int steps = 0;
    for (int iteration = 0; iteration <= maxIterations; iteration++) {
      double gradient = 0;
      for (int j = 0; j < p; j++) {
        gradient = Math.max(gradient, Math.abs(at.score[j]) * Math.max(Math.abs(b[j]), 1));
      }
      if (gradient < Math.max(Math.abs(at.objective), 1) * gradientTolerance) {
        converged = true;
        break;
      }
      if (iteration == maxIterations) {
        break;
      }
      double[] step = solve(at.information, at.score);
      for (int j = 0; j < p; j++) {
        step[j] = -step[j];
      }
      double slope = 0;
      for (int j = 0; j < p; j++) {
        slope += step[j] * at.score[j];
      }
      double[] next = add(b, step);
      double objective = d.objective(next);
      int halvings = 0;
      while (Double.isNaN(objective) || objective > at.objective + 1e-4 * slope) {
        halvings++;
        for (int j = 0; j < p; j++) {
          step[j] *= 0.5;
        }
        slope *= 0.5;
        next = add(b, step);
        objective = d.objective(next);
        if (halvings > 20) {
          break;
        }
      }
      if (halvings > 20) {
        break;
      }
      b = next;
      steps++;
      at = d.evaluate(b);
    }
    double[][] hInverse;
    try {
      hInverse = MatrixUtils.inverse(MatrixUtils.createRealMatrix(at.information)).getData();
    } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
      throw diverged();
    }
    double[][] omega = d.residualCrossProducts(b);
    double[][] v = multiply(multiply(hInverse, omega), hInverse);
    double q = Distributions.normalQuantile((1 + confLevel) / 2);
    List<Term> terms = new ArrayList<>();
    double[] flat = new double[p * p];
    for (int j = 0; j < p; j++) {
      double se = Math.sqrt(v[j][j]);
      if (!Double.isFinite(se) || !Double.isFinite(b[j]) || !Double.isFinite(Math.exp(b[j] + q * se))) {
        throw diverged();
      }
      double z = b[j] / se;
      terms.add(new Term(covariates.get(j).name(), b[j], se, z, Distributions.normalTwoSided(z), Math.exp(b[j]),
          new ConfidenceInterval(Math.exp(b[j] - q * se), Math.exp(b[j] + q * se), confLevel)));
      System.arraycopy(v[j], 0, flat, j * p, p);
    }
    return new Result(terms, flat, -at.objective, -d.objective(new double[p]), steps, converged, d.n, d.events,
        d.competing, failCode);
  }

  /** The model's columns: the group's indicators (R's treatment coding), then the covariates. */
  private static List<Covariate> terms(CompetingRisksSample sample) {
    List<Covariate> out = new ArrayList<>();
    sample.group().ifPresent(g -> {
      for (int level = 1; level < g.levelCount(); level++) {
        double[] indicator = new double[g.size()];
        for (int i = 0; i < indicator.length; i++) {
          indicator[i] = g.code(i) == level ? 1 : 0;
        }
        out.add(Covariate.of("group" + g.levels().get(level), indicator));
      }
    });
    out.addAll(sample.covariates());
    return out;
  }

  private static DegenerateDataException diverged() {
    return new DegenerateDataException("the Fine-Gray estimates diverge: the pseudo-likelihood has no finite maximum",
        "a group or covariate value with no event of the cause of interest (or only such events) makes a "
            + "subdistribution hazard ratio of 0 or infinity; combine categories or drop the covariate");
  }

  private static double[] add(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = a[j] + b[j];
    }
    return out;
  }

  /** {@code A^-1 y} by LU (as R's {@code solve}). */
  private static double[] solve(double[][] a, double[] y) {
    RealMatrix m = MatrixUtils.createRealMatrix(a);
    LUDecomposition lu = new LUDecomposition(m);
    if (!lu.getSolver().isNonSingular()) {
      throw new DegenerateDataException("the Fine-Gray information matrix is singular",
          "covariates are collinear, or the events carry no information on one of them");
    }
    return lu.getSolver().solve(MatrixUtils.createRealVector(y)).toArray();
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < n; j++) {
          out[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return out;
  }

  /** The objective (minus the pseudo log-likelihood), its gradient and the information at some coefficients. */
  private record Sums(double objective, double[] score, double[][] information) {}

  /**
   * The subjects sorted by time: covariates row-major, status recoded as crr's {@code ici} (1 the
   * cause of interest, 2 another cause, 0 censored), the censoring distribution just before each
   * subject's time, and the blocks of tied times.
   */
  private static final class Data {
    final int n;
    final int p;
    final double[] x;
    final double[] time;
    final int[] ici;
    /** {@code G(T_i-)}: the censoring Kaplan–Meier just before subject i's time. */
    final double[] g;
    /** Block k holds subjects {@code [blockStart[k], blockStart[k + 1])}, one distinct time. */
    final int[] blockStart;
    final int events;
    final int competing;

    private Data(int n, int p, double[] x, double[] time, int[] ici, double[] g, int[] blockStart, int events,
        int competing) {
      this.n = n;
      this.p = p;
      this.x = x;
      this.time = time;
      this.ici = ici;
      this.g = g;
      this.blockStart = blockStart;
      this.events = events;
      this.competing = competing;
    }

    static Data of(CompetingRisksSample sample, List<Covariate> covariates, int failCode) {
      int n = sample.size();
      int p = covariates.size();
      double[] t = sample.times();
      int[] order = RadixSort.order(t, 0, n);
      double[] x = new double[n * p];
      double[] time = new double[n];
      int[] ici = new int[n];
      int events = 0;
      int competing = 0;
      for (int k = 0; k < n; k++) {
        int row = order[k];
        time[k] = t[row];
        int s = sample.status(row);
        ici[k] = s == 0 ? 0 : s == failCode ? 1 : 2;
        events += ici[k] == 1 ? 1 : 0;
        competing += ici[k] == 2 ? 1 : 0;
        for (int j = 0; j < p; j++) {
          x[k * p + j] = covariates.get(j).value(row);
        }
      }
      int[] blockStart = new int[n + 1];
      int blocks = 0;
      for (int k = 0; k < n; k++) {
        if (k == 0 || time[k] != time[k - 1]) {
          blockStart[blocks++] = k;
        }
      }
      blockStart[blocks] = n;
      blockStart = Arrays.copyOf(blockStart, blocks + 1);
      // the censoring distribution: Kaplan-Meier with censoring as the event, left-continuous, but
      // read at time 0 after the censorings at 0, as crr reads it (see the class comment)
      double[] g = new double[n];
      double survival = 1;
      for (int b = 0; b < blocks; b++) {
        int from = blockStart[b];
        int to = blockStart[b + 1];
        int censored = 0;
        for (int k = from; k < to; k++) {
          censored += ici[k] == 0 ? 1 : 0;
        }
        double after = survival * (n - from - censored) / (n - from);
        Arrays.fill(g, from, to, time[from] == 0 ? after : survival);
        survival = after;
      }
      return new Data(n, p, x, time, ici, g, blockStart, events, competing);
    }

    private double[] risks(double[] b) {
      double[] e = new double[n];
      for (int i = 0; i < n; i++) {
        double eta = 0;
        for (int j = 0; j < p; j++) {
          eta += b[j] * x[i * p + j];
        }
        e[i] = Math.exp(eta);
      }
      return e;
    }

    /** The objective alone (crr's {@code crrf}). */
    double objective(double[] b) {
      return walk(b, false).objective;
    }

    /** The objective, score and information (crr's {@code crrfsv}). */
    Sums evaluate(double[] b) {
      return walk(b, true);
    }

    /**
     * One pass over the blocks of each failure time: the risk set's sums are those of the
     * subjects at or after the time (suffix sums) plus {@code G(t-)} times those of the earlier
     * competing events divided by their {@code G} (prefix sums).
     */
    private Sums walk(double[] b, boolean derivatives) {
      double[] e = risks(b);
      RiskSet risk = new RiskSet(p, derivatives);
      risk.suffixOfAll(this, e);
      double objective = 0;
      double[] score = new double[p];
      double[][] information = new double[p][p];
      for (int blk = 0; blk < blockStart.length - 1; blk++) {
        int from = blockStart[blk];
        int to = blockStart[blk + 1];
        int failures = 0;
        for (int k = from; k < to; k++) {
          if (ici[k] == 1) {
            failures++;
            double eta = 0;
            for (int j = 0; j < p; j++) {
              eta += b[j] * x[k * p + j];
              score[j] -= x[k * p + j];
            }
            objective -= eta;
          }
        }
        if (failures > 0) {
          double s0 = risk.s0(g[from]);
          objective += failures * Math.log(s0);
          if (derivatives) {
            double[] s1 = risk.s1(g[from]);
            double[] s2 = risk.s2(g[from]);
            for (int j = 0; j < p; j++) {
              score[j] += failures * s1[j] / s0;
              for (int l = 0; l < p; l++) {
                information[j][l] += failures * (s2[j * p + l] / s0 - s1[j] * s1[l] / (s0 * s0));
              }
            }
          }
        }
        risk.leave(this, e, from, to);
      }
      return new Sums(objective, score, information);
    }

    /**
     * {@code sum_i (eta_i + psi_i)(eta_i + psi_i)'} at the estimates (crr's {@code crrvv}), from
     * running totals over the failure times: see the class description.
     */
    double[][] residualCrossProducts(double[] b) {
      double[] e = risks(b);
      int blocks = blockStart.length - 1;
      // the risk-set means and sizes at each failure time
      double[] s0At = new double[blocks];
      double[][] meanAt = new double[blocks][];
      int[] failuresAt = new int[blocks];
      RiskSet risk = new RiskSet(p, false);
      risk.suffixOfAll(this, e);
      for (int blk = 0; blk < blocks; blk++) {
        int from = blockStart[blk];
        int to = blockStart[blk + 1];
        for (int k = from; k < to; k++) {
          failuresAt[blk] += ici[k] == 1 ? 1 : 0;
        }
        if (failuresAt[blk] > 0) {
          s0At[blk] = risk.s0(g[from]);
          double[] s1 = risk.s1(g[from]);
          meanAt[blk] = new double[p];
          for (int j = 0; j < p; j++) {
            meanAt[blk][j] = s1[j] / s0At[blk];
          }
        }
        risk.leave(this, e, from, to);
      }
      // suffix sums over failure times at or after a block: d/S0 and d G xbar / S0 weighted by G
      double[] laterG0 = new double[blocks + 1];
      double[][] laterG1 = new double[blocks + 1][p];
      for (int blk = blocks - 1; blk >= 0; blk--) {
        laterG0[blk] = laterG0[blk + 1];
        laterG1[blk] = laterG1[blk + 1].clone();
        if (failuresAt[blk] > 0) {
          double w = failuresAt[blk] * g[blockStart[blk]] / s0At[blk];
          laterG0[blk] += w;
          for (int j = 0; j < p; j++) {
            laterG1[blk][j] += w * meanAt[blk][j];
          }
        }
      }
      double[][] omega = new double[p][p];
      double[] earlier0 = new double[1]; // prefix over failure times up to the block: d/S0
      double[] earlier1 = new double[p]; //   and d xbar / S0
      double[] competing0 = new double[1]; // earlier competing events: e/G and e x/G
      double[] competing1 = new double[p];
      double[] censoringTerm = new double[p]; // crr's running ss2
      double[] r = new double[p];
      for (int blk = 0; blk < blocks; blk++) {
        int from = blockStart[blk];
        int to = blockStart[blk + 1];
        double atRisk = n - from;
        if (failuresAt[blk] > 0) {
          double w = failuresAt[blk] / s0At[blk];
          earlier0[0] += w;
          for (int j = 0; j < p; j++) {
            earlier1[j] += w * meanAt[blk][j];
          }
        }
        int censored = 0;
        for (int k = from; k < to; k++) {
          censored += ici[k] == 0 ? 1 : 0;
        }
        double[] q = new double[p];
        if (censored > 0) {
          // q(u) = E1(u) R0(>= u) - E0(u) R1(>= u)
          for (int j = 0; j < p; j++) {
            q[j] = competing1[j] * laterG0[blk] - competing0[0] * laterG1[blk][j];
            censoringTerm[j] -= censored * q[j] / (atRisk * atRisk);
          }
        }
        for (int k = from; k < to; k++) {
          for (int j = 0; j < p; j++) {
            double xk = x[k * p + j];
            double eta = -e[k] * (xk * earlier0[0] - earlier1[j]);
            if (ici[k] == 1) {
              eta += xk - meanAt[blk][j];
            } else if (ici[k] == 2) {
              eta -= e[k] / g[k] * (xk * laterG0[blk + 1] - laterG1[blk + 1][j]);
            }
            double psi = censoringTerm[j] + (ici[k] == 0 ? q[j] / atRisk : 0);
            r[j] = eta + psi;
          }
          for (int a = 0; a < p; a++) {
            for (int c = 0; c < p; c++) {
              omega[a][c] += r[a] * r[c];
            }
          }
        }
        for (int k = from; k < to; k++) {
          if (ici[k] == 2) {
            competing0[0] += e[k] / g[k];
            for (int j = 0; j < p; j++) {
              competing1[j] += e[k] * x[k * p + j] / g[k];
            }
          }
        }
      }
      return omega;
    }
  }

  /**
   * The risk set's running sums while the failure times are walked upward: those of the subjects
   * not yet passed ({@code later}, a suffix) and those of the competing events passed, each
   * divided by its {@code G} ({@code competing}, a prefix).
   */
  private static final class RiskSet {
    private final int p;
    private final boolean second;
    private double later0;
    private final double[] later1;
    private final double[] later2;
    private double competing0;
    private final double[] competing1;
    private final double[] competing2;

    RiskSet(int p, boolean second) {
      this.p = p;
      this.second = second;
      later1 = new double[p];
      later2 = new double[second ? p * p : 0];
      competing1 = new double[p];
      competing2 = new double[second ? p * p : 0];
    }

    void suffixOfAll(Data d, double[] e) {
      for (int k = d.n - 1; k >= 0; k--) {
        later0 += e[k];
        accumulate(d.x, k, e[k], later1, later2, 1);
      }
    }

    /** Subjects {@code [from, to)} are passed: they leave the later sums, and a competing event joins the other. */
    void leave(Data d, double[] e, int from, int to) {
      for (int k = from; k < to; k++) {
        later0 -= e[k];
        accumulate(d.x, k, e[k], later1, later2, -1);
        if (d.ici[k] == 2) {
          double w = e[k] / d.g[k];
          competing0 += w;
          accumulate(d.x, k, w, competing1, competing2, 1);
        }
      }
    }

    private void accumulate(double[] x, int k, double w, double[] one, double[] two, int sign) {
      for (int j = 0; j < p; j++) {
        double wx = w * x[k * p + j];
        one[j] += sign * wx;
        if (second) {
          for (int l = 0; l < p; l++) {
            two[j * p + l] += sign * wx * x[k * p + l];
          }
        }
      }
    }

    double s0(double g) {
      return later0 + g * competing0;
    }

    double[] s1(double g) {
      double[] out = new double[p];
      for (int j = 0; j < p; j++) {
        out[j] = later1[j] + g * competing1[j];
      }
      return out;
    }

    double[] s2(double g) {
      double[] out = new double[p * p];
      for (int k = 0; k < out.length; k++) {
        out[k] = later2[k] + g * competing2[k];
      }
      return out;
    }
  }
}
