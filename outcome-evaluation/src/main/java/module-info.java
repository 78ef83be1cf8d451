/**
 * Service evaluations end to end: configuration, runner, suppression, reports and charts.
 */
// "module": the qualified export below names org.outcome.cli, which is built after this module.
@SuppressWarnings("module")
module org.outcome.evaluation {
  requires transitive org.outcome.api;
  requires transitive org.outcome.io;
  requires transitive org.outcome.tenure;
  requires transitive org.outcome.instruments;
  requires transitive org.outcome.stats;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.annotation;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.slf4j;
  // field rules of evaluation.json, checked by outcome-instruments' JSON reader (Hibernate Validator)
  requires jakarta.validation;

  // The API: configuration, runner, progress; the report model and its JSON and HTML writers.
  exports org.outcome.evaluation;
  exports org.outcome.evaluation.report;
  // The synthetic demonstration is the command-line tool's `demo`, not library API. The charts
  // (svg) and the runner's parts (internal) are used only inside this module.
  exports org.outcome.evaluation.demo to org.outcome.cli;

  // The records of evaluation.json are read by Jackson and validated by Hibernate Validator.
  opens org.outcome.evaluation.internal.config to com.fasterxml.jackson.databind, org.hibernate.validator;
}
