package org.outcome.cli.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.cli.io.OutputOptions;
import org.outcome.fhir.FhirBatchSummary;
import org.outcome.fhir.FhirOptions;
import org.outcome.fhir.FhirScorer;
import org.outcome.fhir.Questionnaires;
import picocli.CommandLine;

/**
 * What the fhir commands do. Picocli reflects on every command class (their methods, lambdas
 * included) on every start, also on the module path where outcome-fhir is absent, so the command
 * classes name no outcome-fhir type: the work is here.
 */
final class FhirActions {
  private FhirActions() {}

  /** Prints the instrument's Questionnaire. */
  static void questionnaire(CommandLine commandLine, String instrument, String base, OutputOptions output) {
    FhirOptions options = options(commandLine, base);
    Instrument chosen = instrument(commandLine, instrument);
    output.write(commandLine, out -> out.println(Questionnaires.json(chosen.definition(), options)));
  }

  /** Scores the responses in {@code input}: Observations to the output, rejections and accounting to stderr. */
  static void score(CommandLine commandLine, String input, String instrument, String base, OutputOptions output) {
    FhirScorer all = FhirScorer.of(InstrumentRegistry.load().all(), options(commandLine, base));
    FhirScorer scorer = instrument == null ? all : all.onlyFor(instrument(commandLine, instrument).id());
    PrintWriter err = commandLine.getErr();
    FhirBatchSummary[] summary = new FhirBatchSummary[1];
    try (InputStream in = open(commandLine, input)) {
      output.write(commandLine, out -> summary[0] = scorer.scoreAll(in, out,
          rejection -> err.println("fhir score: rejected " + rejection)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + input, e);
    }
    err.println("fhir score: " + summary[0]);
    err.flush();
  }

  private static FhirOptions options(CommandLine commandLine, String base) {
    try {
      return new FhirOptions(base);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--canonical-base: " + e.getMessage());
    }
  }

  private static Instrument instrument(CommandLine commandLine, String value) {
    InstrumentId id;
    try {
      id = InstrumentId.of(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, "--instrument: " + e.getMessage());
    }
    return InstrumentRegistry.load().require(id);
  }

  private static InputStream open(CommandLine commandLine, String input) throws IOException {
    InputStream stream;
    if (input.equals("-")) {
      stream = System.in;
    } else {
      try {
        stream = Files.newInputStream(Path.of(input));
      } catch (NoSuchFileException e) {
        throw new CommandLine.ParameterException(commandLine, "--input: no such file: " + input);
      }
      if (input.endsWith(".gz")) {
        stream = new GZIPInputStream(stream, 1 << 16);
      }
    }
    return stream;
  }
}
