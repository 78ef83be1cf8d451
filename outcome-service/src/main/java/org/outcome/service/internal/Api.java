package org.outcome.service.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.Score;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.fhir.FhirBatchSummary;
import org.outcome.fhir.FhirOptions;
import org.outcome.fhir.FhirScorer;
import org.outcome.fhir.Questionnaires;
import org.outcome.fhir.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the scoring service and what they answer. Nothing from a request body, a header
 * or a query reaches a log line: a request is logged by method, route template and status only
 * (at debug), a failure by its exception class.
 */
public final class Api {
  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  static final String JSON = "application/json";
  static final String FHIR_JSON = "application/fhir+json";
  static final String NDJSON = "application/x-ndjson";
  static final String FHIR_NDJSON = "application/fhir+ndjson";
  /** The routes that answer without a token: they hold nothing about anyone. */
  static final List<String> OPEN = List.of("/health", "/openapi.json");
  /** Marks a request whose error body is written, so that the status's error handler leaves it be. */
  private static final String ERROR_WRITTEN = "outcome.error-written";

  private final ObjectMapper mapper = new ObjectMapper();
  private final InstrumentRegistry registry;
  private final Map<String, Instrument> byId;
  private final FhirScorer scorer;
  /** Per instrument id, the scorer that takes responses to that instrument only (made once, not per request). */
  private final Map<String, FhirScorer> scorerFor;
  private final FhirOptions fhir;
  private final Optional<byte[]> token;
  private final RateLimiter limiter;
  private final long maxRequestBytes;
  private final long maxBatchBytes;
  private final byte[] openApi;

  /**
   * @param token the bearer token, or empty for no authentication
   * @param requestsPerSecond each client's rate; 0 for no limit
   */
  public Api(InstrumentRegistry registry, FhirOptions fhir, Optional<String> token, int requestsPerSecond,
      long maxRequestBytes, long maxBatchBytes) {
    this.registry = registry;
    this.byId = registry.all().stream().collect(Collectors.toMap(i -> i.id().value(), Function.identity()));
    this.fhir = fhir;
    this.scorer = FhirScorer.of(registry.all(), fhir);
    this.scorerFor = byId.values().stream().collect(Collectors.toMap(i -> i.id().value(), i -> scorer.onlyFor(i.id())));
    this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    this.limiter = new RateLimiter(requestsPerSecond);
    this.maxRequestBytes = maxRequestBytes;
    this.maxBatchBytes = maxBatchBytes;
    try (InputStream in = Api.class.getResourceAsStream("/org/outcome/service/openapi.json")) {
      this.openApi = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the OpenAPI document is missing from the jar", e);
    }
  }

  /** Registers the routes, the checks before them and the error answers. */
  public void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = maxRequestBytes;
    config.http.defaultContentType = JSON;
    config.routes.before(this::guard);
    config.routes.get("/health", ctx -> json(ctx, 200, g -> {
      g.writeStringField("status", "ok");
      g.writeNumberField("instruments", byId.size());
    }));
    config.routes.get("/openapi.json", ctx -> ctx.contentType(JSON).result(openApi));
    config.routes.get("/instruments", ctx -> ctx.contentType(JSON).result(mapper.writeValueAsBytes(
        Map.of("instruments", registry.all().stream().map(DefinitionView.Summary::of).toList()))));
    config.routes.get("/instruments/{id}", ctx -> ctx.contentType(JSON)
        .result(mapper.writeValueAsBytes(DefinitionView.of(instrument(ctx).definition()))));
    config.routes.get("/instruments/{id}/questionnaire", ctx -> ctx.contentType(FHIR_JSON)
        .result(Questionnaires.json(instrument(ctx).definition(), fhir)));
    config.routes.post("/instruments/{id}/score", this::scoreOne);
    config.routes.post("/score", this::scoreBatch);
    config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e));
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("request failed: {}", e.getClass().getName());
      error(ctx, new ApiError(500, "internal-error", "the request failed inside the service"));
    });
    config.routes.error(404, ctx -> {
      if (ctx.attribute(ERROR_WRITTEN) == null) {
        error(ctx, new ApiError(404, "not-found", "no such route"));
      }
    });
    config.routes.error(405, ctx -> error(ctx, new ApiError(405, "method-not-allowed", "the route does not take this method")));
    config.routes.error(413, ctx -> error(ctx, new ApiError(413, "too-large",
        "the request is larger than the service accepts (" + maxRequestBytes + " bytes)")));
  }

  /** Authentication, then the client's rate. */
  private void guard(Context ctx) {
    if (OPEN.contains(ctx.path())) {
      return;
    }
    if (token.isPresent()) {
      String header = ctx.header("Authorization");
      byte[] given = header != null && header.startsWith("Bearer ")
          ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
      if (!MessageDigest.isEqual(given, token.get())) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new ApiError(401, "unauthorized", "a valid bearer token is required (Authorization: Bearer ...)");
      }
    }
    if (!limiter.allow(ctx.ip())) {
      ctx.header("Retry-After", "1");
      throw new ApiError(429, "too-many-requests", "this client has sent more requests than the service's rate allows");
    }
  }

  private Instrument instrument(Context ctx) {
    Instrument instrument = byId.get(ctx.pathParam("id"));
    if (instrument == null) {
      throw new ApiError(404, "no-such-instrument", "no instrument has this id (GET /instruments lists them)");
    }
    return instrument;
  }

  /** One administration: plain JSON answers to a score, or a QuestionnaireResponse to a Bundle of Observations. */
  private void scoreOne(Context ctx) throws IOException {
    Instrument instrument = instrument(ctx);
    byte[] body = ctx.bodyAsBytes();
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiError(400, "not-json", "the body is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new ApiError(400, "not-json", "the body is not a JSON object");
    }
    if (tree.has("resourceType")) {
      StringWriter observations = new StringWriter();
      List<Rejection> rejections = new ArrayList<>();
      scorerFor.get(instrument.id().value()).scoreAll(new ByteArrayInputStream(body), observations, rejections::add);
      if (!rejections.isEmpty()) {
        throw new ApiError(422, "invalid-response", "the QuestionnaireResponse does not fit " + instrument.id(),
            rejections.get(0).violations());
      }
      StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
      String[] lines = observations.toString().split("\n");
      for (int i = 0; i < lines.length; i++) {
        bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(lines[i]).append('}');
      }
      ctx.contentType(FHIR_JSON).result(bundle.append("]}").toString());
      return;
    }
    Score score = AnswersScorer.score(instrument, tree);
    json(ctx, 200, g -> AnswersScorer.writeFields(g, score));
  }

  /**
   * A batch, streamed: {@code application/fhir+ndjson} QuestionnaireResponses to Observations, or
   * {@code application/x-ndjson} lines of {@code {"instrument", "ref", "answers"}} to scores.
   */
  private void scoreBatch(Context ctx) throws IOException {
    String type = Optional.ofNullable(ctx.contentType()).orElse("").split(";")[0].trim();
    InputStream in = new LimitedInput(ctx.bodyInputStream(), maxBatchBytes);
    if (type.equals(FHIR_NDJSON)) {
      ctx.contentType(FHIR_NDJSON);
      Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
      List<Rejection> rejections = new ArrayList<>();
      FhirBatchSummary summary;
      try {
        summary = scorer.scoreAll(in, out, rejections::add);
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof LimitedInput.TooLarge) {
          writeOutcome(out, "error", "too-long", "the batch is larger than the service accepts (" + maxBatchBytes
              + " bytes); what came before was scored", List.of());
          out.flush();
          return;
        }
        throw e;
      }
      for (Rejection r : rejections) {
        writeOutcome(out, "error", "invalid", "resource " + r.resource() + " (" + r.where() + ") was not scored",
            r.violations());
      }
      writeOutcome(out, "information", "informational", summary.toString(), List.of());
      out.flush();
    } else if (type.equals(NDJSON) || type.equals("application/ndjson")) {
      ctx.contentType(NDJSON);
      new AnswersBatch(mapper, byId).run(in, ctx.outputStream());
    } else {
      throw new ApiError(415, "unsupported-media-type",
          "POST /score takes application/fhir+ndjson (QuestionnaireResponses) or application/x-ndjson (answers)");
    }
  }

  /**
   * One OperationOutcome line: an issue with FHIR's issue-type {@code code} (invalid, too-long,
   * informational) and the text, then every violation as an issue with its location.
   */
  private void writeOutcome(Writer out, String severity, String code, String text, List<Violation> violations)
      throws IOException {
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("resourceType", "OperationOutcome");
      g.writeArrayFieldStart("issue");
      g.writeStartObject();
      g.writeStringField("severity", severity);
      g.writeStringField("code", code);
      g.writeStringField("diagnostics", text);
      g.writeEndObject();
      for (Violation v : violations) {
        g.writeStartObject();
        g.writeStringField("severity", "error");
        g.writeStringField("code", "invalid");
        g.writeStringField("diagnostics", v.message());
        g.writeArrayFieldStart("location");
        g.writeString(v.location());
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** Writes a JSON object with the given fields. */
  private void json(Context ctx, int status, Fields fields) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = mapper.getFactory().createGenerator(text)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    }
    ctx.status(status).contentType(JSON).result(text.toString());
  }

  private void error(Context ctx, ApiError e) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    try {
      json(ctx, e.status, g -> {
        g.writeStringField("error", e.code);
        g.writeStringField("message", e.getMessage());
        writeViolations(g, e.violations);
      });
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
  }

  /** The field {@code "violations": [{"location", "message"}, ...]}, the shape of every error body. */
  static void writeViolations(JsonGenerator g, List<Violation> violations) throws IOException {
    g.writeArrayFieldStart("violations");
    for (Violation v : violations) {
      g.writeStartObject();
      g.writeStringField("location", v.location());
      g.writeStringField("message", v.message());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  @FunctionalInterface
  interface Fields {
    void write(JsonGenerator g) throws IOException;
  }
}
