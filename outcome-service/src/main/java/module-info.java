/**
 * The scoring service: the instruments, their scores and FHIR Observations over HTTP (Javalin 7 on
 * Jetty 12). Safe by default: a bearer token, request size and rate limits, JSON errors naming the
 * element and reason, never a value; nothing from a request body in a log line.
 */
module org.outcome.service {
  requires transitive org.outcome.api;
  requires transitive org.outcome.fhir;
  requires io.javalin;
  requires jakarta.servlet;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports org.outcome.service;

  opens org.outcome.service.internal to com.fasterxml.jackson.databind;
}
