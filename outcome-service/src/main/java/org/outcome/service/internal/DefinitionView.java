package org.outcome.service.internal;

import java.util.List;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.ScoreRange;
import org.outcome.api.instrument.ScoringFact;
import org.outcome.api.instrument.Subscale;

/** An instrument definition as the service's JSON shows it: plain fields, every scoring fact with its source. */
record DefinitionView(String id, String version, String name, String construct, String citation, String licence,
    String primary, Integer maxMissingItems, List<ItemView> items, List<SubscaleView> subscales,
    List<FactView> provenance) {

  record ItemView(int number, String label, String keying, int min, int max, List<String> labels) {}

  record SubscaleView(String id, String label, List<Integer> items, String aggregation, int minAnswered,
      double min, double max) {}

  record FactView(String fact, String source, String verification) {}

  /** A line of the instrument list. */
  record Summary(String id, String version, String name, String construct, int items, String primary) {
    static Summary of(Instrument instrument) {
      InstrumentDefinition d = instrument.definition();
      return new Summary(d.id().value(), d.version(), d.name(), d.construct().name(), d.items().size(),
          d.primary().value());
    }
  }

  static DefinitionView of(InstrumentDefinition d) {
    List<ItemView> items = d.items().stream().map(DefinitionView::item).toList();
    List<SubscaleView> subscales = d.subscales().stream().map(s -> subscale(d, s)).toList();
    List<FactView> facts = d.provenance().stream().map(DefinitionView::fact).toList();
    return new DefinitionView(d.id().value(), d.version(), d.name(), d.construct().name(), d.citation(), d.licence(),
        d.primary().value(), d.maxMissingItems().isPresent() ? d.maxMissingItems().getAsInt() : null,
        items, subscales, facts);
  }

  private static ItemView item(Item i) {
    return new ItemView(i.number(), i.label(), i.keying().name(), i.scale().min(), i.scale().max(), i.scale().labels());
  }

  private static SubscaleView subscale(InstrumentDefinition d, Subscale s) {
    ScoreRange range = d.range(s.id());
    return new SubscaleView(s.id().value(), s.label(), s.items(), s.aggregation().name(),
        s.missingRule().minAnswered(), range.min(), range.max());
  }

  private static FactView fact(ScoringFact f) {
    return new FactView(f.fact(), f.source(), f.verification().name());
  }
}
