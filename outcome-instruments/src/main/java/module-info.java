/**
 * Instruments as data and the scoring engine, batch scoring, tabular input, and community tenure
 * derived from hospital episodes.
 */
module org.outcome.instruments {
  requires transitive org.outcome.api;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires jakarta.validation;
  requires org.hibernate.validator;
  requires org.slf4j;
  // only to keep Hibernate Validator's start-up line off stderr when nothing else is set up
  // (see internal.ValidatorBanner)
  requires java.logging;

  exports org.outcome.instruments;
  exports org.outcome.instruments.batch;
  exports org.outcome.instruments.io;
  exports org.outcome.instruments.tenure;

  // The JSON definition records are read by Jackson and validated by Hibernate Validator.
  opens org.outcome.instruments.internal to com.fasterxml.jackson.databind, org.hibernate.validator;

  provides org.outcome.api.plugin.InstrumentProvider with org.outcome.instruments.BuiltInInstruments;
}
