package org.outcome.cli.serve;

import java.nio.file.Path;
import org.outcome.cli.fhir.FhirCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outcome serve}: the scoring service, until interrupted. Picocli reflects on this class on
 * every start, also where outcome-service is absent (the module path), so no method signature or
 * lambda here names its types: the work is in {@link ServeActions}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
      "Run the scoring service over HTTP until interrupted (see docs/service.md).",
      "Routes: GET /health, /openapi.json, /instruments, /instruments/{id},",
      "/instruments/{id}/questionnaire; POST /instruments/{id}/score (JSON answers",
      "or a QuestionnaireResponse), POST /score (NDJSON batches, streamed).",
      "Every route but /health and /openapi.json needs the bearer token: from",
      "--token-file or the OUTCOME_SERVICE_TOKEN environment variable (at least 32",
      "characters), or none with --no-auth, for local use only. Listens on",
      "127.0.0.1 unless --host says otherwise; TLS belongs to a reverse proxy."
    })
public final class ServeCommand implements Runnable {
  /** The environment variable that may hold the bearer token. */
  public static final String TOKEN_VARIABLE = "OUTCOME_SERVICE_TOKEN";

  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "The interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding the bearer token (else $" + TOKEN_VARIABLE + ").")
  Path tokenFile;

  @Option(names = "--no-auth", description = "Accept requests without a token: local use only.")
  boolean noAuth;

  @Option(names = "--max-request-bytes", paramLabel = "N", defaultValue = "1048576",
      description = "The largest single request body (default: ${DEFAULT-VALUE}).")
  long maxRequestBytes;

  @Option(names = "--max-batch-bytes", paramLabel = "N", defaultValue = "268435456",
      description = "The largest batch body, POST /score (default: ${DEFAULT-VALUE}).")
  long maxBatchBytes;

  @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "200",
      description = "Requests a second per client address (default: ${DEFAULT-VALUE}; 0: none).")
  int rateLimit;

  @Mixin FhirCommand.Naming naming;

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    ServeActions.serve(commandLine, this, System.getenv(TOKEN_VARIABLE));
  }
}
