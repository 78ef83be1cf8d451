package org.outcome.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;
import org.outcome.stats.survival.internal.LogRankEngine;

/**
 * The log-rank test and its G-rho family for k groups, optionally stratified, equal to R's
 * {@code survdiff(Surv(time, event) ~ group + strata(s), rho = ρ)} (survival 3.5).
 *
 * <p>At each event time the observed and expected events per group are weighted by
 * {@code S(t-)^ρ}, the pooled Kaplan–Meier survival of the stratum just before {@code t}
 * ({@code ρ = 0}: log-rank; {@code ρ = 1}: Peto–Peto's Wilcoxon-type test). Strata add their
 * observed, expected and variance. With {@code O}, {@code E} and {@code V} summed, the statistic
 * is {@code (O - E)' V⁻ (O - E)} over the groups whose expected count is positive, less the first
 * of them, on that number of groups minus one degrees of freedom, as R computes it.
 *
 * <pre>{@code
 * LogRank.Result r = LogRank.withDefaults().withRho(1).test(sample);
 * }</pre>
 *
 * <p>Groups with no rows (unused factor levels) are left out, as R leaves out unused levels; so
 * are strata with no rows. Immutable.
 */
public final class LogRank {
  private static final LogRank DEFAULTS = new LogRank(0, TimeMatching.R_TOLERANCE);

  private final double rho;
  private final TimeMatching matching;

  private LogRank(double rho, TimeMatching matching) {
    this.rho = rho;
    this.matching = matching;
  }

  /** The log-rank test ({@code ρ = 0}) with R's time matching. */
  public static LogRank withDefaults() {
    return DEFAULTS;
  }

  /**
   * The same with weight exponent {@code ρ} (0 = log-rank, 1 = Peto–Peto).
   *
   * @throws IllegalArgumentException unless {@code rho} is finite
   */
  public LogRank withRho(double newRho) {
    return new LogRank(Arguments.finite(newRho, "rho"), matching);
  }

  /** The same with another rule for matching near-equal times. */
  public LogRank withTimeMatching(TimeMatching m) {
    return new LogRank(rho, Arguments.option(m, "matching"));
  }

  /** The weight exponent. */
  public double rho() {
    return rho;
  }

  /** The time matching rule. */
  public TimeMatching timeMatching() {
    return matching;
  }

  /**
   * Tests a sample by its group column, stratified by its strata column when it has one.
   *
   * @throws DegenerateDataException without a group column, with fewer than two groups with rows,
   *     with no events, or when the variance matrix is singular
   */
  public Result test(SurvivalSample sample) {
    return test(SurvivalCounts.of(sample, matching));
  }

  /**
   * Tests from counts.
   *
   * @throws DegenerateDataException as {@link #test(SurvivalSample)}
   */
  public Result test(SurvivalCounts counts) {
    if (counts.groupLevels().isEmpty()) {
      throw new DegenerateDataException("the data have no group column",
          "the log-rank test compares groups: give the column that holds each person's group");
    }
    List<String> levels = counts.groupLevels().get();
    List<Warning> warnings = new ArrayList<>();
    List<Integer> used = new ArrayList<>();
    for (int g = 0; g < counts.groupCount(); g++) {
      if (counts.groupRows(g) > 0) {
        used.add(g);
      } else {
        warnings.add(Warning.of("empty-group", "group " + levels.get(g) + " has no rows and is left out"));
      }
    }
    if (used.size() < 2) {
      throw new DegenerateDataException(
          used.isEmpty() ? "the data have no rows" : "only one group (" + levels.get(used.get(0)) + ") has rows",
          "the log-rank test compares two or more groups; check the group column");
    }
    List<Integer> usedStrata = new ArrayList<>();
    for (int s = 0; s < counts.strataCount(); s++) {
      long rows = 0;
      for (int g : used) {
        rows += counts.cell(s, g).rows();
      }
      if (rows > 0) {
        usedStrata.add(s);
      } else if (counts.strataLevels().isPresent()) {
        warnings.add(Warning.of("empty-stratum",
            "stratum " + counts.strataLevels().get().get(s) + " has no rows and is left out"));
      }
    }
    int k = used.size();
    double[][] observedByStratum = new double[usedStrata.size()][k];
    double[][] expectedByStratum = new double[usedStrata.size()][k];
    double[][] variance = new double[k][k];
    for (int si = 0; si < usedStrata.size(); si++) {
      int s = usedStrata.get(si);
      double[][] times = new double[k][];
      long[][] events = new long[k][];
      long[][] atRisk = new long[k][];
      for (int j = 0; j < k; j++) {
        SurvivalCounts.Cell cell = counts.cell(s, used.get(j));
        times[j] = cell.times;
        events[j] = cell.events;
        atRisk[j] = cell.atRisk;
      }
      LogRankEngine.addStratum(times, events, atRisk, rho, observedByStratum[si], expectedByStratum[si], variance);
    }
    double[] observed = new double[k];
    double[] expected = new double[k];
    for (int si = 0; si < usedStrata.size(); si++) {
      for (int j = 0; j < k; j++) {
        observed[j] += observedByStratum[si][j];
        expected[j] += expectedByStratum[si][j];
      }
    }
    List<Integer> tested = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (expected[j] > 0) {
        tested.add(j);
      } else {
        warnings.add(Warning.of("no-expected-events", "group " + levels.get(used.get(j))
            + " has no expected events (no one at risk at any event time) and adds no degree of freedom"));
      }
    }
    int df = tested.size() - 1;
    if (df < 1) {
      throw new DegenerateDataException(
          total(observed) == 0 ? "there are no events in any group" : "only one group has anyone at risk at an event time",
          "the log-rank test needs events while two or more groups are at risk; check the event column and follow-up");
    }
    double chisq = statistic(observed, expected, variance, tested);
    double p = Distributions.chiSquareUpper(chisq, df);
    List<String> groups = new ArrayList<>();
    long[] n = new long[k];
    for (int j = 0; j < k; j++) {
      groups.add(levels.get(used.get(j)));
      n[j] = counts.groupRows(used.get(j));
    }
    List<String> strataLabels = new ArrayList<>();
    counts.strataLevels().ifPresent(l -> usedStrata.forEach(s -> strataLabels.add(l.get(s))));
    return new LogRankResult(groups, n, observed, expected, observedByStratum, expectedByStratum, variance,
        chisq, df, p, rho, counts.strataLevels().isPresent() ? Optional.of(strataLabels) : Optional.empty(),
        warnings);
  }

  private static double statistic(double[] observed, double[] expected, double[][] variance, List<Integer> tested) {
    int m = tested.size() - 1;
    double[][] v = new double[m][m];
    double[] diff = new double[m];
    for (int a = 0; a < m; a++) {
      int i = tested.get(a + 1);
      diff[a] = observed[i] - expected[i];
      for (int b = 0; b < m; b++) {
        v[a][b] = variance[i][tested.get(b + 1)];
      }
    }
    if (m == 1) {
      if (!(v[0][0] > 0)) {
        throw singular();
      }
      return diff[0] * diff[0] / v[0][0];
    }
    DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(v, false), 1e-12).getSolver();
    if (!solver.isNonSingular()) {
      throw singular();
    }
    RealVector d = new ArrayRealVector(diff, false);
    return solver.solve(d).dotProduct(d);
  }

  private static DegenerateDataException singular() {
    return new DegenerateDataException("the variance of observed minus expected events is zero or singular"
        + " (as when every event happens at a time after which no one is at risk, or groups are never at risk together)",
        "there is no information to compare the groups; check the data, or merge or drop groups");
  }

  private static double total(double[] x) {
    double t = 0;
    for (double v : x) {
      t += v;
    }
    return t;
  }

  @Override
  public String toString() {
    return "LogRank[rho=" + rho + ", matching=" + matching + "]";
  }

  /**
   * The result of a log-rank (G-rho) test, with R's {@code survdiff} components: per group the
   * rows, observed and expected (weighted) events, per stratum the same split by stratum, the
   * variance matrix of observed minus expected, and the chi-square test. Immutable; array accessors
   * return copies.
   *
   * <p>Only {@link #test} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits LogRankResult {
    /** The group levels tested, in R's order (groups without rows are left out). */
    List<String> groups();

    /** Rows per group. */
    long[] n();

    /**
     * Observed events per group, weighted by {@code S(t-)^ρ} (plain counts when {@code ρ = 0}), as
     * R's {@code obs}.
     */
    double[] observed();

    /** Expected events per group, weighted likewise, as R's {@code exp}. */
    double[] expected();

    /** Observed events per stratum (rows) and group (columns); one row without strata. */
    double[][] observedByStratum();

    /** Expected events per stratum (rows) and group (columns); one row without strata. */
    double[][] expectedByStratum();

    /** The variance matrix of observed minus expected, summed over strata, as R's {@code var}. */
    double[][] variance();

    /** The chi-square statistic. */
    double chisq();

    /** Degrees of freedom: the groups with positive expected events, less one. */
    int df();

    /** The p-value, {@code P(χ²_df > chisq)}. */
    double p();

    /** The weight exponent. */
    double rho();

    /** The strata levels used, when the test was stratified. */
    Optional<List<String>> strata();
  }

  /** The one implementation of {@link Result}. */
  private static final class LogRankResult implements Result {
    private final List<String> groups;
    private final long[] n;
    private final double[] observed;
    private final double[] expected;
    private final double[][] observedByStratum;
    private final double[][] expectedByStratum;
    private final double[][] variance;
    private final double chisq;
    private final int df;
    private final double p;
    private final double rho;
    private final Optional<List<String>> strata;
    private final List<Warning> warnings;

    LogRankResult(List<String> groups, long[] n, double[] observed, double[] expected, double[][] observedByStratum,
        double[][] expectedByStratum, double[][] variance, double chisq, int df, double p, double rho,
        Optional<List<String>> strata, List<Warning> warnings) {
      this.groups = List.copyOf(groups);
      this.n = n.clone();
      this.observed = observed.clone();
      this.expected = expected.clone();
      this.observedByStratum = deepCopy(observedByStratum);
      this.expectedByStratum = deepCopy(expectedByStratum);
      this.variance = deepCopy(variance);
      this.chisq = chisq;
      this.df = df;
      this.p = p;
      this.rho = rho;
      this.strata = Objects.requireNonNull(strata, "strata").map(List::copyOf);
      this.warnings = List.copyOf(warnings);
    }

    @Override
    public List<String> groups() {
      return groups;
    }

    @Override
    public long[] n() {
      return n.clone();
    }

    @Override
    public double[] observed() {
      return observed.clone();
    }

    @Override
    public double[] expected() {
      return expected.clone();
    }

    @Override
    public double[][] observedByStratum() {
      return deepCopy(observedByStratum);
    }

    @Override
    public double[][] expectedByStratum() {
      return deepCopy(expectedByStratum);
    }

    @Override
    public double[][] variance() {
      return deepCopy(variance);
    }

    @Override
    public double chisq() {
      return chisq;
    }

    @Override
    public int df() {
      return df;
    }

    @Override
    public double p() {
      return p;
    }

    @Override
    public double rho() {
      return rho;
    }

    @Override
    public Optional<List<String>> strata() {
      return strata;
    }

    @Override
    public String method() {
      String test = rho == 0 ? "Log-rank test" : rho == 1 ? "Peto-Peto test (G-rho, rho = 1)" : "G-rho test (rho = " + rho + ")";
      return strata.isPresent() ? test + ", stratified" : test;
    }

    @Override
    public long nUsed() {
      long total = 0;
      for (long x : n) {
        total += x;
      }
      return total;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.empty();
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.of(HypothesisTest.of("chisq", chisq, df, p));
    }

    @Override
    public List<Warning> warnings() {
      return warnings;
    }

    private static double[][] deepCopy(double[][] a) {
      double[][] c = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        c[i] = a[i].clone();
      }
      return c;
    }

    @Override
    public String toString() {
      return "LogRankResult[groups=" + groups + ", observed=" + Arrays.toString(observed) + ", expected="
          + Arrays.toString(expected) + ", chisq=" + chisq + ", df=" + df + ", p=" + p + "]";
    }
  }
}
