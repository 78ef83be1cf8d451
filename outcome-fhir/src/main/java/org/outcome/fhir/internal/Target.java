package org.outcome.fhir.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.fhir.FhirOptions;
import org.outcome.fhir.ScoreCode;
import org.outcome.fhir.ScoreCodes;

/**
 * One instrument as the FHIR scorer sees it: its questionnaire URL, its items by linkId with the
 * answer system each uses, and the codes of its scores. Immutable.
 */
public final class Target {
  final Instrument instrument;
  final InstrumentDefinition definition;
  final String url;
  final String scoreSystem;
  private final Map<String, Item> itemsByLinkId = new HashMap<>();
  private final Map<Integer, String> answerSystems = new HashMap<>();
  private final Map<SubscaleId, List<ScoreCode>> codes = new HashMap<>();

  /** The instrument named by these options. */
  public Target(Instrument instrument, FhirOptions options) {
    this.instrument = instrument;
    this.definition = instrument.definition();
    this.url = options.questionnaireUrl(definition.id());
    this.scoreSystem = options.scoreSystem(definition.id());
    for (Item item : definition.items()) {
      itemsByLinkId.put(Integer.toString(item.number()), item);
      answerSystems.put(item.number(), options.answerSystem(definition, item));
    }
    for (Subscale s : definition.subscales()) {
      codes.put(s.id(), ScoreCodes.forScore(definition.id(), s.id()));
    }
  }

  /** The questionnaire's canonical URL. */
  public String url() {
    return url;
  }

  Item item(String linkId) {
    return itemsByLinkId.get(linkId);
  }

  String answerSystem(int item) {
    return answerSystems.get(item);
  }

  List<ScoreCode> codes(SubscaleId subscale) {
    return codes.get(subscale);
  }
}
