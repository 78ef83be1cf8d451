package org.outcome.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.stats.survival.competing.CumulativeIncidence;
import org.outcome.stats.survival.competing.FineGray;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.recurrent.MeanCumulativeFunction;

/**
 * The recurrent-event and competing-risks kernels on {@link RecurrentCsv}'s data, held in memory
 * (the end-to-end benchmark measures the commands): the Andersen–Gill model with the robust
 * variance ({@code andersenGill}, R's {@code coxph(Surv(start, stop, event) ~ peer + age + female +
 * cluster(id))}), the mean cumulative function by group ({@code mcf}), the cumulative incidence by
 * group with Gray's test ({@code cumulativeIncidence}, cmprsk's {@code cuminc}) and Fine–Gray on
 * three covariates ({@code fineGray}, cmprsk's {@code crr}).
 *
 * <pre>
 * java -Xmx4g -jar outcome-benchmarks/target/benchmarks.jar RecurrentBenchmark -f 1 -wi 2 -i 3
 * java -Xmx4g -jar outcome-benchmarks/target/benchmarks.jar RecurrentBenchmark.fineGray -p people=100000,1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class RecurrentBenchmark {
  @Param("1000000")
  int people;

  private CountingProcessSample recurrent;
  private CompetingRisksSample competing;
  private CompetingRisksSample covariates;

  @Setup
  public void setUp() throws IOException {
    Path dir = Files.createTempDirectory("recurrent-benchmark");
    Path rec = dir.resolve("recurrent.csv");
    Path comp = dir.resolve("competing.csv");
    RecurrentCsv.write(people, true, rec, RecurrentCsv.SEED);
    RecurrentCsv.write(people, false, comp, RecurrentCsv.SEED);
    List<String> lines = Files.readAllLines(rec);
    int n = lines.size() - 1;
    double[] start = new double[n];
    double[] stop = new double[n];
    boolean[] event = new boolean[n];
    String[] id = new String[n];
    String[] group = new String[n];
    double[][] x = new double[3][n];
    for (int i = 0; i < n; i++) {
      String[] c = lines.get(i + 1).split(",");
      id[i] = c[0];
      group[i] = c[1];
      for (int j = 0; j < 3; j++) {
        x[j][i] = Double.parseDouble(c[2 + j]);
      }
      start[i] = Double.parseDouble(c[5]);
      stop[i] = Double.parseDouble(c[6]);
      event[i] = c[7].equals("1");
    }
    recurrent = CountingProcessSample.builder(start, stop, event).id(Factor.inOrderOfAppearance(id))
        .group(Factor.of(group)).build();
    CountingProcessSample.Builder withCovariates = CountingProcessSample.builder(start, stop, event)
        .id(Factor.inOrderOfAppearance(id)).covariate("peer", x[0]).covariate("age", x[1]).covariate("female", x[2]);
    agRows = withCovariates.build();
    lines = Files.readAllLines(comp);
    n = lines.size() - 1;
    double[] time = new double[n];
    int[] status = new int[n];
    String[] g = new String[n];
    double[][] z = new double[3][n];
    for (int i = 0; i < n; i++) {
      String[] c = lines.get(i + 1).split(",");
      g[i] = c[1];
      for (int j = 0; j < 3; j++) {
        z[j][i] = Double.parseDouble(c[2 + j]);
      }
      time[i] = Double.parseDouble(c[5]);
      status[i] = Integer.parseInt(c[6]);
    }
    competing = CompetingRisksSample.builder(time, status).group(Factor.of(g)).build();
    covariates = CompetingRisksSample.builder(time, status).covariate("peer", z[0]).covariate("age", z[1])
        .covariate("female", z[2]).build();
  }

  private CountingProcessSample agRows;

  /** Andersen–Gill, Efron ties, robust variance clustered on the person (no concordance, no zph: not defined here). */
  @Benchmark
  public CoxPh.Result andersenGill() {
    return CoxPh.withDefaults().fit(agRows);
  }

  /** The mean cumulative function by group with its robust SE. */
  @Benchmark
  public List<MeanCumulativeFunction.Curve> mcf() {
    return MeanCumulativeFunction.fit(recurrent);
  }

  /** The cumulative incidence of both causes by group, with Gray's tests. */
  @Benchmark
  public CumulativeIncidence.Result cumulativeIncidence() {
    return CumulativeIncidence.fit(competing);
  }

  /** Fine–Gray for readmission on three covariates, with the sandwich variance. */
  @Benchmark
  public FineGray.Result fineGray() {
    return FineGray.withDefaults().fit(covariates);
  }
}
