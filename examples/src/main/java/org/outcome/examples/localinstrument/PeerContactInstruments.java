package org.outcome.examples.localinstrument;

import java.util.List;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentProvider;
import org.outcome.instruments.Instruments;

/** Contributes the example local instrument {@code peer-contact} from its JSON definition. */
public final class PeerContactInstruments implements InstrumentProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public PeerContactInstruments() {
    // the definition is read when the registry asks for the instruments
  }

  @Override
  public List<Instrument> instruments() {
    return List.of(Instruments.fromResource(PeerContactInstruments.class.getResource("peer-contact.json")));
  }
}
