package org.example.hello;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Aggregation;
import org.outcome.api.instrument.Construct;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.MissingItemRule;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.ResponseScale;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.api.plugin.InstrumentProvider;

/**
 * A third-party instrument plugin for {@code ModulePathTest}, which packs this class into a plain
 * jar (no module descriptor) with a {@code META-INF/services} file. It is not registered as a
 * service in this module's tests.
 */
public final class HelloProvider implements InstrumentProvider {
  @Override
  public List<Instrument> instruments() {
    return List.of(new Hello());
  }

  /** A one-item instrument, {@code hello}. */
  public static final class Hello implements Instrument {
    private static final SubscaleId TOTAL = SubscaleId.of("total");
    private static final InstrumentDefinition DEFINITION = new InstrumentDefinition(InstrumentId.of("hello"), "1",
        "Hello", Construct.OTHER, "none", "public domain",
        List.of(new Item(1, "only", Keying.POSITIVE, ResponseScale.of(0, 1))),
        List.of(new Subscale(TOTAL, "Total", List.of(1), Aggregation.SUM, List.of(),
            MissingItemRule.allRequired(1), Polarity.HIGHER_IS_BETTER, Optional.empty())),
        TOTAL, OptionalInt.empty(), List.of());

    @Override
    public InstrumentDefinition definition() {
      return DEFINITION;
    }

    @Override
    public Score score(ResponseSet answers) {
      return new Score(DEFINITION.id(), "1", TOTAL,
          List.of(SubscaleScore.scored(TOTAL, answers.value(0), List.of(), false)));
    }
  }
}
