package org.outcome.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.SubscaleId;

/**
 * Reading definitions: every field rule and every cross-field rule, each reported with its JSON
 * path; hostile JSON (unknown properties, duplicate keys, deep nesting, huge documents) rejected.
 */
class DefinitionValidationTest {
  /** A small valid definition; tests replace parts of it. */
  private static final String VALID = """
      {
        "id": "tiny",
        "version": "1",
        "name": "Tiny scale",
        "construct": "OTHER",
        "citation": "Nobody 2024.",
        "licence": "Public domain.",
        "scale": {"min": 1, "max": 4},
        "items": [
          {"number": 1, "label": "first", "keying": "POSITIVE"},
          {"number": 2, "label": "second", "keying": "REVERSE"},
          {"number": 3, "label": "third", "keying": "POSITIVE"}
        ],
        "subscales": [
          {"id": "total", "label": "Total", "items": [1, 2, 3], "aggregation": "SUM",
           "transforms": [{"type": "LOOKUP", "table": {"3": 0, "4": 1, "5": 2, "6": 3, "7": 4, "8": 5, "9": 6, "10": 7, "11": 8, "12": 9}}],
           "minAnswered": 3, "polarity": "HIGHER_IS_BETTER",
           "psychometrics": {"reliability": 0.8, "referenceSd": 2.5, "source": "made up for a test", "verification": "NOT_VERIFIED"}},
          {"id": "mean", "label": "Mean", "items": [1, 3], "aggregation": "MEAN",
           "transforms": [{"type": "LINEAR", "shift": -1, "factor": 2}],
           "minAnswered": 1, "polarity": "LOWER_IS_BETTER"}
        ],
        "primary": "total",
        "maxMissingItems": 1,
        "provenance": [{"fact": "invented", "source": "this test", "verification": "NOT_VERIFIED"}]
      }
      """;

  private static InstrumentDefinition read(String json) {
    return Instruments.readDefinition(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static List<Violation> violations(String json) {
    try {
      read(json);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).startsWith("invalid test.json: ");
      return e.violations();
    }
    throw new AssertionError("expected the definition to be rejected");
  }

  private static String replace(String from, String to) {
    assertThat(VALID).contains(from);
    return VALID.replace(from, to);
  }

  @Test
  void aValidDefinitionReadsIntoTheApiModelAndScores() {
    InstrumentDefinition d = read(VALID);
    assertThat(d.id().value()).isEqualTo("tiny");
    assertThat(d.items()).hasSize(3);
    assertThat(d.item(2).orElseThrow().keying()).isEqualTo(org.outcome.api.instrument.Keying.REVERSE);
    assertThat(d.maxMissingItems()).hasValue(1);
    assertThat(d.subscale(SubscaleId.of("total")).orElseThrow().psychometrics()).isPresent();
    // 1, 2 (reversed: 3), 4: raw sum 8 -> lookup 5; mean of 1 and 4 = 2.5 -> (2.5 - 1) * 2 = 3.
    var score = Instruments.of(d).score(ResponseSet.complete(d.id(), 1, 2, 4));
    assertThat(score.subscale(SubscaleId.of("total")).orElseThrow().value()).hasValue(5);
    assertThat(score.subscale(SubscaleId.of("mean")).orElseThrow().value()).hasValue(3);
  }

  @Test
  void everyFieldViolationIsListedWithItsPath() {
    String json = VALID.replace("\"id\": \"tiny\"", "\"id\": \"Tiny Scale\"")
        .replace("\"version\": \"1\"", "\"version\": \" \"")
        .replace("{\"number\": 2, \"label\": \"second\", \"keying\": \"REVERSE\"}", "{\"number\": 0, \"label\": \"\", \"keying\": null}")
        .replace("\"minAnswered\": 1", "\"minAnswered\": 0")
        .replace("\"reliability\": 0.8", "\"reliability\": 1.2");
    assertThat(violations(json)).extracting(Violation::location).containsExactly(
        "id", "items[1].keying", "items[1].label", "items[1].number",
        "subscales[0].psychometrics.reliability", "subscales[1].minAnswered", "version");
  }

  @Test
  void aReliabilityOutsideTheOpenUnitIntervalIsExplained() {
    // the default DecimalMax message needs expression language and came out as "${inclusive == true ? ...}"
    assertThat(violations(replace("\"reliability\": 0.8", "\"reliability\": 1.2")))
        .containsExactly(Violation.at("subscales[0].psychometrics.reliability", "must be greater than 0 and less than 1"));
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    String json = VALID.replace("\"citation\": \"Nobody 2024.\",", "").replace("\"construct\": \"OTHER\",", "");
    assertThat(violations(json)).extracting(Violation::location).containsExactly("citation", "construct");
  }

  @Test
  void scaleRulesAreCheckedForTheDefaultAndPerItemScales() {
    assertThat(violations(replace("\"scale\": {\"min\": 1, \"max\": 4}", "\"scale\": {\"min\": 4, \"max\": 4}")))
        .containsExactly(Violation.at("scale", "max must be greater than min"));
    assertThat(violations(replace("{\"number\": 3, \"label\": \"third\", \"keying\": \"POSITIVE\"}",
        "{\"number\": 3, \"label\": \"third\", \"keying\": \"POSITIVE\", \"scale\": {\"min\": 0, \"max\": 2, \"labels\": [\"a\"]}}")))
        .containsExactly(Violation.at("items[2].scale", "needs one label per answer from min to max, or none"));
  }

  @Test
  void transformsMustBeComplete() {
    assertThat(violations(replace("{\"type\": \"LINEAR\", \"shift\": -1, \"factor\": 2}", "{\"type\": \"LINEAR\", \"shift\": -1}")))
        .extracting(Violation::location).containsExactly("subscales[1].transforms[0]");
    assertThat(violations(replace("{\"type\": \"LINEAR\", \"shift\": -1, \"factor\": 2}", "{\"type\": \"LOOKUP\", \"factor\": 2}")))
        .extracting(Violation::location).containsExactly("subscales[1].transforms[0]");
  }

  // ---- cross-field rules (InstrumentDefinition), each with its JSON path

  @Test
  void itemNumbersMustBeUnique() {
    assertThat(violations(replace("{\"number\": 3,", "{\"number\": 2,")))
        .contains(Violation.at("items[2].number", "item number 2 appears more than once"));
  }

  @Test
  void subscaleItemsMustExistAndAppearOnce() {
    assertThat(violations(replace("\"items\": [1, 3]", "\"items\": [1, 9, 1]"))).extracting(Violation::location)
        .containsExactly("subscales[1].items[1]", "subscales[1].items[2]");
  }

  @Test
  void minAnsweredCannotExceedTheSubscale() {
    assertThat(violations(replace("\"minAnswered\": 1", "\"minAnswered\": 3")))
        .containsExactly(Violation.at("subscales[1].missingRule.minAnswered",
            "subscale 'mean' requires 3 answered items but has only 2"));
  }

  @Test
  void subscaleIdsMustBeUniqueAndThePrimaryMustExist() {
    assertThat(violations(replace("\"id\": \"mean\"", "\"id\": \"total\"").replace("\"primary\": \"total\"", "\"primary\": \"nope\"")))
        .extracting(Violation::location).containsExactly("subscales[1].id", "primary");
  }

  @Test
  void lookupTablesMustCoverEveryReachableRawScore() {
    assertThat(violations(replace(", \"12\": 9}", "}"))).singleElement().satisfies(v -> {
      assertThat(v.location()).isEqualTo("subscales[0].transforms[0]");
      assertThat(v.message()).contains("no entry for reachable raw score(s) [12]");
    });
  }

  @Test
  void lookupTableKeysMustLieInsideTheReachableRange() {
    assertThat(violations(replace("{\"3\": 0,", "{\"2\": -1, \"3\": 0,"))).singleElement().satisfies(v -> {
      assertThat(v.location()).isEqualTo("subscales[0].transforms[0]");
      assertThat(v.message()).contains("entries for raw score(s) [2] outside the reachable 3 to 12");
    });
  }

  @Test
  void lookupTablesNeedACompleteSum() {
    assertThat(violations(replace("\"minAnswered\": 3", "\"minAnswered\": 2"))).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("a lookup table must be the first step after a sum"));
  }

  @Test
  void maxMissingItemsMustBeBelowTheItemCount() {
    assertThat(violations(replace("\"maxMissingItems\": 1", "\"maxMissingItems\": 3")))
        .containsExactly(Violation.at("maxMissingItems", "must be between 0 and 2, got 3"));
    assertThat(violations(replace("\"maxMissingItems\": 1", "\"maxMissingItems\": -1")))
        .extracting(Violation::location).containsExactly("maxMissingItems");
  }

  // ---- hostile or malformed JSON

  @Test
  void unknownPropertiesAreRejectedWithTheirPath() {
    assertThat(violations(replace("\"label\": \"first\",", "\"label\": \"first\", \"wording\": \"the licensed text\",")))
        .singleElement().satisfies(v -> {
          assertThat(v.location()).isEqualTo("items[0].wording");
          assertThat(v.message()).isEqualTo("unknown key; allowed here: [keying, label, number, scale]");
        });
  }

  // ---- values of the wrong kind: refused, never coerced, never echoed

  @Test
  void aFractionWhereAWholeNumberIsMeantIsRefused() {
    assertThat(violations(replace("\"minAnswered\": 1", "\"minAnswered\": 1.5")))
        .containsExactly(Violation.at("subscales[1].minAnswered",
            "must be a whole number, not a number with a fraction or exponent"));
    assertThat(violations(replace("\"scale\": {\"min\": 1, \"max\": 4}", "\"scale\": {\"min\": 1, \"max\": 4.0}")))
        .extracting(Violation::location).containsExactly("scale.max");
    assertThat(violations(replace("\"maxMissingItems\": 1", "\"maxMissingItems\": 1e0")))
        .extracting(Violation::location).containsExactly("maxMissingItems");
  }

  @Test
  void textWhereANumberIsMeantIsRefused() {
    assertThat(violations(replace("{\"number\": 2,", "{\"number\": \"2\",")))
        .containsExactly(Violation.at("items[1].number", "must be a whole number, not text"));
    assertThat(violations(replace("\"reliability\": 0.8", "\"reliability\": \"0.8\"")))
        .containsExactly(Violation.at("subscales[0].psychometrics.reliability", "must be a number, not text"));
  }

  @Test
  void aNumberWhereTextIsMeantIsRefused() {
    assertThat(violations(replace("\"version\": \"1\"", "\"version\": 1")))
        .containsExactly(Violation.at("version", "must be text in double quotes, not a whole number"));
  }

  @Test
  void aNumberWhereAnEnumIsMeantIsRefused() {
    assertThat(violations(replace("\"construct\": \"OTHER\"", "\"construct\": 0")))
        .singleElement().satisfies(v -> {
          assertThat(v.location()).isEqualTo("construct");
          assertThat(v.message()).startsWith("must be one of [");
        });
  }

  @Test
  void aListWhereAnObjectIsMeantIsRefusedWithoutJavaNames() {
    assertThat(violations(replace("\"scale\": {\"min\": 1, \"max\": 4}", "\"scale\": [1, 4]")))
        .containsExactly(Violation.at("scale", "must be an object, not a list"));
  }

  @Test
  void aLookupTableKeyMustBeAWholeNumberAndIsNotEchoed() {
    assertThat(violations(replace("{\"3\": 0,", "{\"three\": 0, \"3\": 0,")))
        .containsExactly(Violation.at("subscales[0].transforms[0].table", "every key must be a whole number in double quotes"));
  }

  @Test
  void aDocumentThatIsNotAnObjectIsRefusedOnce() {
    assertThat(violations("[1, 2]")).containsExactly(Violation.at("$", "must be an object, not a list"));
    assertThat(violations("")).containsExactly(Violation.at("$", "the document is empty"));
    assertThat(violations("null")).containsExactly(Violation.at("$", "the document is empty or null"));
  }

  @Test
  void everyProblemInOneFileIsReportedTogether() {
    String json = VALID.replace("\"label\": \"first\",", "\"label\": \"first\", \"wording\": \"licensed\",")
        .replace("{\"number\": 2,", "{\"number\": 2.5,")
        .replace("\"aggregation\": \"MEAN\"", "\"aggregation\": \"MEDIAN\"")
        .replace("\"maxMissingItems\": 1", "\"maxMissingItems\": -1")
        .replace("\"version\": \"1\"", "\"version\": \" \"");
    List<Violation> found = violations(json);
    assertThat(found).extracting(Violation::location).containsExactly(
        "items[0].wording", "items[1].number", "subscales[1].aggregation", "maxMissingItems", "version");
    assertThat(found).extracting(Violation::message)
        .noneMatch(m -> m.contains("licensed") || m.contains("MEDIAN") || m.contains("2.5"))
        .noneMatch(m -> m.contains("org.outcome") || m.contains("Dto") || m.contains("java."));
  }

  @Test
  void fieldProblemsAndProblemsAcrossFieldsComeTogether() {
    // a bad enum and a bad keying (field rules) with a subscale naming an item the instrument lacks
    // and a primary that is not a subscale (rules across fields): one exception lists all four
    String json = replace("\"construct\": \"OTHER\"", "\"construct\": \"COURAGE\"")
        .replace("{\"number\": 3, \"label\": \"third\", \"keying\": \"POSITIVE\"}",
            "{\"number\": 3, \"label\": \"third\", \"keying\": \"BACKWARDS\"}")
        .replace("\"items\": [1, 3]", "\"items\": [1, 7]")
        .replace("\"primary\": \"total\"", "\"primary\": \"overall\"");

    assertThat(violations(json)).extracting(Violation::location).containsExactly(
        "construct", "items[2].keying", "subscales[1].items[1]", "primary");
  }

  @Test
  void standInsForBadFieldsAddNoProblemOfTheirOwn() {
    // an unreadable aggregation before a lookup table: its stand-in (a sum) must not add "a lookup
    // table needs a complete sum", and a blank label must not add a problem of the label's own
    String json = replace("\"aggregation\": \"SUM\"", "\"aggregation\": \"MEDIAN\"")
        .replace("\"label\": \"second\"", "\"label\": \" \"");

    assertThat(violations(json)).extracting(Violation::location)
        .containsExactlyInAnyOrder("subscales[0].aggregation", "items[1].label");
  }

  @Test
  void withoutReadableItemNumbersOnlyTheFieldProblemsAreReported() {
    String json = replace("{\"number\": 2,", "{\"number\": \"two\",").replace("\"items\": [1, 3]", "\"items\": [1, 7]");

    assertThat(violations(json)).extracting(Violation::location).containsExactly("items[1].number");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(violations(replace("\"version\": \"1\",", "\"version\": \"1\", \"version\": \"2\",")))
        .singleElement().satisfies(v -> assertThat(v.message()).contains("Duplicate field 'version'"));
  }

  @Test
  void unknownEnumValuesAreRejectedWithTheirPath() {
    assertThat(violations(replace("\"aggregation\": \"MEAN\"", "\"aggregation\": \"MEDIAN\"")))
        .singleElement().satisfies(v -> assertThat(v.location()).isEqualTo("subscales[1].aggregation"));
  }

  /**
   * Strict binding already stops at the first token a record does not expect, so the nesting
   * bound ({@code StreamReadConstraints}, depth 16) is a second line of defence; this checks that
   * deeply nested input is rejected quickly and located.
   */
  @Test
  void deepNestingIsRejected() {
    String deep = "[".repeat(100) + "]".repeat(100);
    assertThat(violations(replace("\"scale\": {\"min\": 1, \"max\": 4}",
        "\"scale\": {\"min\": 1, \"max\": 4, \"labels\": " + deep + "}")))
        .singleElement().satisfies(v -> assertThat(v.location()).startsWith("scale.labels"));
  }

  @Test
  void hugeDocumentsAreRejected() {
    String padding = " ".repeat(1_100_000);
    assertThat(violations(VALID + padding)).singleElement()
        .satisfies(v -> assertThat(v.message()).containsIgnoringCase("document length"));
  }

  @Test
  void malformedJsonNamesTheLine() {
    assertThat(violations("{\n  \"id\": \"tiny\",\n  oops\n}")).singleElement()
        .satisfies(v -> assertThat(v.location()).startsWith("line 3, column "));
    assertThat(violations("null")).extracting(Violation::location).containsExactly("$");
    assertThat(violations(VALID + "{}")).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("Trailing token"));
  }

  @Test
  void aMissingResourceIsReportedByName() {
    assertThatThrownBy(() -> Instruments.readDefinition(DefinitionValidationTest.class, "no-such.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no-such.json: no such resource");
  }

  @Test
  void everyShippedDefinitionReadsAndRecordsItsProvenance() {
    for (String resource : BuiltInInstruments.definitions()) {
      InstrumentDefinition d = Instruments.readDefinition(BuiltInInstruments.class, resource);
      assertThat(resource).endsWith(d.id().value() + ".json");
      assertThat(d.provenance()).as(resource).isNotEmpty();
      assertThat(d.licence()).as(resource).contains("wording");
    }
  }

  @Test
  void theShippedDefinitionsAreFoundFromTheFolderAlone() throws Exception {
    // adding a built-in instrument is one JSON file: whatever the folder holds is shipped
    Path folder = Path.of("src/main/resources/org/outcome/instruments/definitions");
    List<String> files;
    try (var listing = Files.list(folder)) {
      files = listing.map(p -> "definitions/" + p.getFileName()).sorted().toList();
    }
    assertThat(files).hasSize(9);
    assertThat(BuiltInInstruments.definitions()).containsExactlyElementsOf(files);
    assertThat(new BuiltInInstruments().instruments()).extracting(i -> i.definition().id().value())
        .containsExactly("empowerment-scale", "gse", "mansa", "mhcs", "reqol-10", "reqol-20", "swemwbs", "wemwbs",
            "whoqol-bref");
  }
}
