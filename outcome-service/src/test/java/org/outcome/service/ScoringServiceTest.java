package org.outcome.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.instruments.BuiltInInstruments;
import org.slf4j.LoggerFactory;

/** The real server on a free port, called over HTTP. */
class ScoringServiceTest {
  static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuvwxyz";
  static final String SECRET = "9434765919";
  static final ObjectMapper JSON = new ObjectMapper();
  static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of(new BuiltInInstruments()));
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

  static ScoringService service;
  static String base;

  @BeforeAll
  static void start() {
    // every line of outcome's own loggers, at every level, and Jetty's and Javalin's from INFO up
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    LOGS.start();
    root.addAppender(LOGS);
    root.setLevel(ch.qos.logback.classic.Level.INFO);
    ((Logger) LoggerFactory.getLogger("org.outcome")).setLevel(ch.qos.logback.classic.Level.TRACE);
    service = ScoringService.start(ServiceSettings.withToken(TOKEN).withAddress("127.0.0.1", 0)
        .withLimits(64 * 1024, 1 << 20).withRequestsPerSecond(0), REGISTRY);
    base = "http://127.0.0.1:" + service.port();
  }

  @AfterAll
  static void stop() {
    service.close();
    // nothing a request carried reached a log line, at any level
    assertThat(LOGS.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(SECRET));
  }

  static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
    return post(HTTP, path, type, body);
  }

  /**
   * A POST through the given client. The tests that make the server give up on a request body
   * (oversized requests) use a client of their own: the server closes such a connection, and a
   * shared client could hand that closed connection to the next test's request.
   */
  static HttpResponse<String> post(HttpClient client, String path, String type, String body)
      throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Test
  void healthAndTheOpenApiDocumentNeedNoToken() throws Exception {
    HttpResponse<String> health = get("/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("instruments").asInt()).isEqualTo(REGISTRY.ids().size());
    JsonNode doc = json(get("/openapi.json", null));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    // every documented route answers (not "no such route"), and an undocumented one does not
    List<String> paths = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).containsExactlyInAnyOrder("/health", "/openapi.json", "/instruments", "/instruments/{id}",
        "/instruments/{id}/questionnaire", "/instruments/{id}/score", "/score");
    for (String path : paths) {
      String concrete = path.replace("{id}", "gse");
      int status = doc.get("paths").get(path).has("get")
          ? get(concrete, TOKEN).statusCode() : post(concrete, "application/json", "{}").statusCode();
      assertThat(status).as(path).isNotEqualTo(404);
    }
    assertThat(json(get("/nowhere", TOKEN)).get("error").asText()).isEqualTo("not-found");
  }

  @Test
  void everyOtherRouteNeedsTheBearerToken() throws Exception {
    for (String token : new String[] {null, "wrong", TOKEN + "x", TOKEN.substring(1)}) {
      HttpResponse<String> r = get("/instruments", token);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(json(r).get("error").asText()).isEqualTo("unauthorized");
    }
    assertThat(get("/instruments", TOKEN).statusCode()).isEqualTo(200);
    HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/score"))
        .header("Content-Type", "application/fhir+ndjson").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(401);
  }

  @Test
  void instrumentsTheirDefinitionsAndQuestionnaires() throws Exception {
    JsonNode list = json(get("/instruments", TOKEN));
    assertThat(list.get("instruments")).hasSize(REGISTRY.ids().size());
    JsonNode gse = json(get("/instruments/gse", TOKEN));
    assertThat(gse.get("items")).hasSize(10);
    assertThat(gse.get("provenance").get(0).has("source")).isTrue();
    HttpResponse<String> q = get("/instruments/swemwbs/questionnaire", TOKEN);
    assertThat(q.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
    assertThat(json(q).get("resourceType").asText()).isEqualTo("Questionnaire");
    HttpResponse<String> none = get("/instruments/" + SECRET, TOKEN);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(none.body()).doesNotContain(SECRET);
  }

  @Test
  void jsonAnswersAreScoredByTheEngine() throws Exception {
    Instrument gse = REGISTRY.require(InstrumentId.of("gse"));
    HttpResponse<String> r = post("/instruments/gse/score", "application/json",
        "{\"answers\": {\"1\": 3, \"2\": 4, \"3\": 2, \"4\": 3, \"5\": 3, \"6\": 2, \"7\": 4, \"8\": 3, \"9\": null}}");
    assertThat(r.statusCode()).isEqualTo(200);
    Score expected = gse.score(ResponseSet.builder(gse.id()).answer(1, 3).answer(2, 4).answer(3, 2).answer(4, 3)
        .answer(5, 3).answer(6, 2).answer(7, 4).answer(8, 3).missing(9).missing(10).build());
    JsonNode body = json(r);
    assertThat(body.get("scores").get(0).get("value").asDouble()).isEqualTo(expected.primaryScore().value().getAsDouble());
    assertThat(body.get("scores").get(0).get("prorated").asBoolean()).isTrue();
    assertThat(body.get("scores").get(0).get("missingItems")).hasSize(2);
  }

  @Test
  void badAnswersAreRefusedItemByItemWithoutTheirValues() throws Exception {
    HttpResponse<String> r = post("/instruments/gse/score", "application/json",
        "{\"answers\": {\"1\": " + SECRET + ", \"2\": \"" + SECRET + "\", \"" + SECRET + "\": 1, \"4\": 2.5}}");
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode body = json(r);
    assertThat(body.get("violations")).extracting(v -> v.get("location").asText())
        .containsExactlyInAnyOrder("answers.1", "answers.2", "answers.(a key not shown)", "answers.4");
    assertThat(r.body()).doesNotContain(SECRET).doesNotContain("2.5");
    HttpResponse<String> notJson = post("/instruments/gse/score", "application/json", "{\"answers\": " + SECRET);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).doesNotContain(SECRET);
  }

  static String response(String id, String questionnaire, String... codes) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < codes.length; i++) {
      items.append(i == 0 ? "" : ",").append("{\"linkId\":\"").append(i + 1)
          .append("\",\"answer\":[{\"valueCoding\":{\"code\":\"").append(codes[i]).append("\"}}]}");
    }
    return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\",\"questionnaire\":\"" + questionnaire
        + "\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/" + id + "\"},\"item\":[" + items + "]}";
  }

  @Test
  void aQuestionnaireResponseBecomesABundleOfObservations() throws Exception {
    HttpResponse<String> r = post("/instruments/swemwbs/score", "application/fhir+json",
        response("qr-1", "urn:outcome:Questionnaire:swemwbs", "3", "4", "2", "5", "1", "3", "4"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode bundle = json(r);
    assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.get("entry")).hasSize(2);
    assertThat(bundle.at("/entry/0/resource/derivedFrom/0/reference").asText()).isEqualTo("QuestionnaireResponse/qr-1");
    HttpResponse<String> bad = post("/instruments/swemwbs/score", "application/fhir+json",
        response("qr-2", "urn:outcome:Questionnaire:swemwbs", "3", "4", SECRET, "5", "1", "3", "4"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(json(bad).get("violations").get(0).get("location").asText()).isEqualTo("item[2] (linkId '3')");
    assertThat(bad.body()).doesNotContain(SECRET);
  }

  @Test
  void batchesStreamLineForLineWithTheirAccounting() throws Exception {
    String fhir = String.join("\n",
        response("a", "urn:outcome:Questionnaire:swemwbs", "3", "4", "2", "5", "1", "3", "4"),
        "{\"resourceType\":\"Patient\",\"id\":\"" + SECRET + "\"}",
        response("b", "urn:outcome:Questionnaire:gse", "1", "2", "3", "4", "1", "2", "3", "4", "1", "2"));
    HttpResponse<String> r = post("/score", "application/fhir+ndjson", fhir);
    assertThat(r.statusCode()).isEqualTo(200);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).extracting(l -> l.get("resourceType").asText())
        .containsExactly("Observation", "Observation", "Observation", "OperationOutcome", "OperationOutcome");
    assertThat(lines.get(3).at("/issue/1/location/0").asText()).isEqualTo("resourceType");
    assertThat(lines.get(4).at("/issue/0/diagnostics").asText()).startsWith("read 3, scored 2, not scorable 0, rejected 1");
    assertThat(r.body()).doesNotContain(SECRET);

    String answers = "{\"instrument\":\"gse\",\"ref\":\"a-1\",\"answers\":{\"1\":4,\"2\":4,\"3\":4,\"4\":4,\"5\":4,"
        + "\"6\":4,\"7\":4,\"8\":4,\"9\":4,\"10\":4}}\n{\"instrument\":\"nope\"}\nnot json " + SECRET + "\n";
    HttpResponse<String> plain = post("/score", "application/x-ndjson", answers);
    String[] out = plain.body().split("\n");
    assertThat(out).hasSize(4);
    assertThat(JSON.readTree(out[0]).get("ref").asText()).isEqualTo("a-1");
    assertThat(JSON.readTree(out[0]).at("/scores/0/value").asDouble()).isEqualTo(40.0);
    assertThat(JSON.readTree(out[1]).get("error").asText()).isEqualTo("invalid-answers");
    assertThat(JSON.readTree(out[3]).get("summary")).isEqualTo(JSON.readTree(
        "{\"read\":3,\"scored\":1,\"notScorable\":0,\"rejected\":2}"));
    assertThat(plain.body()).doesNotContain(SECRET);
    assertThat(post("/score", "text/csv", "a,b").statusCode()).isEqualTo(415);
  }

  @Test
  void oversizedRequestsAreRefused() throws Exception {
    HttpClient own = HttpClient.newHttpClient();
    String big = "{\"answers\": {\"1\": 3}, \"padding\": \"" + "x".repeat(70 * 1024) + "\"}";
    HttpResponse<String> r = post(own, "/instruments/gse/score", "application/json", big);
    assertThat(r.statusCode()).isEqualTo(413);
    StringBuilder batch = new StringBuilder();
    String line = response("a", "urn:outcome:Questionnaire:swemwbs", "3", "4", "2", "5", "1", "3", "4");
    while (batch.length() < (1 << 20) + 10) {
      batch.append(line).append('\n');
    }
    HttpResponse<String> tooMuch = post(own, "/score", "application/fhir+ndjson", batch.toString());
    String[] lines = tooMuch.body().split("\n");
    assertThat(JSON.readTree(lines[lines.length - 1]).at("/issue/0/code").asText()).isEqualTo("too-long");
  }

  @Test
  void eachClientsRateIsLimited() throws Exception {
    try (ScoringService limited = ScoringService.start(ServiceSettings.withoutAuth().withAddress("127.0.0.1", 0)
        .withRequestsPerSecond(5), REGISTRY)) {
      int tooMany = 0;
      for (int i = 0; i < 40; i++) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + limited.port()
            + "/instruments")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429) {
          tooMany++;
          assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        }
      }
      assertThat(tooMany).isGreaterThan(20);
    }
  }

  @Test
  void manyClientsAtOnceEachGetTheirOwnRightAnswer() throws Exception {
    int clients = 8;
    int requests = Integer.getInteger("service.requests", 10_000);
    Instrument gse = REGISTRY.require(InstrumentId.of("gse"));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong wrong = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long seed = c;
      done.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        HttpClient client = HttpClient.newHttpClient(); // each client its own connections
        for (int i = 0; i < requests; i++) {
          int[] answers = new int[10];
          StringBuilder body = new StringBuilder("{\"answers\":{");
          for (int k = 0; k < 10; k++) {
            answers[k] = 1 + random.nextInt(4);
            body.append(k == 0 ? "" : ",").append('"').append(k + 1).append("\":").append(answers[k]);
          }
          double expected = gse.score(ResponseSet.complete(gse.id(), answers)).primaryScore().value().getAsDouble();
          String request = body.append("}}").toString();
          HttpResponse<String> r;
          try {
            r = post(client, "/instruments/gse/score", "application/json", request);
          } catch (IOException closed) {
            // a kept-alive connection that the server closed just as the request went out (HTTP
            // allows either side to close an idle connection; clients send an idempotent request
            // again): counted, and sent once more on a new connection
            retried.incrementAndGet();
            r = post(client, "/instruments/gse/score", "application/json", request);
          }
          if (r.statusCode() != 200 || json(r).at("/scores/0/value").asDouble() != expected) {
            wrong.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(wrong.get()).isZero();
    assertThat(retried.get()).as("requests sent again after a closed connection").isLessThanOrEqualTo(clients);
  }

  @Test
  void settingsAreSafeByDefault() {
    ServiceSettings defaults = ServiceSettings.withToken(TOKEN);
    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.toString()).doesNotContain(TOKEN);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceSettings.withToken("short"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short");
  }
}
