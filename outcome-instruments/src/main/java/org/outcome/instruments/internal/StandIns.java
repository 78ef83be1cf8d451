package org.outcome.instruments.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.instrument.Aggregation;
import org.outcome.api.instrument.Construct;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.Verification;

/**
 * A bound definition with field problems made whole enough for the rules across fields: each
 * unreadable text becomes {@code ?}, each unreadable enum its first constant, an unreadable
 * minimum of answered items 1, an incomplete transform, psychometrics or fact is left out. Empty
 * when the parts those rules are about cannot be read: an item without a number, a subscale
 * without an id or items, no id or primary, a scale without both ends.
 */
final class StandIns {
  private static final String UNREADABLE = "?";

  private StandIns() {}

  static Optional<Dto.Definition> of(Dto.Definition d) {
    if (d.id() == null || d.primary() == null || d.items() == null || d.subscales() == null
        || !whole(d.scale()) || d.items().stream().anyMatch(i -> i == null || i.number() == null
            || i.scale() != null && !whole(i.scale()))
        || d.subscales().stream().anyMatch(s -> s == null || s.id() == null || s.items() == null
            || s.items().contains(null))) {
      return Optional.empty();
    }
    List<Dto.Item> items = d.items().stream().map(i -> new Dto.Item(i.number(), text(i.label()),
        i.keying() == null ? Keying.POSITIVE : i.keying(), i.scale())).toList();
    List<Dto.Subscale> subscales = d.subscales().stream().map(s -> new Dto.Subscale(s.id(), text(s.label()),
        s.items(), s.aggregation() == null ? Aggregation.SUM : s.aggregation(),
        s.transforms() == null ? null : s.transforms().stream().filter(StandIns::complete).toList(),
        s.minAnswered() == null || s.minAnswered() < 1 ? Integer.valueOf(1) : s.minAnswered(),
        s.polarity() == null ? Polarity.HIGHER_IS_BETTER : s.polarity(),
        complete(s.psychometrics()) ? s.psychometrics() : null)).toList();
    List<Dto.Fact> facts = new ArrayList<>();
    if (d.provenance() != null) {
      d.provenance().stream().filter(f -> f != null && f.verification() != null)
          .map(f -> new Dto.Fact(text(f.fact()), text(f.source()), f.verification())).forEach(facts::add);
    }
    if (facts.isEmpty()) {
      facts.add(new Dto.Fact(UNREADABLE, UNREADABLE, Verification.NOT_VERIFIED));
    }
    return Optional.of(new Dto.Definition(d.id(), text(d.version()), text(d.name()),
        d.construct() == null ? Construct.OTHER : d.construct(), text(d.citation()), text(d.licence()), d.scale(),
        items, subscales, d.primary(), d.maxMissingItems(), facts));
  }

  private static boolean whole(Dto.Scale scale) {
    return scale != null && scale.min() != null && scale.max() != null && scale.isOrdered() && scale.isLabelled();
  }

  private static boolean complete(Dto.Transform t) {
    return t != null && t.type() != null && t.isLinearComplete() && t.isLookupComplete();
  }

  private static boolean complete(Dto.Psychometrics p) {
    return p != null && p.reliability() != null && p.reliability() > 0 && p.reliability() < 1
        && p.referenceSd() != null && p.referenceSd() > 0 && p.source() != null && !p.source().isBlank()
        && p.verification() != null;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? UNREADABLE : Objects.requireNonNull(value);
  }
}
