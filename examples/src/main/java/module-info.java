/**
 * Runnable service evaluations and sample third-party plugins: the {@code sign-test} analysis
 * ({@link org.outcome.examples.signtest.SignTestProvider}).
 */
module org.outcome.examples {
  requires transitive org.outcome.api;
  requires org.outcome.instruments;
  requires org.outcome.stats;

  exports org.outcome.examples.signtest;

  provides org.outcome.api.plugin.AnalysisProvider with org.outcome.examples.signtest.SignTestProvider;
}
