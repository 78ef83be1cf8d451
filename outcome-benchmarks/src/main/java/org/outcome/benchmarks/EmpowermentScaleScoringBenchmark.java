package org.outcome.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.instruments.BuiltInInstruments;

/**
 * In-memory scoring of the Empowerment Scale (28 items, 9 reverse-keyed, mean, every answer
 * validated), one thread. The target of issue 3 is at least 2 million administrations per second
 * on one core. 1024 distinct complete response sets are built at setup and scored in turn, so the
 * benchmark measures validation and aggregation, not the building of the input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EmpowermentScaleScoringBenchmark {
  private Instrument instrument;
  private ResponseSet[] answers;
  private int next;

  @Setup
  public void setUp() {
    instrument = new BuiltInInstruments().instruments().stream()
        .filter(i -> i.id().value().equals("empowerment-scale")).findFirst().orElseThrow();
    SplittableRandom random = new SplittableRandom(42);
    answers = new ResponseSet[1024];
    for (int a = 0; a < answers.length; a++) {
      int[] values = new int[28];
      for (int i = 0; i < values.length; i++) {
        values[i] = 1 + random.nextInt(4);
      }
      answers[a] = ResponseSet.complete(instrument.id(), values);
    }
  }

  /** Scores one administration; returns the score so that it is not optimised away. */
  @Benchmark
  public Score scoreOneAdministration() {
    ResponseSet r = answers[next];
    next = (next + 1) & (answers.length - 1);
    return instrument.score(r);
  }
}
