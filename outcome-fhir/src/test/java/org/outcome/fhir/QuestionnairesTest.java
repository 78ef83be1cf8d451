package org.outcome.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.plugin.InstrumentRegistry;

class QuestionnairesTest {
  static Stream<Instrument> shipped() {
    return FhirScorerTest.REGISTRY.all().stream();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedInstrumentPassesTheR4Validator(Instrument instrument) {
    Questionnaire q = Questionnaires.of(instrument.definition(), FhirOptions.defaults());
    assertThat(R4Validator.errors(q)).isEmpty();
    Questionnaire web = Questionnaires.of(instrument.definition(),
        FhirOptions.defaults().withCanonicalBase("https://fhir.example.nhs.uk/outcome"));
    assertThat(R4Validator.errors(web)).isEmpty();
  }

  @Test
  void theValidatorFindsWhatIsBroken() {
    // the check above can fail: a questionnaire without status and with an item without linkId
    Questionnaire broken = Questionnaires.of(
        FhirScorerTest.REGISTRY.require(InstrumentId.of("gse")).definition(), FhirOptions.defaults());
    broken.setStatus(null);
    broken.getItemFirstRep().setLinkId(null);
    assertThat(R4Validator.errors(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void oneChoiceItemPerQuestionWithTheDefinitionsLabelsAndScale(Instrument instrument) {
    InstrumentDefinition d = instrument.definition();
    Questionnaire q = Questionnaires.of(d, FhirOptions.defaults());
    assertThat(q.getUrl()).isEqualTo("urn:outcome:Questionnaire:" + d.id().value());
    assertThat(q.getVersion()).isEqualTo(d.version());
    assertThat(q.getTitle()).isEqualTo(d.name());
    assertThat(q.getCopyright()).isEqualTo(d.licence());
    assertThat(q.getItem()).hasSize(d.items().size());
    for (int i = 0; i < d.items().size(); i++) {
      Item item = d.items().get(i);
      QuestionnaireItemComponent qi = q.getItem().get(i);
      assertThat(qi.getLinkId()).isEqualTo(Integer.toString(item.number()));
      assertThat(qi.getText()).isEqualTo(item.label());
      assertThat(qi.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
      assertThat(qi.getAnswerOption()).hasSize(item.scale().size());
      for (int k = 0; k < item.scale().size(); k++) {
        QuestionnaireItemAnswerOptionComponent option = qi.getAnswerOption().get(k);
        int value = item.scale().min() + k;
        Coding coding = option.getValueCoding();
        assertThat(coding.getCode()).isEqualTo(Integer.toString(value));
        assertThat(coding.getSystem()).isEqualTo("urn:outcome:CodeSystem:" + d.id().value() + "-answers");
        DecimalType ordinal = (DecimalType) option.getExtensionByUrl(Questionnaires.ORDINAL_VALUE).getValue();
        assertThat(ordinal.getValue().intValueExact()).isEqualTo(item.keyed(value));
        if (!item.scale().labels().isEmpty()) {
          assertThat(coding.getDisplay()).isEqualTo(item.scale().labels().get(k));
        }
      }
    }
    // the provenance of each scoring fact is carried across
    d.provenance().forEach(fact -> assertThat(q.getDescription()).contains(fact.source()));
  }

  @Test
  void reverseKeyedItemsCarryReversedOrdinalValues() {
    InstrumentDefinition gse = FhirScorerTest.REGISTRY.require(InstrumentId.of("empowerment-scale")).definition();
    Item reversed = gse.items().stream().filter(i -> i.keying() == org.outcome.api.instrument.Keying.REVERSE)
        .findFirst().orElseThrow();
    QuestionnaireItemComponent qi = Questionnaires.of(gse, FhirOptions.defaults()).getItem().stream()
        .filter(i -> i.getLinkId().equals(Integer.toString(reversed.number()))).findFirst().orElseThrow();
    List<Integer> ordinals = qi.getAnswerOption().stream()
        .map(o -> ((DecimalType) o.getExtensionByUrl(Questionnaires.ORDINAL_VALUE).getValue()).getValue().intValueExact())
        .toList();
    assertThat(ordinals).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(ordinals.get(0)).isEqualTo(reversed.scale().max());
  }

  @Test
  void requiredFollowsTheMissingItemRule() {
    InstrumentRegistry registry = FhirScorerTest.REGISTRY;
    for (Instrument instrument : registry.all()) {
      InstrumentDefinition d = instrument.definition();
      Questionnaire q = Questionnaires.of(d, FhirOptions.defaults());
      for (QuestionnaireItemComponent qi : q.getItem()) {
        int number = Integer.parseInt(qi.getLinkId());
        boolean needed = d.subscales().stream().anyMatch(s -> s.items().contains(number)
            && s.missingRule().minAnswered() == s.items().size());
        assertThat(qi.getRequired()).as("%s item %d", d.id(), number).isEqualTo(needed);
      }
    }
  }

  @Test
  void theSameDefinitionGivesTheSameJson() {
    InstrumentDefinition d = FhirScorerTest.REGISTRY.require(InstrumentId.of("swemwbs")).definition();
    assertThat(Questionnaires.json(d, FhirOptions.defaults())).isEqualTo(Questionnaires.json(d, FhirOptions.defaults()));
  }

  @Test
  void canonicalBaseIsCheckedAndShapesTheNames() {
    InstrumentId id = InstrumentId.of("gse");
    assertThat(new FhirOptions("https://fhir.trust.nhs.uk/outcome").questionnaireUrl(id))
        .isEqualTo("https://fhir.trust.nhs.uk/outcome/Questionnaire/gse");
    assertThat(FhirOptions.defaults().scoreSystem(id)).isEqualTo("urn:outcome:CodeSystem:gse-scores");
    assertThat(FhirOptions.defaults().answerSystem(id, 1)).isEqualTo("urn:outcome:CodeSystem:gse-answers-2");
    for (String bad : List.of("ftp://x", "https://x/", "urn:x:", "https://x y", "https://x|1", "outcome")) {
      assertThatThrownBy(() -> new FhirOptions(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
