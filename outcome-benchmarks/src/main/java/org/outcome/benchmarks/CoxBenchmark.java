package org.outcome.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.Ties;

/**
 * The Cox model on a {@link TenureCohort} of a million people (six covariates, whole-day ties, about
 * 68% events): analysis only, the sample already built. {@code fit} is what {@code survival cox}
 * computes by default (coefficients, variance, tests, concordance with its standard error and the
 * {@code cox.zph} test); {@code fitCoefficientsAndTests} leaves out concordance and {@code cox.zph}.
 *
 * <pre>
 * java -Xmx2g -jar outcome-benchmarks/target/benchmarks.jar CoxBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CoxBenchmark {
  @Param("1000000")
  int rows;

  @Param({"EFRON", "BRESLOW"})
  Ties ties;

  private SurvivalSample sample;
  private CoxPh full;
  private CoxPh coefficientsAndTests;

  @Setup
  public void setUp() {
    sample = TenureCohort.of(rows).withCovariates();
    full = CoxPh.withDefaults().withTies(ties);
    coefficientsAndTests = full.withConcordance(false).withProportionalHazardsTest(false);
  }

  /** Everything {@code summary(coxph)} and {@code cox.zph} report. */
  @Benchmark
  public CoxPh.Result fit() {
    return full.fit(sample);
  }

  /** Coefficients, variance and the three tests, without concordance and {@code cox.zph}. */
  @Benchmark
  public CoxPh.Result fitCoefficientsAndTests() {
    return coefficientsAndTests.fit(sample);
  }
}
