package org.outcome.cli.fhir;

import org.outcome.cli.io.Format;
import org.outcome.cli.io.OutputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outcome fhir score --input responses.ndjson > observations.ndjson}. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {
      "Score FHIR R4 QuestionnaireResponses into Observations, one per score.",
      "Output: NDJSON. Input: NDJSON (bulk export; a line may hold a Bundle), or one",
      "resource or Bundle document; .gz is read compressed; - is standard input.",
      "Each response is checked against its instrument (questionnaire URL and",
      "version, status, every linkId and answer) and scored by the instrument's",
      "engine; a score the missing-item rule leaves unscorable gets",
      "dataAbsentReason, never a number. Streaming. On standard error: every",
      "rejected resource with its position and reasons (never a value), and the",
      "accounting: scored + not scorable + rejected = read."
    })
public final class FhirScoreCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "QuestionnaireResponses: NDJSON, a Bundle or one resource (UTF-8).")
  String input;

  @Option(names = "--instrument", paramLabel = "ID",
      description = "Accept responses to this instrument only (default: any shipped or plugged-in one).")
  String instrument;

  @Mixin FhirCommand.Naming naming;

  @Mixin OutputOptions output;

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    if (commandLine.getParseResult().hasMatchedOption("--format")) {
      output.requireOneOf(commandLine, Format.JSON);
    }
    FhirActions.score(commandLine, input, instrument, naming.canonicalBase, output);
  }
}
