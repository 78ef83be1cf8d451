/**
 * Runnable service evaluations ({@code org.outcome.examples}: one program per design) and sample
 * third-party plugins: the {@code sign-test} analysis
 * ({@link org.outcome.examples.signtest.SignTestProvider}) and the {@code peer-contact} instrument
 * ({@link org.outcome.examples.localinstrument.PeerContactInstruments}).
 */
module org.outcome.examples {
  requires transitive org.outcome.api;
  requires org.outcome.io;
  requires org.outcome.tenure;
  requires org.outcome.instruments;
  requires org.outcome.stats;
  requires org.outcome.evaluation;

  exports org.outcome.examples;
  exports org.outcome.examples.signtest;
  exports org.outcome.examples.localinstrument;

  // Instruments.fromResource reads the definition from this module's package.
  opens org.outcome.examples.localinstrument to org.outcome.instruments;

  provides org.outcome.api.plugin.AnalysisProvider with org.outcome.examples.signtest.SignTestProvider;
  provides org.outcome.api.plugin.InstrumentProvider
      with org.outcome.examples.localinstrument.PeerContactInstruments;
}
