/**
 * Service evaluations end to end: configuration, runner, suppression, reports and charts.
 */
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

  exports org.outcome.evaluation;
  exports org.outcome.evaluation.demo;
  exports org.outcome.evaluation.report;
  exports org.outcome.evaluation.svg;

  // The records of evaluation.json are read by Jackson and validated by Hibernate Validator.
  opens org.outcome.evaluation.internal.config to com.fasterxml.jackson.databind, org.hibernate.validator;
}
