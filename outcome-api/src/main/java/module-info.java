/**
 * The outcome API: vocabulary, instrument model, samples, result contract, plugin interfaces and
 * registries. Depends on nothing but the JDK and slf4j-api (the registries log plugin discovery at
 * DEBUG).
 */
module org.outcome.api {
  requires org.slf4j;

  exports org.outcome.api;
  exports org.outcome.api.instrument;
  exports org.outcome.api.sample;
  exports org.outcome.api.result;
  exports org.outcome.api.plugin;

  uses org.outcome.api.plugin.InstrumentProvider;
  uses org.outcome.api.plugin.AnalysisProvider;
}
