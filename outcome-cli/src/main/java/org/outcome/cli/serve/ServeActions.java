package org.outcome.cli.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.fhir.FhirOptions;
import org.outcome.service.ScoringService;
import org.outcome.service.ServiceSettings;
import picocli.CommandLine;

/** What {@code outcome serve} does (kept out of the command class: see {@link ServeCommand}). */
final class ServeActions {
  private ServeActions() {}

  static void serve(CommandLine commandLine, ServeCommand options, String tokenVariable) {
    Optional<String> token = token(commandLine, options, tokenVariable);
    if (token.isPresent() == options.noAuth) {
      throw new CommandLine.ParameterException(commandLine, options.noAuth
          ? "--no-auth and a token (--token-file or $" + ServeCommand.TOKEN_VARIABLE + ") exclude each other"
          : "a bearer token is needed: --token-file FILE or $" + ServeCommand.TOKEN_VARIABLE
              + " (or --no-auth, for local use only)");
    }
    ServiceSettings settings;
    try {
      settings = new ServiceSettings(options.host, options.port, token, options.noAuth, options.maxRequestBytes,
          options.maxBatchBytes, options.rateLimit, new FhirOptions(options.naming.canonicalBase()));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    ScoringService service = ScoringService.start(settings, InstrumentRegistry.load());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "outcome-serve-stop"));
    commandLine.getErr().println("serve: listening on http://" + options.host + ":" + service.port()
        + (options.noAuth ? " without authentication (local use only)" : " (bearer token required)")
        + "; Ctrl-C stops it");
    commandLine.getErr().flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<String> token(CommandLine commandLine, ServeCommand options, String variable) {
    if (options.tokenFile != null) {
      try {
        return Optional.of(Files.readString(options.tokenFile).strip());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the token file " + options.tokenFile, e);
      }
    }
    return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.strip());
  }
}
