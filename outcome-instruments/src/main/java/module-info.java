/**
 * Instruments as data: definitions read from JSON and checked on load, the scoring engine, and
 * batch scoring of answers files with full accounting.
 */
@SuppressWarnings("module") // the qualified export names a module built after this one
module org.outcome.instruments {
  requires transitive org.outcome.api;
  requires com.fasterxml.jackson.databind;
  requires transitive org.outcome.io;
  requires jakarta.validation;
  requires org.hibernate.validator;
  requires org.slf4j;
  // only to keep Hibernate Validator's start-up line off stderr when nothing else is set up
  // (see internal.json.ValidatorBanner)
  requires java.logging;

  exports org.outcome.instruments;
  exports org.outcome.instruments.batch;
  // The library's one JSON document reader, shared with the evaluation configuration; not an API.
  exports org.outcome.instruments.internal.json to org.outcome.evaluation;

  // The JSON definition records are read by Jackson and validated by Hibernate Validator.
  opens org.outcome.instruments.internal to com.fasterxml.jackson.databind, org.hibernate.validator;

  provides org.outcome.api.plugin.InstrumentProvider with org.outcome.instruments.BuiltInInstruments;
}
