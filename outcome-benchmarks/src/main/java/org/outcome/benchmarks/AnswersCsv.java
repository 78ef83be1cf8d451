package org.outcome.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.Item;
import org.outcome.instruments.BuiltInInstruments;

/**
 * Writes a batch-scoring input file of random administrations: {@code subject,timepoint,q1..qN},
 * about 1% of answers missing. Used by {@link BatchCsvBenchmark} at setup and by hand to time the
 * command line:
 *
 * <pre>
 * java -cp outcome-benchmarks/target/benchmarks.jar org.outcome.benchmarks.AnswersCsv empowerment-scale 1000000 /tmp/es.csv
 * </pre>
 */
public final class AnswersCsv {
  private AnswersCsv() {}

  /** Writes {@code rows} random administrations of the instrument to {@code file}; the seed fixes the data. */
  public static void write(Instrument instrument, long rows, Path file, long seed) throws IOException {
    List<Item> items = instrument.definition().items();
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder("subject,timepoint");
      for (Item item : items) {
        line.append(",q").append(item.number());
      }
      out.write(line.append('\n').toString());
      for (long r = 1; r <= rows; r++) {
        line.setLength(0);
        line.append("S").append(r / 2 + 1).append(',').append(r % 2 == 0 ? "follow-up" : "baseline");
        for (Item item : items) {
          line.append(',');
          if (random.nextInt(100) != 0) {
            line.append(item.scale().min() + random.nextInt(item.scale().size()));
          }
        }
        out.write(line.append('\n').toString());
      }
    }
  }

  /** {@code AnswersCsv INSTRUMENT ROWS FILE}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: AnswersCsv INSTRUMENT ROWS FILE");
      System.exit(2);
    }
    Instrument instrument = new BuiltInInstruments().instruments().stream()
        .filter(i -> i.id().value().equals(args[0])).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no built-in instrument " + args[0]));
    write(instrument, Long.parseLong(args[1]), Path.of(args[2]), 20261125L);
  }
}
