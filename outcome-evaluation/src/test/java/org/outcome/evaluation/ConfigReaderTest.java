package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.DemoData;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.DisclosurePolicy;
import org.outcome.stats.multiplicity.AdjustmentMethod;

/** An invalid configuration fails before any work, with every problem listed by its JSON path. */
class ConfigReaderTest {
  @TempDir Path dir;
  private final InstrumentRegistry instruments = InstrumentRegistry.load();
  private final AnalysisRegistry analyses = AnalysisRegistry.load();

  @BeforeEach
  void data() {
    DemoData.write(DemoSpec.standard().withPerGroup(10), instruments, dir);
  }

  private Path config(String json) throws Exception {
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void readsAValidConfigurationWithDefaults() throws Exception {
    EvaluationConfig c = EvaluationConfigReader.read(config("""
        {"title": "T",
         "data": {"people": "people.csv", "sessions": "sessions.csv",
                  "answers": [{"instrument": "mhcs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "asTreated": {"moreThan": 10},
         "outcomes": [{"instrument": "mhcs", "primary": true, "beforeAndAfter": ["paired-t"], "comparison": ["ancova"]}]}
        """), instruments, analyses);

    assertThat(c.title()).isEqualTo("T");
    assertThat(c.confLevel()).isEqualTo(0.95);
    assertThat(c.timepoints().followUp()).isEqualTo("follow-up");
    assertThat(c.multiplicity()).isEqualTo(AdjustmentMethod.HOLM);
    assertThat(c.suppression().enabled()).isTrue();
    assertThat(c.disclosurePolicy()).isEqualTo(DisclosurePolicy.of(c.suppression()));
    assertThat(c.outcomes()).singleElement().satisfies(o -> assertThat(o.primary()).isTrue());
    assertThat(c.data().people()).isEqualTo(TableLocation.of(dir.resolve("people.csv")));
  }

  @Test
  void everyProblemIsListedWithItsPath() throws Exception {
    Path file = config("""
        {"title": "T", "colour": "blue",
         "data": {"people": "nobody.csv", "episodes": "sessions.csv",
                  "answers": [{"instrument": "no-such-scale", "file": "mhcs.csv"},
                              {"instrument": "swemwbs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "peer-support"},
         "outcomes": [{"instrument": "mhcs", "score": "nope", "beforeAndAfter": ["paired-t", "frobnicate", "ancova"]}],
         "tenure": {"extractionDate": "2026-02-30", "analyses": ["kaplan-meier", "paired-t"]},
         "multiplicity": "sidak"}
        """);

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location)
            .contains("colour", "data.people", "data.episodes", "data.answers[0].instrument", "data.answers[1].file",
                "groups.comparison", "outcomes[0].score", "outcomes[0].instrument",
                "outcomes[0].beforeAndAfter[1]", "outcomes[0].beforeAndAfter[2]", "tenure.extractionDate",
                "tenure.analyses[1]", "multiplicity"))
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::message)
            .anySatisfy(m -> assertThat(m).startsWith("unknown key"))
            .anySatisfy(m -> assertThat(m).contains("file 'nobody.csv' does not exist"))
            .anySatisfy(m -> assertThat(m).contains("has no column 'admission_date'"))
            .anySatisfy(m -> assertThat(m).contains("unknown instrument 'no-such-scale'"))
            .anySatisfy(m -> assertThat(m).contains("unknown analysis 'frobnicate'"))
            .anySatisfy(m -> assertThat(m).contains(
                "analysis 'ancova' takes a GroupedPrePostSample, which this section does not provide"))
            .anySatisfy(m -> assertThat(m).contains("'2026-02-30' is not a date")));
  }

  @Test
  void anAsTreatedRuleNeedsASessionsFile() throws Exception {
    Path file = config("""
        {"data": {"people": "people.csv", "answers": [{"instrument": "mhcs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "asTreated": {"moreThan": 10},
         "outcomes": [{"instrument": "mhcs", "comparison": ["ancova"]}]}
        """);

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data.sessions: is required");
  }

  @Test
  void malformedJsonNamesTheFile() throws Exception {
    Path file = config("{\"title\": ");

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid evaluation config evaluation.json: line 1, column 11: not valid JSON");
  }

  @Test
  void anEvaluationNeedsAnOutcome() throws Exception {
    Path file = config("""
        {"data": {"people": "people.csv"}, "groups": {"intervention": "peer-support", "comparison": "usual-care"}}
        """);

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .hasMessageContaining("the evaluation has no outcome");
  }

  // ---- values of the wrong kind: refused with their path, never coerced, never echoed

  /** A valid configuration with tenure; tests replace parts of it. */
  private static final String WITH_TENURE = """
      {"data": {"people": "people.csv", "episodes": "episodes.csv"},
       "groups": {"intervention": "peer-support", "comparison": "usual-care"},
       "tenure": {"windowDays": 365, "gapDays": 1, "readmissionHorizonDays": 90, "atDays": [30, 90],
                  "analyses": ["kaplan-meier"]},
       "suppression": {"enabled": true, "maxSuppressed": 7, "roundTo": 5},
       "disclosure": {"minAtRisk": 10, "minEvents": 10, "minBeyondWhisker": 10, "curveGridDays": 30}}
      """;

  private List<Violation> violations(String from, String to) throws Exception {
    assertThat(WITH_TENURE).contains(from);
    Path file = config(WITH_TENURE.replace(from, to));
    try {
      EvaluationConfigReader.read(file, instruments, analyses);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("invalid evaluation config evaluation.json: ");
      return e.violations();
    }
    throw new AssertionError("expected the configuration to be rejected");
  }

  @Test
  void theTenureTemplateIsValid() throws Exception {
    EvaluationConfig c = EvaluationConfigReader.read(config(WITH_TENURE), instruments, analyses);

    assertThat(c.tenure()).hasValueSatisfying(t -> {
      assertThat(t.windowDays()).isEqualTo(365);
      assertThat(t.readmissionHorizonDays()).isEqualTo(90);
      assertThat(t.atDays()).containsExactly(30, 90);
    });
  }

  @Test
  void aFractionWhereWholeDaysAreMeantIsRefusedNotTruncated() throws Exception {
    assertThat(violations("\"windowDays\": 365", "\"windowDays\": 365.7")).containsExactly(
        Violation.at("tenure.windowDays", "must be a whole number, not a number with a fraction or exponent"));
    assertThat(violations("\"atDays\": [30, 90]", "\"atDays\": [30, 1e2]")).extracting(Violation::location)
        .containsExactly("tenure.atDays[1]");
    assertThat(violations("\"roundTo\": 5", "\"roundTo\": 5.0")).extracting(Violation::location)
        .containsExactly("suppression.roundTo");
  }

  @Test
  void textWhereANumberIsMeantIsRefused() throws Exception {
    assertThat(violations("\"windowDays\": 365", "\"windowDays\": \"365\"")).containsExactly(
        Violation.at("tenure.windowDays", "must be a whole number, not text"));
  }

  @Test
  void aNumberWhereABooleanIsMeantIsRefused() throws Exception {
    assertThat(violations("\"enabled\": true", "\"enabled\": 0")).containsExactly(
        Violation.at("suppression.enabled", "must be true or false, not a whole number"));
    assertThat(violations("\"enabled\": true", "\"enabled\": \"false\"")).containsExactly(
        Violation.at("suppression.enabled", "must be true or false, not text"));
  }

  @Test
  void negativeDaysAndCountsAreRefused() throws Exception {
    assertThat(violations("\"readmissionHorizonDays\": 90", "\"readmissionHorizonDays\": -5")).containsExactly(
        Violation.at("tenure.readmissionHorizonDays", "must be at least 1"));
    assertThat(violations("\"gapDays\": 1", "\"gapDays\": -1")).containsExactly(
        Violation.at("tenure.gapDays", "must not be negative"));
    assertThat(violations("\"atDays\": [30, 90]", "\"atDays\": [30, -90]")).containsExactly(
        Violation.at("tenure.atDays[1]", "must not be negative"));
    assertThat(violations("\"maxSuppressed\": 7", "\"maxSuppressed\": -7")).containsExactly(
        Violation.at("suppression.maxSuppressed", "must not be negative"));
  }

  @Test
  void anUnknownKeyIsNamedByItsPathWithTheKeysAllowedThere() throws Exception {
    assertThat(violations("\"gapDays\": 1,", "\"gapDays\": 1, \"horizon\": 30,")).containsExactly(
        Violation.at("tenure.horizon", "unknown key; allowed here: [analyses, atDays, comparator, costs, extractionDate,"
            + " gapDays, readmissionHorizonDays, rmstTau, windowDays]"));
  }

  @Test
  void aListWhereAnObjectIsMeantIsRefusedWithoutJavaNames() throws Exception {
    assertThat(violations("\"suppression\": {\"enabled\": true, \"maxSuppressed\": 7, \"roundTo\": 5}",
        "\"suppression\": [true, 7, 5]"))
        .containsExactly(Violation.at("suppression", "must be an object, not a list"));
  }

  @Test
  void everyProblemInOneFileIsReportedTogether() throws Exception {
    Path file = config(WITH_TENURE
        .replace("\"windowDays\": 365", "\"windowDays\": 365.7")
        .replace("\"gapDays\": 1,", "\"gapDays\": \"1\", \"colour\": \"blue\",")
        .replace("\"readmissionHorizonDays\": 90", "\"readmissionHorizonDays\": -5")
        .replace("\"analyses\": [\"kaplan-meier\"]", "\"analyses\": [\"kaplan-meier\", \"frobnicate\"]")
        .replace("\"enabled\": true", "\"enabled\": 0")
        .replace("\"comparison\": \"usual-care\"", "\"comparison\": \"usual-care\", \"comparisonKind\": 1"));

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(Violation::location).containsExactlyInAnyOrder(
              "groups.comparisonKind", "tenure.windowDays", "tenure.gapDays", "tenure.colour",
              "suppression.enabled", "tenure.readmissionHorizonDays", "tenure.analyses[1]");
          assertThat(e.violations()).extracting(Violation::message)
              .noneMatch(m -> m.contains("365.7") || m.contains("blue") || m.contains("-5"))
              .noneMatch(m -> m.contains("org.outcome") || m.contains("ConfigDocument") || m.contains("java."));
        });
  }

  @Test
  void questionnaireOutcomesAreCheckedTheSameWayWithTheirListPositions() throws Exception {
    Path file = config("""
        {"data": {"people": "people.csv", "answers": [{"instrument": "mhcs", "file": "mhcs.csv", "sheet": 1}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "confLevel": 1.5,
         "outcomes": [{"instrument": "mhcs", "primary": true},
                      {"instrument": "mhcs", "primary": "yes", "comparison": "ancova", "colour": "blue"}]}
        """);

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).containsExactlyInAnyOrder(
            Violation.at("data.answers[0].sheet", "unknown key; allowed here: [file, instrument]"),
            Violation.at("outcomes[1].primary", "must be true or false, not text"),
            Violation.at("outcomes[1].comparison", "must be a list, not text"),
            Violation.at("outcomes[1].colour",
                "unknown key; allowed here: [beforeAndAfter, comparison, instrument, primary, score]"),
            Violation.at("outcomes[1]", "the same outcome as outcomes[0] (instrument 'mhcs', score 'total'): give"
                + " each outcome once"),
            Violation.at("confLevel", "must be between 0 and 1")));
  }

  @Test
  void aWholeNumberTooLargeForItsFieldIsRefused() throws Exception {
    assertThat(violations("\"windowDays\": 365", "\"windowDays\": 99999999999")).containsExactly(
        Violation.at("tenure.windowDays", "must be a whole number from -2147483648 to 2147483647"));
  }

  @Test
  void nestingAndSizeAreBounded() throws Exception {
    String deep = "[".repeat(40) + "]".repeat(40);
    assertThat(violations("\"atDays\": [30, 90]", "\"atDays\": " + deep)).singleElement()
        .satisfies(v -> assertThat(v.message()).containsIgnoringCase("nesting depth"));
    assertThat(violations("\"gapDays\": 1,", "\"gapDays\": 1," + " ".repeat(1_100_000))).singleElement()
        .satisfies(v -> assertThat(v.message()).containsIgnoringCase("document length"));
  }

  // ---- the disclosure thresholds

  @Test
  void disclosureThresholdsAreReadIntoThePolicyAndAbsentOnesKeepTheirDefaults() throws Exception {
    EvaluationConfig c = EvaluationConfigReader.read(config(WITH_TENURE.replace(
        "\"minAtRisk\": 10, \"minEvents\": 10, \"minBeyondWhisker\": 10, \"curveGridDays\": 30",
        "\"minAtRisk\": 20, \"minEvents\": 5, \"curveGridDays\": 7")), instruments, analyses);

    DisclosurePolicy p = c.disclosurePolicy();
    assertThat(p.counts()).isEqualTo(c.suppression());
    assertThat(p.minAtRisk()).isEqualTo(20);
    assertThat(p.minEvents()).isEqualTo(5);
    assertThat(p.minBeyondWhisker()).isEqualTo(10);
    assertThat(p.curveGridDays()).isEqualTo(7);
    assertThat(p.significantDigits()).isEqualTo(2);
  }

  @Test
  void thresholdsBelowOneOrFractionalAreRefusedWithTheirPath() throws Exception {
    assertThat(violations("\"minAtRisk\": 10", "\"minAtRisk\": 0")).containsExactly(
        Violation.at("disclosure.minAtRisk", "must be at least 1"));
    assertThat(violations("\"curveGridDays\": 30", "\"curveGridDays\": -30")).containsExactly(
        Violation.at("disclosure.curveGridDays", "must be at least 1"));
    assertThat(violations("\"minEvents\": 10", "\"minEvents\": 7.5")).containsExactly(
        Violation.at("disclosure.minEvents", "must be a whole number, not a number with a fraction or exponent"));
    assertThat(violations("\"curveGridDays\": 30", "\"curveGridDays\": 30, \"digits\": 3")).containsExactly(
        Violation.at("disclosure.digits", "unknown key; allowed here: [curveGridDays, minAtRisk, minBeyondWhisker,"
            + " minEvents]"));
  }

  @Test
  void thresholdsBelowTheSafeFloorAreRefusedWhileCountsAreSuppressed() throws Exception {
    assertThat(violations("\"minAtRisk\": 10, \"minEvents\": 10, \"minBeyondWhisker\": 10",
        "\"minAtRisk\": 4, \"minEvents\": 1, \"minBeyondWhisker\": 2"))
        .extracting(Violation::location)
        .containsExactly("disclosure.minAtRisk", "disclosure.minEvents", "disclosure.minBeyondWhisker");
    assertThat(violations("\"minEvents\": 10", "\"minEvents\": 4")).singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("must be at least 5 while counts are suppressed"));
    // 5 is the floor itself, and a curve grid of 1 day is a choice, not a disclosure of counts
    EvaluationConfigReader.read(config(WITH_TENURE.replace("\"minEvents\": 10", "\"minEvents\": 5")
        .replace("\"curveGridDays\": 30", "\"curveGridDays\": 1")), instruments, analyses);
  }

  @Test
  void withoutSuppressionAnyThresholdOfAtLeastOneIsAccepted() throws Exception {
    EvaluationConfig c = EvaluationConfigReader.read(config(WITH_TENURE
        .replace("\"enabled\": true", "\"enabled\": false")
        .replace("\"minAtRisk\": 10, \"minEvents\": 10, \"minBeyondWhisker\": 10",
            "\"minAtRisk\": 1, \"minEvents\": 1, \"minBeyondWhisker\": 1")), instruments, analyses);

    assertThat(c.disclosurePolicy().minEvents()).isEqualTo(1);
    assertThat(c.disclosurePolicy().counts().enabled()).isFalse();
  }
}
