package org.outcome.stats.survival.competing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.Factor;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;
import org.outcome.stats.internal.RadixSort;

/**
 * Cumulative incidence of each cause in the presence of the others (the Aalen–Johansen estimator),
 * per group, with the variance and Gray's test of cmprsk 2.2-11's {@code cuminc} (Gray, 1988,
 * <i>Annals of Statistics</i> 16:1141–1154).
 *
 * <p>With {@code S(t-)} the Kaplan–Meier estimate of being free of every cause just before
 * {@code t}, {@code n(t)} the number at risk and {@code d_k(t)} the events of cause {@code k} at
 * {@code t}, the incidence of cause {@code k} is {@code F_k(t) = sum over s <= t of S(s-) d_k(s) /
 * n(s)}: a right-continuous step function, which unlike one minus a Kaplan–Meier curve that
 * censors the other causes is the probability of having had that event by {@code t}. Its variance
 * is cmprsk's delta-method estimator (the {@code cinc} routine), tied events counted with the
 * factor {@code 1 - (d - 1)/(n - 1)}. A curve is read at a time as cmprsk's {@code timepoints}:
 * its value after every jump up to the time, undefined (empty) after the group's last follow-up.
 *
 * <p>Gray's test compares the incidence of a cause across groups, stratified when the sample has
 * strata, with weight {@code (1 - F(t-))^rho} ({@code rho = 0} by default): the score and its
 * variance summed over strata, the statistic {@code s' V^-1 s} on groups − 1 degrees of freedom
 * (absent when {@code V} is singular, where cmprsk reports −1, or not finite, where cmprsk stops
 * with an error: with {@code rho > 0} once the pooled incidence reaches 1).
 *
 * <p>One sort, then a linear pass per group and cause and one per stratum and cause for the test:
 * O(n log n + n × causes × groups²).
 */
public final class CumulativeIncidence {
  private CumulativeIncidence() {}

  /**
   * One group's cumulative incidence of one cause.
   *
   * @param group the group's level ({@code "1"} without groups, as cmprsk names it)
   * @param cause the cause
   * @param times the times at which the estimate jumps (events of this cause), ascending
   * @param estimate the incidence just after each jump
   * @param variance its variance just after each jump
   * @param lastTime the group's largest follow-up time: the curve is defined up to it
   */
  public record Curve(String group, int cause, double[] times, double[] estimate, double[] variance,
      double lastTime) {
    /** Validates and copies. */
    public Curve {
      Objects.requireNonNull(group, "group");
      times = times.clone();
      estimate = estimate.clone();
      variance = variance.clone();
      if (estimate.length != times.length || variance.length != times.length) {
        throw new IllegalArgumentException("times, estimate and variance must have one value per jump");
      }
    }

    @Override
    public double[] times() {
      return times.clone();
    }

    @Override
    public double[] estimate() {
      return estimate.clone();
    }

    @Override
    public double[] variance() {
      return variance.clone();
    }

    /** The index of the last jump at or before {@code t}, −1 before the first. */
    private int indexAt(double t) {
      int k = Arrays.binarySearch(times, t);
      return k >= 0 ? k : -k - 2;
    }

    /**
     * Pointwise confidence limits after each jump, {@code estimate ± z sqrt(variance)} kept within
     * [0, 1] (cmprsk reports none; these are for charts), as {@code {lower, upper}}.
     *
     * @throws IllegalArgumentException unless {@code confLevel} is in (0, 1)
     */
    public double[][] limits(double confLevel) {
      double z = Distributions.normalQuantile((1 + Arguments.confLevel(confLevel)) / 2);
      double[][] out = new double[2][times.length];
      for (int k = 0; k < times.length; k++) {
        double se = Math.sqrt(Math.max(variance[k], 0));
        out[0][k] = Math.max(0, estimate[k] - z * se);
        out[1][k] = Math.min(1, estimate[k] + z * se);
      }
      return out;
    }

    /** The incidence at {@code t} (0 before the first event); empty after {@link #lastTime()} or before 0. */
    public OptionalDouble at(double t) {
      if (!(t >= 0) || t > lastTime) {
        return OptionalDouble.empty();
      }
      int k = indexAt(t);
      return OptionalDouble.of(k < 0 ? 0 : estimate[k]);
    }

    /** The variance of the incidence at {@code t}; empty where {@link #at} is. */
    public OptionalDouble varianceAt(double t) {
      if (!(t >= 0) || t > lastTime) {
        return OptionalDouble.empty();
      }
      int k = indexAt(t);
      return OptionalDouble.of(k < 0 ? 0 : variance[k]);
    }
  }

  /**
   * Gray's test that a cause's incidence is the same in every group.
   *
   * @param cause the cause
   * @param statistic {@code s' V^-1 s}
   * @param df groups − 1
   * @param p its upper chi-square tail
   */
  public record GrayTest(int cause, double statistic, int df, double p) {}

  /**
   * The curves and tests.
   *
   * @param curves one per cause and group, causes ascending, then groups in level order
   * @param tests one per cause with two or more groups (a cause whose variance matrix is singular
   *     has none)
   * @param rho the weight's power in the tests
   */
  public record Result(List<Curve> curves, List<GrayTest> tests, double rho, long n) implements AnalysisResult {
    /** Copies. */
    public Result {
      curves = List.copyOf(curves);
      tests = List.copyOf(tests);
    }

    @Override
    public String method() {
      return "Cumulative incidence (Aalen-Johansen) with Gray's test" + (rho == 0 ? "" : " (rho " + rho + ")");
    }

    @Override
    public long nUsed() {
      return n;
    }

    /** None: each group's incidence is a curve ({@link #curves()}). */
    @Override
    public Optional<Estimate> estimate() {
      return Optional.empty();
    }

    /** Gray's test of the first cause (readmission, when coded 1), when there are groups. */
    @Override
    public Optional<HypothesisTest> test() {
      return tests.stream().findFirst().map(t -> HypothesisTest.of("chisq", t.statistic(), t.df(), t.p()));
    }

    @Override
    public List<Warning> warnings() {
      return List.of();
    }

    /** The curve of a group and cause. */
    public Optional<Curve> curve(String group, int cause) {
      return curves.stream().filter(c -> c.group().equals(group) && c.cause() == cause).findFirst();
    }

    /** The test of a cause. */
    public Optional<GrayTest> test(int cause) {
      return tests.stream().filter(t -> t.cause() == cause).findFirst();
    }
  }

  /** Estimates with Gray's test weight {@code rho = 0}; see {@link #fit(CompetingRisksSample, double)}. */
  public static Result fit(CompetingRisksSample sample) {
    return fit(sample, 0);
  }

  /**
   * Estimates each cause's incidence per group and, with two or more groups, Gray's tests.
   *
   * @param rho the power of the tests' weight {@code (1 - F(t-))^rho}
   * @throws DegenerateDataException if the sample has no rows or no event of any cause
   * @throws IllegalArgumentException if {@code rho} is not finite
   */
  public static Result fit(CompetingRisksSample sample, double rho) {
    Objects.requireNonNull(sample, "sample");
    if (!Double.isFinite(rho)) {
      throw new IllegalArgumentException("rho must be a finite number");
    }
    int n = sample.size();
    List<Integer> causes = sample.causes();
    if (n == 0 || causes.isEmpty()) {
      throw new DegenerateDataException(n == 0 ? "the sample has no rows" : "no events: every row is censored",
          "cumulative incidence needs at least one event");
    }
    double[] time = sample.times();
    for (int i = 0; i < n; i++) {
      time[i] += 0.0; // -0.0 is the time 0 (as in R), and the curves' times say 0.0
    }
    int[] status = sample.statuses();
    int[] order = RadixSort.order(time, 0, n);
    Factor group = sample.group().orElse(null);
    List<String> levels = group == null ? List.of("1") : group.levels();
    List<Curve> curves = new ArrayList<>();
    List<GrayTest> tests = new ArrayList<>();
    int[][] groupRows = new int[levels.size()][];
    for (int g = 0; g < levels.size(); g++) {
      int level = g;
      groupRows[g] = Arrays.stream(order).filter(i -> group == null || group.code(i) == level).toArray();
    }
    for (int cause : causes) {
      for (int g = 0; g < levels.size(); g++) {
        if (groupRows[g].length > 0) {
          curves.add(curve(levels.get(g), cause, groupRows[g], time, status));
        }
      }
      if (group != null && levels.size() > 1) {
        grayTest(cause, order, time, status, group, sample.strata().orElse(null), rho).ifPresent(tests::add);
      }
    }
    return new Result(curves, tests, rho, n);
  }

  /** One curve over rows sorted by time: cmprsk's {@code cinc}. */
  private static Curve curve(String group, int cause, int[] rows, double[] time, int[] status) {
    int n = rows.length;
    double survivalBefore = 1; // S(t-), free of every cause
    double f = 0;
    double v1 = 0;
    double v2 = 0;
    double v3 = 0;
    double atRisk = n;
    List<double[]> jumps = new ArrayList<>();
    for (int from = 0; from < n;) {
      double t = time[rows[from]];
      int to = from;
      int ofCause = 0;
      int ofOthers = 0;
      for (; to < n && time[rows[to]] == t; to++) {
        int s = status[rows[to]];
        if (s == cause) {
          ofCause++;
        } else if (s != 0) {
          ofOthers++;
        }
      }
      int events = ofCause + ofOthers;
      if (events > 0) {
        double survivalAfter = survivalBefore * (atRisk - events) / atRisk;
        if (ofCause > 0) {
          f += survivalBefore * ofCause / atRisk;
        }
        if (ofOthers > 0 && survivalAfter > 0) {
          double share = survivalBefore * survivalBefore * tieFactor(ofOthers, atRisk) * ofOthers
              / (atRisk * atRisk);
          double a = 1 / survivalAfter;
          double b = f / survivalAfter;
          v1 += b * b * share;
          v2 += a * b * share;
          v3 += a * a * share;
        }
        if (ofCause > 0) {
          double share = survivalBefore * survivalBefore * tieFactor(ofCause, atRisk) * ofCause / (atRisk * atRisk);
          double a = survivalAfter > 0 ? 1 / survivalAfter : 0;
          double b = 1 + a * f;
          v1 += b * b * share;
          v2 += a * b * share;
          v3 += a * a * share;
          jumps.add(new double[] {t, f, v1 + f * f * v3 - 2 * f * v2});
        }
        survivalBefore = survivalAfter;
      }
      atRisk = n - to;
      from = to;
    }
    double[] times = new double[jumps.size()];
    double[] estimate = new double[jumps.size()];
    double[] variance = new double[jumps.size()];
    for (int k = 0; k < times.length; k++) {
      times[k] = jumps.get(k)[0];
      estimate[k] = jumps.get(k)[1];
      variance[k] = jumps.get(k)[2];
    }
    return new Curve(group, cause, times, estimate, variance, time[rows[n - 1]]);
  }

  /** The variance's correction for {@code d} tied events among {@code atRisk}: {@code 1 - (d - 1)/(n - 1)}. */
  private static double tieFactor(int d, double atRisk) {
    return d > 1 ? 1 - (d - 1.0) / (atRisk - 1.0) : 1;
  }

  /** Gray's test for one cause: scores and variance summed over strata (cmprsk's {@code crstm}). */
  private static Optional<GrayTest> grayTest(int cause, int[] order, double[] time, int[] status, Factor group,
      Factor strata, double rho) {
    int ng = group.levelCount();
    double[] score = new double[ng - 1];
    double[][] variance = new double[ng - 1][ng - 1];
    int strataCount = strata == null ? 1 : strata.levelCount();
    for (int s = 0; s < strataCount; s++) {
      int stratum = s;
      int[] rows = Arrays.stream(order).filter(i -> strata == null || strata.code(i) == stratum).toArray();
      new GrayStratum(ng, rho).run(rows, time, status, group, cause, score, variance);
    }
    for (int i = 0; i < score.length; i++) {
      if (!Double.isFinite(score[i]) || !java.util.Arrays.stream(variance[i]).allMatch(Double::isFinite)) {
        return Optional.empty(); // the weight reaches 0 where the pooled incidence reaches 1 (cmprsk stops there)
      }
    }
    RealMatrix v = MatrixUtils.createRealMatrix(variance);
    QRDecomposition qr = new QRDecomposition(v, 1e-7);
    if (!qr.getSolver().isNonSingular()) {
      return Optional.empty();
    }
    double[] solved = qr.getSolver().solve(MatrixUtils.createRealVector(score)).toArray();
    double stat = 0;
    for (int i = 0; i < score.length; i++) {
      stat += score[i] * solved[i];
    }
    return Optional.of(new GrayTest(cause, stat, ng - 1, Distributions.chiSquareUpper(stat, ng - 1)));
  }
}
