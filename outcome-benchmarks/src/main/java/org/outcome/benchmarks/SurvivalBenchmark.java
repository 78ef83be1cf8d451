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
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.SurvivalCounts;

/**
 * Kaplan–Meier by two groups and the log-rank test on a 1M-row tenure cohort ({@link TenureCohort}
 * grouped by {@code peer}: whole days, about 68% events), analysis only: the sample is built once,
 * and each call counts it and computes the result. Targets: Kaplan–Meier ≤ 0.10 s, log-rank ≤ 0.15 s.
 *
 * <pre>java -Xmx2g -jar outcome-benchmarks/target/benchmarks.jar SurvivalBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SurvivalBenchmark {
  @Param("1000000")
  int rows;

  SurvivalSample sample;

  @Setup
  public void setUp() {
    sample = TenureCohort.of(rows).grouped();
  }

  /** Step 1 alone: rows to counts per group and day. */
  @Benchmark
  public SurvivalCounts counts() {
    return SurvivalCounts.of(sample);
  }

  /** Kaplan–Meier curves of both groups, with medians and restricted means, from the rows. */
  @Benchmark
  public KaplanMeier.Result kaplanMeierTwoGroups() {
    return KaplanMeier.withDefaults().fit(sample);
  }

  /** The log-rank test of the two groups, from the rows. */
  @Benchmark
  public LogRank.Result logRankTwoGroups() {
    return LogRank.withDefaults().test(sample);
  }
}
