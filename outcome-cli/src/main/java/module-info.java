/**
 * The {@code outcome} command-line tool. An application: it exports nothing and opens its command
 * and output packages to picocli and Jackson for reflection.
 */
module org.outcome.cli {
  requires org.outcome.api;
  requires org.outcome.io;
  requires org.outcome.tenure;
  requires org.outcome.instruments;
  requires org.outcome.stats;
  requires org.outcome.evaluation;
  // outcome fhir and outcome serve only, which the outcome script runs on the class path with
  // HAPI FHIR and Javalin
  requires static org.outcome.fhir;
  requires static org.outcome.service;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires ch.qos.logback.classic; // LogSetup configures it; --verbose and --quiet set its levels
  requires ch.qos.logback.core;

  provides ch.qos.logback.classic.spi.Configurator with org.outcome.cli.LogSetup;
  uses org.outcome.cli.engine.EngineProvider; // outcome spark: found on the class path

  opens org.outcome.cli to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.serve to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.fhir to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.evaluate to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.io to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.score to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.survival to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.tenure to info.picocli, com.fasterxml.jackson.databind;
  opens org.outcome.cli.stats to info.picocli, com.fasterxml.jackson.databind;
}
