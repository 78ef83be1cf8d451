package org.outcome.service;

import io.javalin.Javalin;
import java.util.Objects;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.service.internal.Api;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring service, running. Routes:
 * <ul>
 *   <li>{@code GET /health} and {@code GET /openapi.json} (no token needed);</li>
 *   <li>{@code GET /instruments}, {@code GET /instruments/{id}} (the definition with every scoring
 *       fact's source), {@code GET /instruments/{id}/questionnaire} (FHIR R4);</li>
 *   <li>{@code POST /instruments/{id}/score}: JSON answers ({@code {"answers": {"1": 3, ...}}}) to
 *       a score, or a QuestionnaireResponse to a Bundle of Observations;</li>
 *   <li>{@code POST /score}: a streamed batch, {@code application/fhir+ndjson}
 *       QuestionnaireResponses to Observations (then an OperationOutcome per rejected resource and
 *       one with the accounting), or {@code application/x-ndjson} answers to scores.</li>
 * </ul>
 * Errors are JSON: {@code {"error", "message", "violations": [{"location", "message"}]}}, never
 * quoting a value from the request. Thread-safe; {@link #close()} stops it.
 */
public final class ScoringService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScoringService.class);

  private final Javalin app;

  private ScoringService(Javalin app) {
    this.app = app;
  }

  /**
   * Starts the service with these instruments.
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public static ScoringService start(ServiceSettings settings, InstrumentRegistry registry) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(registry, "registry");
    Api api = new Api(registry, settings.fhir(), settings.bearerToken(), settings.requestsPerSecond(),
        settings.maxRequestBytes(), settings.maxBatchBytes());
    Javalin app = Javalin.create(api::configure).start(settings.host(), settings.port());
    LOG.info("scoring service listening on {}:{} ({} instruments, {})", settings.host(), app.port(),
        registry.ids().size(), settings.noAuth() ? "no authentication" : "bearer token required");
    return new ScoringService(app);
  }

  /** The port the service listens on. */
  public int port() {
    return app.port();
  }

  /** Stops the service; requests in flight are finished first. */
  @Override
  public void close() {
    app.stop();
  }
}
