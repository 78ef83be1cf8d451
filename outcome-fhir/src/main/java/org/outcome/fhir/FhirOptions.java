package org.outcome.fhir;

import java.util.List;
import java.util.Objects;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ResponseScale;

/**
 * How outcome names its FHIR artefacts: the base of every canonical URL and code system it mints.
 *
 * <p>With an {@code http(s)} base the names are paths ({@code https://fhir.trust.nhs.uk/outcome}
 * gives {@code https://fhir.trust.nhs.uk/outcome/Questionnaire/swemwbs}); with a {@code urn:} base
 * they are colon-separated ({@code urn:outcome} gives {@code urn:outcome:Questionnaire:swemwbs}).
 * A trust that loads the questionnaires into its own FHIR server sets its own base, and scores
 * responses with the same options, since a response names its questionnaire by that URL.
 *
 * @param canonicalBase an absolute {@code http}, {@code https} or {@code urn:} URI without a
 *     trailing separator
 */
public record FhirOptions(String canonicalBase) {
  /** The default base, {@code urn:outcome}: a name, not an address, so nothing is implied to resolve. */
  public static final String DEFAULT_BASE = "urn:outcome";

  public FhirOptions {
    Objects.requireNonNull(canonicalBase, "canonicalBase");
    boolean web = canonicalBase.startsWith("http://") || canonicalBase.startsWith("https://");
    if (!(web || canonicalBase.startsWith("urn:"))
        || canonicalBase.endsWith("/") || canonicalBase.endsWith(":")
        || canonicalBase.chars().anyMatch(c -> c <= ' ' || c == '|' || c == '#' || c == '?')) {
      throw new IllegalArgumentException("the canonical base must be an http(s) URL or a urn: name"
          + " without spaces, '|', '#', '?' or a trailing separator");
    }
  }

  /** The default options: base {@value #DEFAULT_BASE}. */
  public static FhirOptions defaults() {
    return new FhirOptions(DEFAULT_BASE);
  }

  /** These options with another canonical base. */
  public FhirOptions withCanonicalBase(String base) {
    return new FhirOptions(base);
  }

  /** The canonical URL of the instrument's {@code Questionnaire}. */
  public String questionnaireUrl(InstrumentId instrument) {
    return name("Questionnaire", instrument.value());
  }

  /**
   * The code system of the instrument's answer codes (code = the answer's value on the form). An
   * instrument whose items use more than one response scale has one system per scale, the second
   * and later suffixed {@code -2}, {@code -3}, ... in order of first use.
   */
  public String answerSystem(InstrumentId instrument, int scaleIndex) {
    return name("CodeSystem", instrument.value() + "-answers" + (scaleIndex == 0 ? "" : "-" + (scaleIndex + 1)));
  }

  /**
   * The code system of an item's answers: {@link #answerSystem(InstrumentId, int)} with the index of
   * the item's scale among the definition's distinct scales in order of first use. The export of
   * the questionnaire and the scoring of responses both name answer systems through this.
   */
  public String answerSystem(InstrumentDefinition definition, Item item) {
    List<ResponseScale> scales = definition.items().stream().map(Item::scale).distinct().toList();
    return answerSystem(definition.id(), scales.indexOf(item.scale()));
  }

  /** The code system of the instrument's scores (code = the subscale's id). */
  public String scoreSystem(InstrumentId instrument) {
    return name("CodeSystem", instrument.value() + "-scores");
  }

  private String name(String type, String id) {
    char separator = canonicalBase.startsWith("urn:") ? ':' : '/';
    return canonicalBase + separator + type + separator + id;
  }
}
