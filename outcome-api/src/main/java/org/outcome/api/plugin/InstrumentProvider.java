package org.outcome.api.plugin;

import java.util.List;
import org.outcome.api.instrument.Instrument;

/**
 * Contributes instruments. Registered as a {@link java.util.ServiceLoader} service; the
 * {@link InstrumentRegistry} calls {@link #instruments()} once.
 */
public interface InstrumentProvider {
  /** The instruments this provider contributes; ids must be unique across all providers. */
  List<Instrument> instruments();
}
