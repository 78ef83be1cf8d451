package org.outcome.cli.score;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.cli.engine.Engine;
import org.outcome.cli.engine.Engines;
import org.outcome.cli.io.Format;
import org.outcome.cli.io.NaOption;
import org.outcome.cli.io.OutputOptions;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.io.CsvRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code outcome score}: scores a CSV file of administrations of one instrument, streaming, and
 * writes one record per scored row as it goes (CSV by default, or one JSON document).
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {
      "Score a CSV file of questionnaire answers.",
      "One administration per row. Columns: subject, timepoint, then q1 ... qN",
      "numbered as on the instrument's own form; an empty cell is a missing answer.",
      "Every row is scored or rejected with its row number and every reason: scored +",
      "rejected = read. In CSV output rejected rows go to standard error; JSON output",
      "lists them under \"rejected\". The file is never held in memory."
    })
public final class ScoreCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--instrument", required = true, paramLabel = "ID",
      description = "The instrument, for example empowerment-scale or whoqol-bref (see: outcome instruments).")
  String instrument;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "The answers, CSV with a header row (UTF-8).")
  String input; // text: on an engine it may be a URI, which a Path would mangle

  @Mixin NaOption na;

  @Mixin OutputOptions output;

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    boolean formatGiven = commandLine.getParseResult().hasMatchedOption("--format");
    if (formatGiven) {
      output.requireOneOf(commandLine, Format.CSV, Format.JSON);
    }
    Format format = formatGiven ? output.format() : Format.CSV;
    InstrumentId id;
    try {
      id = InstrumentId.of(instrument);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--instrument: " + e.getMessage());
    }
    Instrument chosen = InstrumentRegistry.load().require(id);
    BatchSummary summary;
    Optional<Engine> engine = Engines.current();
    if (engine.isPresent()) {
      summary = emit(commandLine, format, chosen, sink -> engine.get().score(input, na.missing(), chosen, sink));
    } else {
      BatchScorer scorer = BatchScorer.of(chosen).withMissing(na.missing());
      try (CsvRecords records = CsvRecords.open(Path.of(input))) {
        scorer.checkHeader(records);
        summary = emit(commandLine, format, chosen, sink -> scorer.score(records, sink));
      }
    }
    PrintWriter err = commandLine.getErr();
    err.printf("score: %s: read %d rows, scored %d, rejected %d%n", chosen.id(), summary.read(), summary.scored(),
        summary.rejected());
    err.flush();
  }

  /** Scores through {@code scoring} into the chosen writer; --output appears only once every row is scored. */
  private BatchSummary emit(CommandLine commandLine, Format format, Instrument chosen,
      Function<BatchSink, BatchSummary> scoring) {
    BatchSummary[] summary = new BatchSummary[1];
    output.write(commandLine, out -> {
      if (format == Format.JSON) {
        try (JsonScoreWriter writer = new JsonScoreWriter(out, chosen)) {
          summary[0] = scoring.apply(writer);
          writer.finish(summary[0]);
        }
      } else {
        summary[0] = scoring.apply(new CsvScoreWriter(out, commandLine.getErr(), chosen));
      }
    });
    return summary[0];
  }
}
