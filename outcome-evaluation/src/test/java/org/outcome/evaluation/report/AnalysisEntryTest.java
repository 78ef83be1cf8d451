package org.outcome.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outcome.api.AnalysisId;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.stats.paired.AnalysisSet;

/** An analysis entry is either run, with its result, or not run, with the reason: never a sentinel string. */
class AnalysisEntryTest {
  private static final AnalysisId PAIRED_T = AnalysisId.of("paired-t");
  private static final Optional<AnalysisSet.Kind> ITT = Optional.of(AnalysisSet.Kind.INTENTION_TO_TREAT);

  private static final AnalysisResult RESULT = new AnalysisResult() {
    @Override
    public String method() {
      return "Paired t-test";
    }

    @Override
    public long nUsed() {
      return 40;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.empty();
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.empty();
    }

    @Override
    public List<Warning> warnings() {
      return List.of(Warning.of("ties-normal-approximation", "ties: the normal approximation was used"));
    }
  };

  @Test
  void aRunEntryKeepsTheResultAndEachWarningsCode() throws Exception {
    AnalysisEntry e = AnalysisEntry.of(PAIRED_T, "Paired t-test", "intention-to-treat", ITT, "peer", RESULT,
        Suppression.nhsDefault());
    assertThat(e.status()).isEqualTo(AnalysisEntry.Status.RAN);
    assertThat(e.ran()).isTrue();
    assertThat(e.method()).hasValue("Paired t-test");
    assertThat(e.n()).hasValue(SuppressedCount.shown(40));
    assertThat(e.reason()).isEmpty();
    assertThat(e.warnings()).extracting(Warning::code).containsExactly("ties-normal-approximation");

    JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(e));
    assertThat(json.get("analysis").asText()).isEqualTo("paired-t");
    assertThat(json.get("status").asText()).isEqualTo("RAN");
    assertThat(json.get("method").asText()).isEqualTo("Paired t-test");
    assertThat(json.get("warnings").get(0).get("code").asText()).isEqualTo("ties-normal-approximation");
    assertThat(json.get("warnings").get(0).get("message").asText()).startsWith("ties");
    assertThat(json.get("reason").isNull()).isTrue();
    assertThat(json.has("ran")).as("derived accessors are not written").isFalse();
  }

  @Test
  void anEntryNotRunSaysWhyWithACodeAndHasNoResult() throws Exception {
    AnalysisEntry e = AnalysisEntry.notRun(PAIRED_T, "Paired t-test", "intention-to-treat", ITT, "peer",
        new DegenerateDataException("all 3 differences are zero", "there is no change to test"));
    assertThat(e.status()).isEqualTo(AnalysisEntry.Status.NOT_RUN);
    assertThat(e.ran()).isFalse();
    assertThat(e.method()).isEmpty();
    assertThat(e.n()).isEmpty();
    assertThat(e.estimate()).isEmpty();
    assertThat(e.test()).isEmpty();
    assertThat(e.warnings()).isEmpty();
    assertThat(e.reason()).hasValue(new AnalysisEntry.NotRun("degenerate-data", "cannot analyse these data",
        "all 3 differences are zero (there is no change to test)"));

    JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(e));
    assertThat(json.get("status").asText()).isEqualTo("NOT_RUN");
    assertThat(json.get("method").isNull()).isTrue();
    assertThat(json.get("n").isNull()).isTrue();
    assertThat(json.get("reason").get("code").asText()).isEqualTo("degenerate-data");
    assertThat(json.get("reason").get("summary").asText()).isEqualTo("cannot analyse these data");

    InvalidInputException invalid = InvalidInputException.of("wrong data for analysis", Violation.at("group", "one level"));
    assertThat(AnalysisEntry.NotRun.of(invalid).code()).isEqualTo("invalid-input");
    assertThat(AnalysisEntry.NotRun.of(invalid).summary()).isEqualTo("wrong data for analysis");
  }

  @Test
  void inconsistentStatesAreRefused() {
    assertThatThrownBy(() -> new AnalysisEntry(PAIRED_T, "t", "s", ITT, "g", AnalysisEntry.Status.RAN,
        Optional.empty(), Optional.of(SuppressedCount.shown(10)), Optional.empty(), Optional.empty(), List.of(),
        Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnalysisEntry(PAIRED_T, "t", "s", ITT, "g", AnalysisEntry.Status.NOT_RUN,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AnalysisEntry(PAIRED_T, "t", "s", ITT, "g", AnalysisEntry.Status.NOT_RUN,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(Warning.of("x", "y")),
        Optional.of(new AnalysisEntry.NotRun("invalid-input", "a", "b")))).isInstanceOf(IllegalArgumentException.class);
  }
}
