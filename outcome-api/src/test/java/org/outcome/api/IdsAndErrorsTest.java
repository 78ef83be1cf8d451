package org.outcome.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsAndErrorsTest {
  @Test
  void subjectIdNeverPrintsTheIdentifier() {
    SubjectId id = SubjectId.of("943 476 5919");

    assertThat(id.toString()).doesNotContain("943").isEqualTo("SubjectId[redacted]");
    assertThat(List.of(id).toString()).doesNotContain("5919");
    assertThat(id.value()).isEqualTo("943 476 5919");
    assertThat(id).isEqualTo(SubjectId.of("943 476 5919")).isNotEqualTo(SubjectId.of("1"));
  }

  @Test
  void subjectIdRejectsBlankAndPaddedValuesWithoutEchoingThem() {
    assertThatThrownBy(() -> SubjectId.of(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SubjectId.of(" A123 "))
        .isInstanceOf(IllegalArgumentException.class)
        .message().doesNotContain("A123");
  }

  @Test
  void instrumentAndAnalysisIdsAreSlugs() {
    assertThat(InstrumentId.of("whoqol-bref").toString()).isEqualTo("whoqol-bref");
    assertThat(AnalysisId.of("cox.efron").value()).isEqualTo("cox.efron");
    assertThatThrownBy(() -> InstrumentId.of("WHOQOL")).hasMessageContaining("'WHOQOL'");
    assertThatThrownBy(() -> InstrumentId.of("a--b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AnalysisId.of("")).hasMessageContaining("blank");
  }

  @Test
  void invalidInputListsEveryViolationUpToTenThenCounts() {
    List<Violation> violations = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      violations.add(Violation.atItem(i, "value 9 is outside 1-4"));
    }
    InvalidInputException e = new InvalidInputException("invalid responses", violations);

    assertThat(e.violations()).hasSize(12);
    assertThat(e.getMessage())
        .startsWith("invalid responses: item 1: value 9 is outside 1-4; item 2:")
        .contains("item 10: value 9")
        .doesNotContain("item 11:")
        .endsWith("; and 2 more");
    assertThatThrownBy(() -> new InvalidInputException("x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void violationLocations() {
    assertThat(Violation.atCell(12, "q3", "value 'x' is not an integer"))
        .hasToString("row 12, column q3: value 'x' is not an integer");
    assertThat(Violation.atRow(4, "discharge before admission")).hasToString("row 4: discharge before admission");
  }

  @Test
  void degenerateDataSaysWhatAndWhatToDo() {
    DegenerateDataException e = new DegenerateDataException("all 12 differences are zero", "there is no change to test");

    assertThat(e.getMessage()).isEqualTo("all 12 differences are zero (there is no change to test)");
    assertThat(e.problem()).isEqualTo("all 12 differences are zero");
    assertThat(e.remedy()).isEqualTo("there is no change to test");
  }

  @Test
  void everyExceptionHasAShortSummaryApartFromItsDetail() {
    InvalidInputException invalid = InvalidInputException.of("invalid responses",
        Violation.atCell(3, "q1", "value 'x' is not an integer"));
    assertThat(invalid.summary()).isEqualTo("invalid responses");
    assertThat(invalid.getMessage()).isEqualTo("invalid responses: row 3, column q1: value 'x' is not an integer");
    // a summary that itself holds ": " is kept whole (the old headline cut the message at the first one)
    assertThat(InvalidInputException.of("invalid config: analyses", Violation.at("$", "bad")).summary())
        .isEqualTo("invalid config: analyses");

    DegenerateDataException degenerate = new DegenerateDataException("all 12 differences are zero", "nothing to test");
    assertThat(degenerate.summary()).isEqualTo("cannot analyse these data").doesNotContain("12");

    PluginException plugin = new PluginException("analysis id 'x' is contributed by com.a.A and com.b.B");
    assertThat(plugin.summary()).isEqualTo("a plugin could not be used");
    assertThat(plugin.getMessage()).contains("com.a.A");

    OutcomeException root = invalid;
    assertThat(root.summary()).isNotEqualTo(root.getMessage());
    assertThatThrownBy(() -> InvalidInputException.of(" ", Violation.at("$", "bad")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectedRowNeedsAReason() {
    assertThatThrownBy(() -> new RejectedRow(3, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RejectedRow(0, List.of(Violation.atRow(0, "x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noCompleteRowSaysWhetherTheTableWasEmpty() {
    assertThat(DegenerateDataException.noCompleteRow("file", 0).problem()).isEqualTo("the file has no rows");
    assertThat(DegenerateDataException.noCompleteRow("table", 7).problem())
        .isEqualTo("every row (7) has a missing value in a column the analysis uses");
  }
}
