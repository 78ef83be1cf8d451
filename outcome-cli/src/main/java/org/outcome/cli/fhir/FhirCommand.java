package org.outcome.cli.fhir;

import org.outcome.cli.io.Format;
import org.outcome.cli.io.OutputOptions;
import org.outcome.fhir.FhirOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outcome fhir}: lists its subcommands. */
@Command(name = "fhir", mixinStandardHelpOptions = true,
    subcommands = {FhirCommand.QuestionnaireCommand.class, FhirScoreCommand.class},
    description = {
      "FHIR R4: instruments as Questionnaires, responses scored to Observations.",
      "See docs/fhir.md."
    })
public final class FhirCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The options every fhir command (and {@code outcome serve}) shares. Picocli reflects on the commands and their mixins on
   * every start, also where outcome-fhir is absent (the module path), so no method signature in
   * them names its types: the work is in {@link FhirActions}.
   */
  public static final class Naming {
    @Option(names = "--canonical-base", paramLabel = "URI", defaultValue = FhirOptions.DEFAULT_BASE,
        description = "Base of the Questionnaire URLs and code systems (default: ${DEFAULT-VALUE}).")
    String canonicalBase;

    /** The base given (or the default). */
    public String canonicalBase() {
      return canonicalBase;
    }
  }

  /** {@code outcome fhir questionnaire --instrument ID}. */
  @Command(name = "questionnaire", mixinStandardHelpOptions = true,
      description = {
        "Print an instrument as a FHIR R4 Questionnaire (JSON).",
        "One choice item per question (linkId = item number, our neutral labels),",
        "answer codings with their ordinalValue, the definition's version, licence",
        "and the source of every scoring fact."
      })
  static final class QuestionnaireCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--instrument", required = true, paramLabel = "ID",
        description = "The instrument, for example swemwbs (see: outcome instruments).")
    String instrument;

    @Mixin Naming naming;

    @Mixin OutputOptions output;

    @Override
    public void run() {
      CommandLine commandLine = spec.commandLine();
      if (commandLine.getParseResult().hasMatchedOption("--format")) {
        output.requireOneOf(commandLine, Format.JSON);
      }
      FhirActions.questionnaire(commandLine, instrument, naming.canonicalBase, output);
    }
  }
}
