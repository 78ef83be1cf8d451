package org.outcome.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.Locale;
import java.util.Objects;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ResponseScale;
import org.outcome.api.instrument.ScoringFact;
import org.outcome.api.instrument.Subscale;

/**
 * Instrument definitions as FHIR R4 {@code Questionnaire} resources, following the Structured
 * Data Capture (SDC) conventions that the R4 core carries.
 *
 * <p>The mapping, item by item:
 * <ul>
 *   <li>{@code id} = the instrument id; {@code url} = {@link FhirOptions#questionnaireUrl};
 *       {@code version} = the definition's version; {@code name} a computable form of the id,
 *       {@code title} the published name; {@code status} {@code active}; {@code copyright} the
 *       licence sentence; {@code description} the construct, citation, scores and every scoring
 *       fact with its source and whether it was checked against the primary source.</li>
 *   <li>One item per question: {@code linkId} = the item's number on the instrument's own form,
 *       {@code text} = our short neutral label (never the licensed wording), {@code type}
 *       {@code choice}, {@code repeats} false.</li>
 *   <li>{@code answerOption}: one {@code valueCoding} per point of the item's response scale,
 *       {@code code} = the value as answered, {@code display} = the scale's label where the
 *       definition has one, in the instrument's answer code system
 *       ({@link FhirOptions#answerSystem}); the option carries the
 *       {@code http://hl7.org/fhir/StructureDefinition/ordinalValue} extension with the
 *       <em>keyed</em> value (reversed for reverse-keyed items), so that a sum of ordinal values is
 *       the instrument's raw sum.</li>
 *   <li>{@code required} is true where a missing answer leaves a score unscorable: the item
 *       belongs to a subscale whose missing-item rule asks for all of its items. Other items may
 *       be left out, as the instrument's proration allows.</li>
 * </ul>
 * Output is deterministic: the same definition and options always give the same resource.
 */
public final class Questionnaires {
  /** The R4 core extension SDC uses for an answer's numeric weight. */
  public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

  private Questionnaires() {}

  /** The definition as a {@code Questionnaire}, named by {@code options}. */
  public static Questionnaire of(InstrumentDefinition definition, FhirOptions options) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(options, "options");
    Questionnaire q = new Questionnaire();
    q.setId(definition.id().value());
    q.setUrl(options.questionnaireUrl(definition.id()));
    q.setVersion(definition.version());
    q.setName(computableName(definition.id().value()));
    q.setTitle(definition.name());
    q.setStatus(PublicationStatus.ACTIVE);
    q.setExperimental(false);
    q.addSubjectType("Patient");
    q.setPublisher("outcome (scoring definition); see copyright for the instrument's owners");
    q.setDescription(description(definition));
    q.setCopyright(definition.licence());
    for (Item item : definition.items()) {
      QuestionnaireItemComponent qi = q.addItem();
      qi.setLinkId(Integer.toString(item.number()));
      qi.setText(item.label());
      qi.setType(QuestionnaireItemType.CHOICE);
      qi.setRequired(required(definition, item.number()));
      qi.setRepeats(false);
      String system = options.answerSystem(definition, item);
      ResponseScale scale = item.scale();
      for (int value = scale.min(); value <= scale.max(); value++) {
        Coding coding = new Coding().setSystem(system).setCode(Integer.toString(value));
        if (!scale.labels().isEmpty()) {
          coding.setDisplay(scale.labels().get(value - scale.min()));
        }
        qi.addAnswerOption()
            .setValue(coding)
            .addExtension(ORDINAL_VALUE, new DecimalType(item.keyed(value)));
      }
    }
    return q;
  }

  /** The definition as a {@code Questionnaire} in pretty-printed FHIR JSON. */
  public static String json(InstrumentDefinition definition, FhirOptions options) {
    return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true)
        .encodeResourceToString(of(definition, options));
  }

  /** True when leaving the item out makes some score unscorable (a subscale needing all its items). */
  static boolean required(InstrumentDefinition definition, int item) {
    for (Subscale s : definition.subscales()) {
      if (s.items().contains(item) && s.missingRule().minAnswered() >= s.items().size()) {
        return true;
      }
    }
    return definition.maxMissingItems().isPresent() && definition.maxMissingItems().getAsInt() == 0;
  }

  /** {@code whoqol-bref} becomes {@code WHOQOL_BREF}: FHIR's name pattern is {@code [A-Z]([A-Za-z0-9_]){0,254}}. */
  static String computableName(String id) {
    StringBuilder name = new StringBuilder();
    for (char c : id.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, 'Q');
    }
    return name.toString();
  }

  private static String description(InstrumentDefinition d) {
    StringBuilder text = new StringBuilder();
    text.append(d.name()).append(" (version ").append(d.version()).append("), measuring ")
        .append(d.construct().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append(".\n\nCitation: ").append(d.citation())
        .append("\n\nItems carry outcome's short neutral labels, not the instrument's wording.")
        .append("\n\nScores:\n");
    for (Subscale s : d.subscales()) {
      text.append("\n- ").append(s.id()).append(": ").append(s.label()).append(" (")
          .append(s.aggregation().name().toLowerCase(Locale.ROOT)).append(" of items ")
          .append(s.items()).append(", at least ").append(s.missingRule().minAnswered())
          .append(" answered")
          .append(s.id().equals(d.primary()) ? "; the primary score" : "").append(')');
    }
    if (!d.provenance().isEmpty()) {
      text.append("\n\nScoring facts and their sources:\n");
      for (ScoringFact fact : d.provenance()) {
        text.append("\n- ").append(fact.fact()).append(" Source: ").append(fact.source())
            .append(" (").append(fact.verification().name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(')');
      }
    }
    return text.toString();
  }
}
