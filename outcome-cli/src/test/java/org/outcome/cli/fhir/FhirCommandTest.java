package org.outcome.cli.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;

class FhirCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "9434765919";

  @TempDir Path dir;

  static String response(String id, String questionnaire, String... codes) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] == null) {
        continue;
      }
      items.append(items.length() == 0 ? "" : ",").append("{\"linkId\":\"").append(i + 1)
          .append("\",\"answer\":[{\"valueCoding\":{\"code\":\"").append(codes[i]).append("\"}}]}");
    }
    return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\",\"questionnaire\":\"" + questionnaire
        + "\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/" + id + "\"},"
        + "\"authored\":\"2026-12-01\",\"item\":[" + items + "]}";
  }

  @Test
  void questionnairePrintsTheInstrumentAsFhirJson() throws Exception {
    CliRunner run = CliRunner.run("fhir", "questionnaire", "--instrument", "swemwbs",
        "--canonical-base", "https://fhir.trust.example/outcome");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode q = JSON.readTree(run.out());
    assertThat(q.get("resourceType").asText()).isEqualTo("Questionnaire");
    assertThat(q.get("url").asText()).isEqualTo("https://fhir.trust.example/outcome/Questionnaire/swemwbs");
    assertThat(q.get("item")).hasSize(7);
    assertThat(CliRunner.run("fhir", "questionnaire", "--instrument", "nope").exitCode()).isNotZero();
    assertThat(CliRunner.run("fhir", "questionnaire", "--instrument", "gse", "--canonical-base", "x").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void scoreStreamsObservationsAndAccountsForEveryResource() throws Exception {
    String url = "urn:outcome:Questionnaire:swemwbs";
    String input = String.join("\n",
        response("a", url + "|2009", "3", "4", "2", "5", "1", "3", "4"),
        response("b", url, "3", "4", null, "5", "1", "3", "4"),
        response("c", url, "3", "4", SECRET, "5", "1", "3", "4"),
        "{not json " + SECRET,
        response("d", "urn:outcome:Questionnaire:gse", "1", "2", "3", "4", "1", "2", "3", "4", "1", "2")) + "\n";
    Path file = dir.resolve("responses.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(input.getBytes(StandardCharsets.UTF_8));
    }
    CliRunner run = CliRunner.run("fhir", "score", "--input", file.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    String[] lines = run.out().split("\n");
    assertThat(lines).hasSize(2 + 2 + 1);
    JsonNode first = JSON.readTree(lines[0]);
    assertThat(first.get("resourceType").asText()).isEqualTo("Observation");
    assertThat(first.at("/derivedFrom/0/reference").asText()).isEqualTo("QuestionnaireResponse/a");
    assertThat(JSON.readTree(lines[2]).has("dataAbsentReason")).isTrue();
    assertThat(JSON.readTree(lines[2]).has("valueQuantity")).isFalse();
    assertThat(run.err()).contains("fhir score: read 5, scored 2, not scorable 1, rejected 2 (5 observations)")
        .contains("resource 3 (line 3): item[2] (linkId '3'): answer is not one of the item's options")
        .contains("resource 4 (line 4)")
        .doesNotContain(SECRET);
    assertThat(run.out()).doesNotContain(SECRET);
  }

  @Test
  void scoreCanBeHeldToOneInstrument() throws Exception {
    Path file = dir.resolve("one.json");
    Files.writeString(file, response("d", "urn:outcome:Questionnaire:gse", "1", "2", "3", "4", "1", "2", "3", "4", "1", "2"));
    CliRunner any = CliRunner.run("fhir", "score", "--input", file.toString());
    assertThat(any.err()).contains("scored 1");
    CliRunner held = CliRunner.run("fhir", "score", "--input", file.toString(), "--instrument", "swemwbs");
    assertThat(held.err()).contains("rejected 1").contains("answers another questionnaire");
    assertThat(CliRunner.run("fhir", "score", "--input", dir.resolve("missing.ndjson").toString()).exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void scoreWritesToAFileWhenAsked() throws Exception {
    Path in = dir.resolve("in.ndjson");
    Files.writeString(in, response("a", "urn:outcome:Questionnaire:swemwbs", "3", "4", "2", "5", "1", "3", "4"));
    Path out = dir.resolve("out/observations.ndjson");
    CliRunner run = CliRunner.run("fhir", "score", "--input", in.toString(), "--output", out.toString());
    assertThat(run.out()).isEmpty();
    assertThat(Files.readAllLines(out)).hasSize(2);
  }
}
