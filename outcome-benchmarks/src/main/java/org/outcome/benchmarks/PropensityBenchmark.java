package org.outcome.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.outcome.stats.balance.LogisticRegression;
import org.outcome.stats.balance.NearestNeighbourMatching;
import org.outcome.stats.balance.Weighting;
import org.outcome.stats.balance.Weighting.Effect;
import org.outcome.stats.balance.Weighting.Estimand;

/**
 * Propensity scores on a million drawn units with ten covariates (seven normal, three 0/1; about
 * 39% treated): the logistic model ({@code fit}, R's {@code glm}), inverse probability weighting
 * with balance and the effect's HC0 SE ({@code iptw}), and 1:1 nearest-neighbour matching on the
 * score without and with a 0.2 SD caliper, with its balance and clustered SE ({@code match*}).
 *
 * <pre>
 * java -Xmx3g -jar outcome-benchmarks/target/benchmarks.jar PropensityBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class PropensityBenchmark {
  private static final List<String> NAMES = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10");

  @Param("1000000")
  int rows;

  private double[] treatment;
  private double[] outcome;
  private List<double[]> covariates;
  private double[] propensity;

  @Setup
  public void setUp() {
    Random r = new Random(20261204);
    treatment = new double[rows];
    outcome = new double[rows];
    covariates = new ArrayList<>();
    for (int j = 0; j < NAMES.size(); j++) {
      covariates.add(new double[rows]);
    }
    for (int i = 0; i < rows; i++) {
      double eta = -0.5;
      for (int j = 0; j < NAMES.size(); j++) {
        double x = j < 7 ? r.nextGaussian() : r.nextInt(2);
        covariates.get(j)[i] = x;
        eta += (j % 3 - 1) * 0.3 * x;
      }
      treatment[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      outcome[i] = 2 * treatment[i] + covariates.get(0)[i] + r.nextGaussian();
    }
    propensity = LogisticRegression.fit(treatment, NAMES, covariates).fitted();
  }

  /** The propensity model. */
  @Benchmark
  public LogisticRegression.Fit fit() {
    return LogisticRegression.fit(treatment, NAMES, covariates);
  }

  /** ATE weights from the scores, balance after them, and the weighted effect with its HC0 SE. */
  @Benchmark
  public Effect iptw() {
    double[] w = Weighting.weights(treatment, propensity, Estimand.ATE, false);
    Weighting.standardisedDifferences(treatment, covariates, w, Estimand.ATE);
    return Weighting.effect(outcome, treatment, w);
  }

  /** 1:1 matching on the scores, balance in the matched sample, and the ATT with its clustered SE. */
  @Benchmark
  public Effect match() {
    return matched(NearestNeighbourMatching.withDefaults());
  }

  /** The same within 0.2 SD of the score. */
  @Benchmark
  public Effect matchWithCaliper() {
    return matched(NearestNeighbourMatching.withDefaults().withCaliper(0.2, true));
  }

  private Effect matched(NearestNeighbourMatching matching) {
    NearestNeighbourMatching.Result m = matching.match(treatment, propensity);
    double[] w = m.weights();
    Weighting.standardisedDifferencesAsMatchIt(treatment, covariates, w);
    return Weighting.effect(outcome, treatment, w, m.matchedSets());
  }
}
