package org.outcome.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.WilcoxonSignedRankTest;

/**
 * The analysis step of the before-and-after and comparison-group tests on a million pairs /
 * values (the samples are built once, outside the measurement). Targets (issue 6): paired t
 * 0.004 s, Wilcoxon signed-rank 0.15 s, Mann-Whitney 0.24 s; R 4.2 takes 0.03, 7.3 and 2.4 s.
 *
 * <pre>
 * java -Xmx2g -jar outcome-benchmarks/target/benchmarks.jar PairedGroupsBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>Scores are drawn as in an evaluation: continuous (two decimals, so ties are rare but
 * present) or integer questionnaire totals (many ties), as {@code kind} says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class PairedGroupsBenchmark {
  @Param({"1000000"})
  int n;

  @Param({"continuous", "integer"})
  String kind;

  PairedSample pairs;
  GroupedSample groups;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261125);
    double[] before = new double[n];
    double[] after = new double[n];
    double[] values = new double[n];
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) {
      before[i] = score(random, 50);
      after[i] = score(random, 52);
      values[i] = score(random, i % 2 == 0 ? 50 : 51);
      labels[i] = i % 2 == 0 ? "peer" : "usual";
    }
    pairs = PairedSample.of(before, after);
    groups = GroupedSample.of(values, Factor.of(labels));
  }

  private double score(SplittableRandom random, double mean) {
    double v = mean + 10 * gaussian(random);
    return "integer".equals(kind) ? Math.rint(v) : Math.rint(v * 100) / 100;
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  @Benchmark
  public PairedTTest.Result pairedT() {
    return PairedTTest.withDefaults().test(pairs);
  }

  @Benchmark
  public WilcoxonSignedRankTest.Result wilcoxonSignedRank() {
    return WilcoxonSignedRankTest.withDefaults().test(pairs);
  }

  @Benchmark
  public MannWhitneyTest.Result mannWhitney() {
    return MannWhitneyTest.withDefaults().test(groups);
  }

  @Benchmark
  public TwoSampleTTest.Result welchT() {
    return TwoSampleTTest.withDefaults().test(groups);
  }
}
