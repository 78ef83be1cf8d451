/**
 * Runnable service evaluations ({@code org.outcome.examples}: one program per design) and sample
 * third-party plugins: the {@code sign-test} analysis
 * ({@link org.outcome.examples.signtest.SignTestProvider}) and the {@code peer-contact} instrument
 * ({@link org.outcome.examples.localinstrument.PeerContactInstruments}).
 */
module org.outcome.examples {
  requires org.outcome.api;
  requires org.outcome.io;
  requires org.outcome.tenure;
  requires org.outcome.instruments;
  requires org.outcome.stats;
  requires org.outcome.evaluation;

  // Exports nothing: the programs are run, not called, and a plugin needs no export, because
  // ServiceLoader instantiates the classes named in `provides` whether or not their package is
  // exported.

  // Opens nothing either: the instrument provider looks its definition up itself
  // (Instruments.fromResource(PeerContactInstruments.class.getResource(...))).

  provides org.outcome.api.plugin.AnalysisProvider with org.outcome.examples.signtest.SignTestProvider;
  provides org.outcome.api.plugin.InstrumentProvider
      with org.outcome.examples.localinstrument.PeerContactInstruments;
}
