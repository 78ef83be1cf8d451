package org.outcome.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.outcome.api.RejectedRow;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.instruments.BuiltInInstruments;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.instruments.batch.ScoredRow;

/**
 * Batch scoring of a generated CSV file of Empowerment Scale administrations (1 million rows by
 * default, about 1% of answers missing), in a JVM limited to 256 MB of heap, single shot: read,
 * parse, validate, score, and format each scored row as an output CSV line into a discarding
 * writer. The target of issue 3 is under 10 s for 1 million rows with {@code -Xmx256m}. The file
 * is generated at setup in a temporary directory and deleted afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BatchCsvBenchmark {
  @Param("1000000")
  public long rows;

  private Path dir;
  private Path file;
  private BatchScorer scorer;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Instrument es = new BuiltInInstruments().instruments().stream()
        .filter(i -> i.id().value().equals("empowerment-scale")).findFirst().orElseThrow();
    scorer = BatchScorer.of(es);
    dir = Files.createTempDirectory("outcome-bench");
    file = dir.resolve("es.csv");
    AnswersCsv.write(es, rows, file, 7);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  /** Formats each scored row like the command line's CSV output, into a writer that discards it. */
  static final class LineSink implements BatchSink {
    private final Writer out = Writer.nullWriter();
    private final StringBuilder line = new StringBuilder(128);
    long rejected;

    @Override
    public void scored(ScoredRow row) {
      line.setLength(0);
      line.append(row.row()).append(',').append(row.subject().value()).append(',').append(row.timepoint());
      for (SubscaleScore s : row.score().subscales()) {
        line.append(',');
        if (s.isScored()) {
          line.append(s.value().getAsDouble());
        }
      }
      line.append(',').append(row.score().prorated()).append('\n');
      try {
        out.append(line);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void rejected(RejectedRow row) {
      rejected++;
    }
  }

  @Benchmark
  public BatchSummary scoreTheFile() {
    BatchSummary summary = scorer.score(file, new LineSink());
    if (summary.read() != rows) {
      throw new IllegalStateException("read " + summary.read() + " of " + rows);
    }
    return summary;
  }
}
