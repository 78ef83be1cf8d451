package org.outcome.instruments;

import java.util.List;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentProvider;

/**
 * The instruments shipped with outcome, each a JSON definition under
 * {@code org/outcome/instruments/definitions/}: the Empowerment Scale, the Mental Health
 * Confidence Scale, the General Self-Efficacy Scale, MANSA, WHOQOL-BREF, ReQoL-10, ReQoL-20,
 * WEMWBS and SWEMWBS. Registered as an {@link InstrumentProvider} service; the definitions are
 * read and checked when the provider is created.
 */
public final class BuiltInInstruments implements InstrumentProvider {
  /** The resource names of the shipped definitions, relative to this class. */
  private static final List<String> DEFINITIONS = List.of(
      "definitions/empowerment-scale.json",
      "definitions/mhcs.json",
      "definitions/gse.json",
      "definitions/mansa.json",
      "definitions/whoqol-bref.json",
      "definitions/reqol-10.json",
      "definitions/reqol-20.json",
      "definitions/wemwbs.json",
      "definitions/swemwbs.json");

  private final List<Instrument> instruments;

  /** The resource names of the shipped definitions, for the tests that check each file. */
  static List<String> definitions() {
    return DEFINITIONS;
  }

  /** Reads every shipped definition. */
  public BuiltInInstruments() {
    this.instruments = DEFINITIONS.stream()
        .map(resource -> Instruments.fromResource(BuiltInInstruments.class, resource))
        .toList();
  }

  @Override
  public List<Instrument> instruments() {
    return instruments;
  }
}
