package org.outcome.cli.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.outcome.cli.CliRunner;
import org.outcome.cli.io.Json;

class InstrumentsCommandTest {
  @Test
  void textListsEveryShippedInstrumentWithItsVerificationStatus() {
    CliRunner r = CliRunner.run("instruments");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("empowerment-scale", "mhcs", "gse", "mansa", "whoqol-bref", "reqol-10", "reqol-20",
        "wemwbs", "swemwbs", "facts checked", "primary", "not verified", "licence");
  }

  @Test
  void jsonGivesEveryFactWithItsSource() throws Exception {
    CliRunner r = CliRunner.run("instruments", "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode list = Json.MAPPER.readTree(r.out()).get("instruments");
    assertThat(list).hasSize(9);
    JsonNode whoqol = null;
    for (JsonNode e : list) {
      assertThat(e.get("provenance")).isNotEmpty();
      assertThat(e.get("licence").asText()).contains("wording");
      if (e.get("id").asText().equals("whoqol-bref")) {
        whoqol = e;
      }
    }
    assertThat(whoqol).isNotNull();
    assertThat(whoqol.get("version").asText()).isEqualTo("1996");
    assertThat(whoqol.get("subscales").get(0).get("max").asDouble()).isEqualTo(100);
    assertThat(whoqol.get("provenance").get(0).get("verification").asText()).isEqualTo("PRIMARY_SOURCE");
  }

  @Test
  void csvHasOneRowPerInstrument() {
    CliRunner r = CliRunner.run("instruments", "--format", "csv");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).hasSize(10).first()
        .isEqualTo("id,version,construct,items,primary_source,secondary_source,not_verified");
  }
}
