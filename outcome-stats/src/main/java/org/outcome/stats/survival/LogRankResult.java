package org.outcome.stats.survival;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;

/**
 * The result of a log-rank (G-rho) test, with R's {@code survdiff} components: per group the
 * rows, observed and expected (weighted) events, per stratum the same split by stratum, the
 * variance matrix of observed minus expected, and the chi-square test. Immutable; array accessors
 * return copies.
 */
public final class LogRankResult implements AnalysisResult {
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

  /** The group levels tested, in R's order (groups without rows are left out). */
  public List<String> groups() {
    return groups;
  }

  /** Rows per group. */
  public long[] n() {
    return n.clone();
  }

  /** Observed events per group, weighted by {@code S(t-)^ρ} (plain counts when {@code ρ = 0}), as R's {@code obs}. */
  public double[] observed() {
    return observed.clone();
  }

  /** Expected events per group, weighted likewise, as R's {@code exp}. */
  public double[] expected() {
    return expected.clone();
  }

  /** Observed events per stratum (rows) and group (columns); one row without strata. */
  public double[][] observedByStratum() {
    return deepCopy(observedByStratum);
  }

  /** Expected events per stratum (rows) and group (columns); one row without strata. */
  public double[][] expectedByStratum() {
    return deepCopy(expectedByStratum);
  }

  /** The variance matrix of observed minus expected, summed over strata, as R's {@code var}. */
  public double[][] variance() {
    return deepCopy(variance);
  }

  /** The chi-square statistic. */
  public double chisq() {
    return chisq;
  }

  /** Degrees of freedom: the groups with positive expected events, less one. */
  public int df() {
    return df;
  }

  /** The p-value, {@code P(χ²_df > chisq)}. */
  public double p() {
    return p;
  }

  /** The weight exponent. */
  public double rho() {
    return rho;
  }

  /** The strata levels used, when the test was stratified. */
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
